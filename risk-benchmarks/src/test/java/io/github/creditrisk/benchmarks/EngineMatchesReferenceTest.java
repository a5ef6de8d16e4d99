package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine and the baseline the benchmarks measure it against decide alike, borrower by borrower, on the
 * portfolio the benchmarks decide: what the baseline computes is the engine's work less the sentences.
 */
@DisplayName("The engine decides as the reference policy, its benchmark baseline")
class EngineMatchesReferenceTest {

    @ParameterizedTest(name = "100,000 generated borrowers, {0} signals")
    @ValueSource(strings = {"bundled", "large"})
    void decisionByDecisionOnALargeGeneratedPortfolio(String signals) {
        List<BorrowerProfile> portfolio = Fixtures.portfolio(100_000, 7);
        EvaluationContext context = Fixtures.context(signals);
        ReferencePolicy reference = new ReferencePolicy(context);

        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            List<Evaluation> results = engine.evaluateAll(portfolio, context);
            int restricted = 0;
            int exempted = 0;
            for (int i = 0; i < portfolio.size(); i++) {
                Decision d = ((Evaluation.Decided) results.get(i)).decision();
                Verdict expected = reference.decide(portfolio.get(i));
                assertThat(expected.differencesFrom(d)).as(portfolio.get(i).id()).isEmpty();
                restricted += d.isRestricted() ? 1 : 0;
                exempted += d.exemptions().isEmpty() ? 0 : 1;
            }
            // The generated portfolio exercises the policy: a realistic share is restricted, and some exempted.
            assertThat(restricted).isBetween(10_000, 80_000);
            assertThat(exempted).isPositive();
        }
    }
}
