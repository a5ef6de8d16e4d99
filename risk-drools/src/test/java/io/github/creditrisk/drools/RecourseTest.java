package io.github.creditrisk.drools;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecourseTest {

    private static Decision decide(BorrowerProfile b, List<Signal> signals) {
        return Engines.BUNDLED.evaluate(b, new EvaluationContext(Signals.AS_OF, signals, Language.EN, true));
    }

    private static Restriction only(Decision d, String family, RestrictionType type) {
        return d.restrictions().stream().filter(r -> r.family().equals(family) && r.type() == type).findFirst()
                .orElseThrow();
    }

    @Test
    void fourDownturnsOverOneRegionAreLiftedOnlyByAllFourEnding() {
        List<Signal> four = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            four.add(new io.github.creditrisk.RegionalDownturn("DT-" + i, "CN", io.github.creditrisk.Severity.HIGH,
                    java.time.LocalDate.of(2026, 1, 1), null, null));
        }

        Restriction r = only(decide(Borrowers.ordinary().build(), four), "REGIONAL_DOWNTURN", RestrictionType.FREEZE_LIMIT);

        assertThat(r.lift()).extracting(Way::actions).containsExactly(List.of(
                new Action.SignalEnds("DT-1", null), new Action.SignalEnds("DT-2", null),
                new Action.SignalEnds("DT-3", null), new Action.SignalEnds("DT-4", null)));
    }

    @Test
    void sixLendersAreToldToRepayThreeSinceFiveOrFourStillCallForAReview() {
        Restriction r = only(decide(Borrowers.withLenders(6), List.of()), "OVERBORROWING",
                RestrictionType.BLOCK_NEW_BORROWING);

        assertThat(r.lift()).extracting(Way::actions).containsExactly(
                List.of(new Action.RepayLoans(List.of("Lender 1", "Lender 2", "Lender 3"))));
        assertThat(r.lift().get(0).text()).isEqualTo("Repay your loans with Lender 1, Lender 2 and Lender 3 in full"
                + " (3,000 outstanding) and you can borrow again.");
    }

    @Test
    void theNoticeNamesTheCostliestReasonsFirstWithTheSimplestWay() {
        BorrowerProfile b = Borrowers.ordinary().loans(List.of(Loan.of("Home Bank", "50000", "5600"))).build();

        Decision d = Engines.BUNDLED.evaluate(b, new EvaluationContext(Signals.AS_OF, List.of(Signals.p2pLendingBan()),
                Language.EN, true));
        Decision plain = Engines.BUNDLED.evaluate(b, new EvaluationContext(Signals.AS_OF,
                List.of(Signals.p2pLendingBan()), Language.EN));

        assertThat(d.notice()).startsWith(plain.notice() + " The main reasons, and what lifts each: 1) ")
                .contains("Bring your monthly repayments to 5,000 or less (they are 5,600 now)");
    }

    @Test
    void withoutRecourseNoRestrictionHasALift() {
        Decision d = Engines.BUNDLED.evaluate(Borrowers.withLenders(6), EvaluationContext.of(Signals.AS_OF));

        assertThat(d.restrictions()).isNotEmpty().allMatch(r -> r.lift() == null);
    }
}
