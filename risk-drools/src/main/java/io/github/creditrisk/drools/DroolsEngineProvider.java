package io.github.creditrisk.drools;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.spi.RiskEngineProvider;

import java.nio.file.Path;

/** Makes the Drools engine discoverable by {@link io.github.creditrisk.RiskEngines} under the name {@value #NAME}. */
public final class DroolsEngineProvider implements RiskEngineProvider {

    /** The engine's name. */
    public static final String NAME = "drools";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskEngine create(EngineSettings settings) {
        return DroolsRiskEngine.create(settings);
    }

    @Override
    public String versionOf(Path directory) {
        return DroolsRiskEngine.versionOf(directory);
    }

    @Override
    public String bundledVersion() {
        return DroolsRiskEngine.bundledVersion();
    }

    @Override
    public boolean isLeftOut(Path relative) {
        return DroolsRiskEngine.isLeftOut(relative);
    }
}
