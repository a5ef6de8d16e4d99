package io.github.creditrisk.cli;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.spi.RiskEngineProvider;

import java.nio.file.Path;

/**
 * The engine the commands run, found through the SPI as a lender's application finds it ({@link RiskEngines}:
 * the one provider on the class path, or the one {@code -Dcreditrisk.engine=NAME} names).
 */
final class Engines {

    private static volatile RiskEngineProvider provider;

    private Engines() {
    }

    static RiskEngineProvider provider() {
        RiskEngineProvider p = provider;
        if (p == null) {
            p = RiskEngines.provider(null, Engines.class.getClassLoader());
            provider = p;
        }
        return p;
    }

    /** An engine with the rules of {@code directory}, or the bundled rules when it is {@code null}. */
    static RiskEngine create(EngineSettings settings, Path directory) {
        return provider().create(directory == null ? settings : settings.withRulesDirectory(directory));
    }
}
