package io.github.creditrisk.scenarios;

import io.github.creditrisk.RiskException;

/** A scenario file cannot be read: its message names the file and, where it can, the field. */
public final class ScenarioException extends RiskException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
