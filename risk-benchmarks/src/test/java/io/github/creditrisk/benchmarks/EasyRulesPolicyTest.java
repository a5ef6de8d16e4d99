package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The policy in Easy Rules decides as the reference policy does")
class EasyRulesPolicyTest {

    @ParameterizedTest(name = "100,000 generated borrowers, {0} signals")
    @ValueSource(strings = {"bundled", "large"})
    void verdictByVerdictOnALargeGeneratedPortfolio(String signals) {
        List<BorrowerProfile> portfolio = Fixtures.portfolio(100_000, 11);
        EvaluationContext context = Fixtures.context(signals);
        ReferencePolicy reference = new ReferencePolicy(context);
        EasyRulesPolicy easyRules = new EasyRulesPolicy(context);

        int restricted = 0;
        int exempted = 0;
        for (BorrowerProfile b : portfolio) {
            Verdict expected = reference.decide(b);
            assertThat(easyRules.decide(b)).as(b.id()).isEqualTo(expected);
            restricted += expected.outcome() == Outcome.RESTRICT ? 1 : 0;
            exempted += expected.exemptions() > 0 ? 1 : 0;
        }
        // the portfolio exercises the policy, the outage exemption included
        assertThat(restricted).isBetween(10_000, 80_000);
        assertThat(exempted).isPositive();
    }

    @Test
    void oneEasyRulesRulePerBundledRule() {
        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            SortedSet<String> ids = new TreeSet<>();
            engine.ruleSet().rules().forEach(r -> ids.add(r.id()));
            ids.remove("RGD-WORST"); // looked up in Java, as the engine's signal index does
            assertThat(new EasyRulesPolicy(Fixtures.context("bundled")).ruleNames()).isEqualTo(ids);
        }
    }
}
