package io.github.creditrisk.scenarios;

import io.github.creditrisk.Action;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Way;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Comparing a decision with what a scenario expects")
class ExpectationTest {

    private static final Decision CUT = Decision.of("B-1", new BigDecimal("50000"), List.of(
                    new Restriction(RestrictionType.REDUCE_LIMIT, "OVERBORROWING", "OVB-1", "OVB_DTI_ABOVE_CEILING", 30,
                            "because", List.of(Remedy.APPEAL), Map.of())),
            List.of(new Exemption("DELINQUENCY", "DEL-0", "DEL_OUTAGE_EXEMPTION", "exempt", List.of(), Map.of())),
            (o, l, a, r, e) -> "notice", "v1");

    @Test
    void aMatchingExpectationHasNoDifferences() {
        Expectation e = new Expectation(Outcome.RESTRICT, Set.of("OVERBORROWING REDUCE_LIMIT 30%"),
                new BigDecimal("35000.00"), Set.of("OVB_DTI_ABOVE_CEILING"), Set.of("OVB-1", "DEL-0"),
                Set.of("DEL_OUTAGE_EXEMPTION"));

        assertThat(e.differences(CUT)).isEmpty();
    }

    @Test
    void onlyTheGivenPartsAreChecked() {
        assertThat(new Expectation(Outcome.RESTRICT, null, null, null, null, null).differences(CUT)).isEmpty();
    }

    @Test
    void eachDifferenceIsOneReadableLine() {
        Expectation e = new Expectation(Outcome.APPROVE, Set.of("SECTOR_BAN BLOCK_NEW_BORROWING"),
                new BigDecimal("50000"), Set.of(), Set.of("OVB-1", "DEL-0"), Set.of());

        assertThat(e.differences(CUT)).containsExactly(
                "outcome: expected APPROVE, got RESTRICT",
                "recommendedLimit: expected 50000, got 35000",
                "restrictions: missing SECTOR_BAN BLOCK_NEW_BORROWING; unexpected OVERBORROWING REDUCE_LIMIT 30%",
                "reasonCodes: unexpected OVB_DTI_ABOVE_CEILING",
                "exemptions: unexpected DEL_OUTAGE_EXEMPTION");
    }

    private static final Decision CUT_WITH_WAYS = new Decision(CUT.borrowerId(), CUT.outcome(), CUT.creditLimit(),
            CUT.recommendedLimit(), List.of(CUT.restrictions().get(0).withLift(List.of(
                    new Way(List.of(new Action.LowerRepayments(new BigDecimal("5000"))), "Lower."),
                    new Way(List.of(new Action.RaiseVerifiedIncome(new BigDecimal("15167")),
                            new Action.RepayLoans(List.of("Quick Loans", "Bank A"))), "Both.")))),
            CUT.exemptions(), CUT.notice(), CUT.rulesetVersion());

    @Test
    void waysAreWrittenKindThenTargetLendersOrSignal() {
        assertThat(CUT_WITH_WAYS.restrictions().get(0).lift()).extracting(Expectation::describe)
                .containsExactly("LOWER_REPAYMENTS 5000", "RAISE_VERIFIED_INCOME 15167 + REPAY_LOANS Bank A, Quick Loans");
    }

    @Test
    void expectedWaysMustMatchExactly() {
        Expectation e = new Expectation(null, null, null, null, null, null, Map.of(
                "OVERBORROWING REDUCE_LIMIT", Set.of("LOWER_REPAYMENTS 4999"),
                "SCORE_DROP FREEZE_LIMIT", Set.of("RECOVER_SCORE 651")));

        assertThat(e.differences(CUT_WITH_WAYS)).containsExactly(
                "lift of OVERBORROWING REDUCE_LIMIT: missing LOWER_REPAYMENTS 4999; unexpected LOWER_REPAYMENTS 5000,"
                        + " RAISE_VERIFIED_INCOME 15167 + REPAY_LOANS Bank A, Quick Loans",
                "lift of SCORE_DROP FREEZE_LIMIT: the decision has no such restriction");
    }
}
