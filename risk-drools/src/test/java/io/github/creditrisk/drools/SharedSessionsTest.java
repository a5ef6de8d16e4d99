package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the bundled rules, borrowers share sessions: an evaluation leaves its borrower's facts in the session
 * for the next one. Nothing of a borrower decided earlier may reach a later decision.
 */
@DisplayName("Borrowers sharing a session never meet")
class SharedSessionsTest {

    private static final EvaluationContext NO_OUTAGE = EvaluationContext.of(Signals.AS_OF, List.of());
    private static final EvaluationContext SEPTEMBER_OUTAGE = EvaluationContext.of(Signals.AS_OF,
            List.of(Signals.septemberUpgradeOutage()));

    @Test
    void anOutageInALaterContextDoesNotExemptABorrowerDecidedBefore() {
        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            // overdue since 26 September 2026, inside the outage: exempt under the outage, blocked without it
            BorrowerProfile overdue = Borrowers.overdueBy(36);
            BorrowerProfile clean = Borrowers.ordinary().id("CLEAN").build();

            Decision before = engine.evaluate(overdue, NO_OUTAGE);
            Decision later = engine.evaluate(clean, SEPTEMBER_OUTAGE);
            Decision again = engine.evaluate(overdue, SEPTEMBER_OUTAGE);

            assertThat(before.outcome()).isEqualTo(Outcome.RESTRICT);
            assertThat(later.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(later.exemptions()).isEmpty();
            assertThat(again.exemptions()).extracting(e -> e.rule()).containsExactly("DEL-0");
            assertThat(again.outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void aBorrowerDecidedAgainAndAgainInOneSessionGetsTheSameDecision() {
        List<BorrowerProfile> borrowers = Generated.borrowers().sampleStream().limit(300).toList();
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, List.of(Signals.p2pLendingBan(),
                Signals.downturn("CN-GD", io.github.creditrisk.Severity.SEVERE), Signals.septemberUpgradeOutage()));
        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            List<Decision> first = borrowers.stream().map(b -> engine.evaluate(b, context)).toList();
            // the same borrowers again, in reverse, past the point where a session is renewed (256 borrowers)
            for (int i = borrowers.size() - 1; i >= 0; i--) {
                assertThat(engine.evaluate(borrowers.get(i), context)).isEqualTo(first.get(i));
            }
        }
    }
}
