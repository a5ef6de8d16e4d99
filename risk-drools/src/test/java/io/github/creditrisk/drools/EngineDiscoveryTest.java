package io.github.creditrisk.drools;

import io.github.creditrisk.EngineDiscoveryException;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Finding the Drools engine through the API")
class EngineDiscoveryTest {

    @Test
    void theDroolsEngineIsFoundWithoutNamingIt() {
        try (RiskEngine engine = RiskEngines.create()) {
            assertThat(engine).isInstanceOf(DroolsRiskEngine.class);
            assertThat(engine.ruleSet().source()).isEqualTo("bundled rules");
        }
    }

    @Test
    void theDroolsEngineIsFoundByName() {
        try (RiskEngine engine = RiskEngines.create("DROOLS", EngineSettings.defaults())) {
            assertThat(engine.ruleSet().ruleNames()).isNotEmpty();
        }
    }

    @Test
    void anEngineNamedButAbsentIsAnErrorNamingWhatWasFound() {
        assertThatThrownBy(() -> RiskEngines.create("easy-rules", EngineSettings.defaults()))
                .isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("no risk engine named 'easy-rules'")
                .hasMessageContaining("'drools' (" + DroolsEngineProvider.class.getName() + ")");
    }
}
