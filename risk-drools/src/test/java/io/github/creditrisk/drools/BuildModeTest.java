package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The rules compiled at run time and the precompiled bundled rules decide alike")
class BuildModeTest {

    @Test
    void everyBuildModeGivesTheSameDecisions() {
        List<BorrowerProfile> borrowers = Generated.borrowers().sampleStream().limit(1000).toList();
        List<Signal> signals = List.of(Signals.p2pLendingBan(), Signals.downturn("CN-GD", Severity.SEVERE),
                Signals.downturn("CN", Severity.MEDIUM), Signals.septemberUpgradeOutage());
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, signals);

        // Engines.BUNDLED is the precompiled executable model; the other compiles the same files at run time
        try (DroolsRiskEngine model = DroolsRiskEngine.create(EngineSettings.defaults()
                .withOption(DroolsRiskEngine.BUILD_OPTION, "executable-model"))) {
            for (BorrowerProfile b : borrowers) {
                assertThat(model.evaluate(b, context)).isEqualTo(Engines.BUNDLED.evaluate(b, context));
            }
        }
    }

    @Test
    void anUnknownBuildModeIsRejected() {
        assertThatThrownBy(() -> DroolsRiskEngine.create(EngineSettings.defaults()
                .withOption(DroolsRiskEngine.BUILD_OPTION, "fast")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("drools.build: 'fast' is not a build mode; expected executable-model");
    }

    @Test
    void classicDrlIsRefusedBecauseItsConditionsCannotBeChecked() {
        assertThatThrownBy(() -> DroolsRiskEngine.create(EngineSettings.defaults()
                .withOption(DroolsRiskEngine.BUILD_OPTION, "classic")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cannot be checked");
    }
}
