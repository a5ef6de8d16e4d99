package io.github.creditrisk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set could not be compiled. Carries every error found, each as {@code FILE:LINE: message}.
 */
public final class RuleCompilationException extends RiskException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    public RuleCompilationException(String source, List<RuleError> errors) {
        super("the rules in " + source + " do not compile (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):\n" + errors.stream().map(RuleError::toString)
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Every error, in file and line order. */
    public List<RuleError> errors() {
        return errors;
    }
}
