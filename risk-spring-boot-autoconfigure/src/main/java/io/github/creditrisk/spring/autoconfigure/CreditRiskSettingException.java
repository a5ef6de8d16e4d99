package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskException;

/**
 * A {@code creditrisk.*} setting the engine cannot start with. The application does not start; its failure
 * report names the property, the value and what would be accepted.
 */
public class CreditRiskSettingException extends RiskException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the property's full name, such as {@code creditrisk.fire-limit}
     * @param problem  what is wrong with its value, as a sentence
     */
    public CreditRiskSettingException(String property, String problem) {
        this(property, problem, null);
    }

    public CreditRiskSettingException(String property, String problem, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
    }

    /** The property's full name. */
    public String property() {
        return property;
    }
}
