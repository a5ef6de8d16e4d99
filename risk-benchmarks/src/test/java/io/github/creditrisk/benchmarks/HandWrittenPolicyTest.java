package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.drools.DroolsRiskEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The engine and the hand-written policy decide alike")
class HandWrittenPolicyTest {

    @ParameterizedTest(name = "100,000 generated borrowers, {0} signals")
    @ValueSource(strings = {"bundled", "large"})
    void decisionByDecisionOnALargeGeneratedPortfolio(String signals) {
        List<BorrowerProfile> portfolio = Fixtures.portfolio(100_000, 7);
        EvaluationContext context = Fixtures.context(signals);
        HandWrittenPolicy handWritten = new HandWrittenPolicy(context);

        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            List<Evaluation> results = engine.evaluateAll(portfolio, context);
            int restricted = 0;
            for (int i = 0; i < portfolio.size(); i++) {
                Decision d = ((Evaluation.Decided) results.get(i)).decision();
                HandWrittenPolicy.Verdict v = handWritten.decide(portfolio.get(i));
                String who = portfolio.get(i).id();
                assertThat(d.outcome()).as(who).isEqualTo(v.outcome());
                assertThat(d.recommendedLimit()).as(who).isEqualByComparingTo(v.recommendedLimit());
                assertThat(bits(d)).as(who).isEqualTo(v.restrictions());
                assertThat(d.exemptions()).as(who).hasSize(v.exemptions());
                restricted += d.isRestricted() ? 1 : 0;
            }
            // The generated portfolio exercises the policy: a realistic share is restricted.
            assertThat(restricted).isBetween(10_000, 80_000);
        }
    }

    private static int bits(Decision d) {
        int bits = 0;
        for (Restriction r : d.restrictions()) {
            bits |= HandWrittenPolicy.Verdict.bit(HandWrittenPolicy.Family.valueOf(r.family()), r.type());
        }
        return bits;
    }

}
