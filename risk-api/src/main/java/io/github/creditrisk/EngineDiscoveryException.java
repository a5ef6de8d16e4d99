package io.github.creditrisk;

/**
 * No engine could be chosen: none is on the class path, several are and none was named, or the one named
 * is not there. The message lists what was found and how to choose.
 */
public final class EngineDiscoveryException extends RiskException {

    private static final long serialVersionUID = 1L;

    public EngineDiscoveryException(String message) {
        super(message);
    }
}
