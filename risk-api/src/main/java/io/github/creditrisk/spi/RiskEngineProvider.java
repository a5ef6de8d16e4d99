package io.github.creditrisk.spi;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;

/**
 * Creates engines of one kind. Implementations need a public no-argument constructor and a line in
 * {@code META-INF/services/io.github.creditrisk.spi.RiskEngineProvider}; they must be thread-safe.
 */
public interface RiskEngineProvider {

    /** The engine's short name, used to choose it (such as {@code drools}); non-blank, unique. */
    String name();

    /**
     * Creates an engine with {@code settings}.
     *
     * @throws io.github.creditrisk.RuleCompilationException when the rules do not compile
     * @throws io.github.creditrisk.RiskException             when the settings cannot be honoured
     */
    RiskEngine create(EngineSettings settings);
}
