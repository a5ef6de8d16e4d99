package io.github.creditrisk;

/**
 * The one unchecked base exception of the engine. Its subclasses name the failure:
 * {@link InvalidValueException} (bad input), {@link RuleCompilationException} (rules that do not compile),
 * {@link EvaluationException} (the rules failed for one borrower) and {@link EngineDiscoveryException}
 * (no engine, or several, on the class path).
 *
 * <p>Messages are meant for the person who can fix the problem: they name the bad value and what would
 * have been accepted.
 */
public class RiskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RiskException(String message) {
        super(message);
    }

    public RiskException(String message, Throwable cause) {
        super(message, cause);
    }
}
