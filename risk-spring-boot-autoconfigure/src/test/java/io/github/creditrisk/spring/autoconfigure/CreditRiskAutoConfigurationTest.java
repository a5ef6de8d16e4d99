package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.Segment;
import io.github.creditrisk.live.LiveRiskEngine;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The auto-configuration: defaults, properties, bad settings, back-off, observations")
class CreditRiskAutoConfigurationTest {

    static final EvaluationContext CONTEXT = EvaluationContext.of(LocalDate.of(2026, 11, 1));
    /** Seven lenders, and debt payments of 70% of income: restricted by several of the bundled rules. */
    static final BorrowerProfile OVERBORROWED = overborrowed();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CreditRiskAutoConfiguration.class,
                    CreditRiskActuatorAutoConfiguration.class));

    @TempDir
    Path temp;

    static BorrowerProfile overborrowed() {
        BorrowerProfile.Builder b = BorrowerProfile.builder("B-7", Segment.ORDINARY, "CN-BJ")
                .monthlyIncome("1000").creditLimit("50000").creditScore(700);
        for (int i = 0; i < 7; i++) {
            b.loan(new Loan("lender-" + i, new BigDecimal("1000"), new BigDecimal("100"), 0));
        }
        return b.build();
    }

    @Test
    void byDefaultTheBeanIsTheBundledRulesObserved() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RiskEngine.class);
            RiskEngine engine = context.getBean(RiskEngine.class);
            assertThat(engine).isInstanceOf(ObservedRiskEngine.class);
            try (RiskEngine bundled = RiskEngines.create()) {
                assertThat(engine.ruleSet().version()).isEqualTo(bundled.ruleSet().version());
                assertThat(engine.evaluate(OVERBORROWED, CONTEXT)).isEqualTo(bundled.evaluate(OVERBORROWED, CONTEXT));
            }
            assertThat(EngineState.live(engine)).isEmpty();
            CreditRiskProperties defaults = context.getBean(CreditRiskProperties.class);
            assertThat(defaults.getFireLimit()).isEqualTo(EngineSettings.DEFAULT_FIRE_LIMIT);
            assertThat(defaults.getTimeBudget()).isEqualTo(EngineSettings.DEFAULT_TIME_BUDGET);
        });
    }

    @Test
    void aDirectoryIsFollowedLiveUnlessWatchingIsOff() {
        Path rules = RuleDirectory.copyInto(temp);
        runner.withPropertyValues("creditrisk.rules.directory=" + rules).run(context -> {
            RiskEngine engine = context.getBean(RiskEngine.class);
            assertThat(EngineState.live(engine)).get().extracting(LiveRiskEngine::directory).isEqualTo(rules);
            assertThat(engine.ruleSet().source()).contains(rules.toString());
        });
        runner.withPropertyValues("creditrisk.rules.directory=" + rules, "creditrisk.rules.watch=false")
                .run(context -> {
                    RiskEngine engine = context.getBean(RiskEngine.class);
                    assertThat(EngineState.live(engine)).isEmpty();
                    assertThat(engine.ruleSet().source()).contains(rules.toString());
                });
    }

    @Test
    void theFireLimitApplies() {
        runner.withPropertyValues("creditrisk.fire-limit=1").run(context ->
                assertThatThrownBy(() -> context.getBean(RiskEngine.class).evaluate(OVERBORROWED, CONTEXT))
                        .isInstanceOf(EvaluationException.class).hasMessageContaining("fired more than 1 times"));
    }

    @Test
    void aBadSettingFailsTheStartNamingTheProperty() {
        assertFailsNaming("creditrisk.fire-limit", "0 is too small; expected at least 1", "creditrisk.fire-limit=0");
        assertFailsNaming("creditrisk.time-budget", "is not a positive duration", "creditrisk.time-budget=0s");
        assertFailsNaming("creditrisk.rules.directory", temp.resolve("missing") + " does not exist",
                "creditrisk.rules.directory=" + temp.resolve("missing"));
        Path rules = RuleDirectory.copyInto(temp.resolve("rules"));
        assertFailsNaming("creditrisk.rules.keep", "1 is too small", "creditrisk.rules.directory=" + rules,
                "creditrisk.rules.keep=1");
        assertFailsNaming("creditrisk.engine", "no risk engine named 'nonesuch'", "creditrisk.engine=nonesuch");
        RuleDirectory.brokenEdit(rules);
        assertFailsNaming("creditrisk.rules.directory", "broken.drl:4:", "creditrisk.rules.directory=" + rules);
        assertFailsNaming("creditrisk.rules.directory", "broken.drl:4:", "creditrisk.rules.directory=" + rules,
                "creditrisk.rules.watch=false");
    }

    @Test
    void aValueSpringCannotBindFailsNamingTheProperty() {
        runner.withPropertyValues("creditrisk.language=ES").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ES");
            assertThat(messages(context.getStartupFailure())).contains("creditrisk.language");
        });
    }

    private void assertFailsNaming(String property, String problem, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new CreditRiskSettingFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("the failure of %s", List.of(properties)).isNotNull();
            assertThat(analysis.getDescription()).contains(property + ": ").contains(problem);
            assertThat(analysis.getAction()).contains(property);
        });
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnEngineAndStillReportsItsHealth() {
        runner.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasSingleBean(RiskEngine.class);
            assertThat(context.getBean(RiskEngine.class)).isSameAs(context.getBean(OwnEngine.class).engine);
            Health health = context.getBean(CreditRiskHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("source", "bundled rules");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        final RiskEngine engine = RiskEngines.create(EngineSettings.defaults().withFireLimit(500));

        @Bean
        RiskEngine myEngine() {
            return engine;
        }
    }

    @Test
    void waitingForRulesTheApplicationStartsDownAndRefusesToDecide() {
        Path rules = RuleDirectory.copyInto(temp);
        RuleDirectory.brokenEdit(rules);
        runner.withPropertyValues("creditrisk.rules.directory=" + rules, "creditrisk.rules.wait-for-rules=true",
                        "management.endpoints.web.exposure.include=creditrisk")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Health health = context.getBean(CreditRiskHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("reason", "no rule set has gone live");
                    assertThat((List<?>) health.getDetails().get("problems")).isNotEmpty()
                            .allSatisfy(p -> assertThat(p.toString()).startsWith("broken.drl:4: "));
                    assertThatThrownBy(() -> context.getBean(RiskEngine.class).evaluate(OVERBORROWED, CONTEXT))
                            .hasMessageContaining("no rules from " + rules + " are live yet");
                    CreditRiskEndpoint.RuleSetState state = context.getBean(CreditRiskEndpoint.class).ruleSet();
                    assertThat(state.version()).isNull();
                    assertThat(state.lastRejected().problems()).isNotEmpty();
                });
    }

    @Test
    void eachEvaluationIsAnObservationWithItsOutcomeAndVersionButNotTheIdUnlessAsked() {
        runner.withUserConfiguration(RecordedObservations.class).run(context -> {
            Decision decision = context.getBean(RiskEngine.class).evaluate(OVERBORROWED, CONTEXT);
            Observation.Context seen = context.getBean(RecordedObservations.class).stopped.get(0);
            assertThat(seen.getName()).isEqualTo(ObservedRiskEngine.EVALUATION);
            assertThat(seen.getLowCardinalityKeyValues())
                    .containsExactly(KeyValue.of(ObservedRiskEngine.OUTCOME, decision.outcome().name()));
            assertThat(seen.getHighCardinalityKeyValues())
                    .containsExactly(KeyValue.of(ObservedRiskEngine.VERSION, decision.rulesetVersion()));
            assertThat(((EvaluationObservationContext) seen).getDecision()).isEqualTo(decision);
        });
        runner.withUserConfiguration(RecordedObservations.class)
                .withPropertyValues("creditrisk.observations.include-borrower-id=true").run(context -> {
                    context.getBean(RiskEngine.class).evaluate(OVERBORROWED, CONTEXT);
                    assertThat(context.getBean(RecordedObservations.class).stopped.get(0)
                            .getHighCardinalityKeyValue(ObservedRiskEngine.BORROWER_ID).getValue()).isEqualTo("B-7");
                });
    }

    @Test
    void aFailedEvaluationIsObservedAsFailedWithItsError() {
        runner.withUserConfiguration(RecordedObservations.class).withPropertyValues("creditrisk.fire-limit=1")
                .run(context -> {
                    assertThatThrownBy(() -> context.getBean(RiskEngine.class).evaluate(OVERBORROWED, CONTEXT))
                            .isInstanceOf(EvaluationException.class);
                    Observation.Context seen = context.getBean(RecordedObservations.class).stopped.get(0);
                    assertThat(seen.getLowCardinalityKeyValue(ObservedRiskEngine.OUTCOME).getValue())
                            .isEqualTo(ObservedRiskEngine.FAILED);
                    assertThat(seen.getError()).isInstanceOf(EvaluationException.class);
                });
    }

    @Test
    void aBatchIsOneObservationCarryingEachEvaluation() {
        runner.withUserConfiguration(RecordedObservations.class).run(context -> {
            BorrowerProfile other = BorrowerProfile.builder("B-8", Segment.ORDINARY, "CN-BJ")
                    .monthlyIncome("30000").creditLimit("50000").creditScore(700).build();
            context.getBean(RiskEngine.class).evaluateAll(List.of(OVERBORROWED, other, OVERBORROWED), CONTEXT);
            List<Observation.Context> stopped = context.getBean(RecordedObservations.class).stopped;
            assertThat(stopped).singleElement().isInstanceOfSatisfying(BatchObservationContext.class, batch -> {
                assertThat(batch.getName()).isEqualTo(ObservedRiskEngine.BATCH);
                assertThat(batch.getSize()).isEqualTo(3);
                assertThat(batch.getEvaluations()).hasSize(3);
                assertThat(batch.getHighCardinalityKeyValue(ObservedRiskEngine.BATCH_SIZE).getValue()).isEqualTo("3");
            });
        });
    }

    /** An observation registry that keeps every context it saw stop. */
    @Configuration(proxyBeanMethods = false)
    static class RecordedObservations {
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }
    }

    @Test
    void theTimeBudgetAndSettleTimeAreTakenAsDurations() {
        Path rules = RuleDirectory.copyInto(temp);
        runner.withPropertyValues("creditrisk.time-budget=250ms", "creditrisk.rules.directory=" + rules,
                "creditrisk.rules.settle-time=1s").run(context -> {
                    CreditRiskProperties p = context.getBean(CreditRiskProperties.class);
                    assertThat(p.getTimeBudget()).isEqualTo(Duration.ofMillis(250));
                    assertThat(p.getRules().getSettleTime()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(context).hasSingleBean(RiskEngine.class);
                });
    }
}
