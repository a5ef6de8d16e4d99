package io.github.creditrisk.testkit;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference policy against rows of its own tables, at their boundaries. */
@DisplayName("The reference policy")
class ReferencePolicyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** Nothing wrong: income 10,000, limit 50,000, score 700 without history, repaying 1,000 a month. */
    private static BorrowerProfile.Builder clean(Segment segment) {
        return BorrowerProfile.builder("B-1", segment, "CN-GD-SZ")
                .sector("RETAIL")
                .monthlyIncome("10000")
                .creditLimit("50000")
                .creditScore(700)
                .loan(Loan.of("Home Bank", "20000", "1000"));
    }

    /** Repaying exactly {@code dti} of an income of 10,000, on one loan. */
    private static BorrowerProfile withDebtToIncome(Segment segment, String dti) {
        return clean(segment).loans(List.of(new Loan("Home Bank", new BigDecimal("50000"),
                new BigDecimal(dti).multiply(new BigDecimal("10000")), 0))).build();
    }

    private static Verdict decide(BorrowerProfile b, Signal... signals) {
        return ReferencePolicy.decide(b, EvaluationContext.of(AS_OF, List.of(signals)));
    }

    @Test
    void aCleanBorrowerIsApprovedWithTheLimitUnchanged() {
        Verdict v = decide(clean(Segment.ORDINARY).build());

        assertThat(v.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(v.restrictions()).isEmpty();
        assertThat(v.recommendedLimit()).isEqualByComparingTo("50000");
        assertThat(v.exemptions()).isZero();
    }

    @ParameterizedTest(name = "{0} at a debt-to-income of {1}: {2}")
    @CsvSource({
            "ORDINARY, 0.50, ''", "ORDINARY, 0.5001, OVERBORROWING REDUCE_LIMIT 30",
            "ORDINARY, 0.70, OVERBORROWING REDUCE_LIMIT 30",
            "ORDINARY, 0.7001, OVERBORROWING BLOCK_NEW_BORROWING|OVERBORROWING REDUCE_LIMIT 50",
            "SMALL_BUSINESS_OWNER, 0.60, ''", "SMALL_BUSINESS_OWNER, 0.6001, OVERBORROWING REDUCE_LIMIT 30",
            "HIGH_NET_WORTH, 0.70, ''",
            "HIGH_NET_WORTH, 0.9001, OVERBORROWING BLOCK_NEW_BORROWING|OVERBORROWING REDUCE_LIMIT 50",
            "FIRST_TIME, 0.40, ''", "FIRST_TIME, 0.4001, OVERBORROWING REDUCE_LIMIT 30"})
    void aDebtToIncomeAboveTheSegmentsCeilingIsCutAndFarAboveItIsAlsoBlocked(Segment segment, String dti,
                                                                              String expected) {
        Verdict v = decide(withDebtToIncome(segment, dti));

        assertThat(String.join("|", v.described())).isEqualTo(expected);
    }

    @Test
    void aCutIsRoundedDownToAWholeUnitAndTheLargestCutAloneCounts() {
        BorrowerProfile b = withDebtToIncome(Segment.ORDINARY, "0.80").toBuilder().creditLimit("33333.33")
                .previousCreditScore(800).creditScore(690).build();

        Verdict v = decide(b);

        assertThat(v.described()).containsExactly("OVERBORROWING BLOCK_NEW_BORROWING",
                "OVERBORROWING REDUCE_LIMIT 50", "SCORE_DROP MANUAL_REVIEW", "SCORE_DROP REDUCE_LIMIT 50");
        assertThat(v.outcome()).isEqualTo(Outcome.RESTRICT);
        assertThat(v.recommendedLimit()).isEqualByComparingTo("16666");
    }

    @Test
    void fourLendersAreReviewedAndSixBlockedCountingNamesThatDifferOnlyInCaseOnce() {
        BorrowerProfile.Builder four = clean(Segment.ORDINARY).loans(List.of(Loan.of("Bank A", "1000", "10"),
                Loan.of("BANK A", "1000", "10"), Loan.of("Bank B", "1000", "10"), Loan.of("Bank C", "1000", "10"),
                Loan.of("Bank D", "1000", "10"), Loan.of("Bank E", "0", "10")));
        BorrowerProfile six = four.build().toBuilder().loan(Loan.of("Bank E", "1000", "10"))
                .loan(Loan.of("Bank F", "1000", "10")).build();

        Verdict reviewed = decide(four.build());
        assertThat(reviewed.described()).containsExactly("OVERBORROWING MANUAL_REVIEW");
        assertThat(reviewed.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decide(six).described()).containsExactly("OVERBORROWING BLOCK_NEW_BORROWING");
    }

    @Test
    void debtsWithoutAVerifiedIncomeAreReviewed() {
        Verdict v = decide(clean(Segment.ORDINARY).monthlyIncome("0").build());

        assertThat(v.described()).containsExactly("OVERBORROWING MANUAL_REVIEW");
        assertThat(v.recommendedLimit()).isEqualByComparingTo("50000");
    }

    @Test
    void aSmallBusinessOwnersSalesBelowSixtyPercentOfTheThreeMonthsBeforeAreCut() {
        BorrowerProfile.Builder owner = clean(Segment.SMALL_BUSINESS_OWNER);

        assertThat(decide(owner.monthlyRevenue("1", "100", "100", "100", "59.99").build()).described())
                .containsExactly("REVENUE_DECLINE REDUCE_LIMIT 30");
        assertThat(decide(owner.monthlyRevenue("1", "100", "100", "100", "60").build()).restrictions()).isEmpty();
        assertThat(decide(owner.monthlyRevenue("100", "100", "10").build()).restrictions()).isEmpty();
        assertThat(decide(clean(Segment.ORDINARY).monthlyRevenue("100", "100", "100", "10").build())
                .restrictions()).isEmpty();
    }

    @ParameterizedTest(name = "{0} in a {1} downturn: {2}")
    @CsvSource({
            "SMALL_BUSINESS_OWNER, LOW, ''", "SMALL_BUSINESS_OWNER, MEDIUM, REGIONAL_DOWNTURN FREEZE_LIMIT",
            "SMALL_BUSINESS_OWNER, HIGH, REGIONAL_DOWNTURN REDUCE_LIMIT 20",
            "SMALL_BUSINESS_OWNER, SEVERE, REGIONAL_DOWNTURN BLOCK_NEW_BORROWING|REGIONAL_DOWNTURN REDUCE_LIMIT 40",
            "ORDINARY, MEDIUM, ''", "ORDINARY, HIGH, REGIONAL_DOWNTURN FREEZE_LIMIT",
            "FIRST_TIME, SEVERE, REGIONAL_DOWNTURN REDUCE_LIMIT 20",
            "HIGH_NET_WORTH, HIGH, ''", "HIGH_NET_WORTH, SEVERE, REGIONAL_DOWNTURN FREEZE_LIMIT"})
    void aDownturnRestrictsBySegmentAndSeverity(Segment segment, Severity severity, String expected) {
        Verdict v = decide(clean(segment).build(), downturn("cn-gd", severity));

        assertThat(String.join("|", v.described())).isEqualTo(expected);
    }

    @Test
    void onlyTheMostSevereMatchingDownturnCountsAndARegionMatchesOnlyWholeParts() {
        BorrowerProfile b = clean(Segment.SMALL_BUSINESS_OWNER).build();

        assertThat(decide(b, downturn("CN-GD", Severity.HIGH), downturn("CN-GD-SZ", Severity.MEDIUM)).described())
                .containsExactly("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
        assertThat(decide(b, downturn("CN-G", Severity.SEVERE), downturn("CN-GD-S", Severity.SEVERE))
                .restrictions()).isEmpty();
        assertThat(decide(b, new RegionalDownturn(null, "CN", Severity.SEVERE, AS_OF.plusDays(1), null, null),
                new RegionalDownturn(null, "CN", Severity.SEVERE, AS_OF.minusDays(9), AS_OF.minusDays(1), null))
                .restrictions()).as("not yet, and no longer, active").isEmpty();
    }

    @Test
    void anActiveBanOnTheBorrowersSectorBlocksNewBorrowing() {
        BorrowerProfile b = clean(Segment.ORDINARY).sector("p2p_lending").build();

        assertThat(decide(b, new SectorBan(null, "P2P_LENDING", "Notice 7", AS_OF, AS_OF)).described())
                .containsExactly("SECTOR_BAN BLOCK_NEW_BORROWING");
        assertThat(decide(b, new SectorBan(null, "P2P_LENDING", "Notice 7", AS_OF.plusDays(1), null))
                .restrictions()).isEmpty();
        assertThat(decide(clean(Segment.ORDINARY).sector(null).build(),
                new SectorBan(null, "P2P_LENDING", "Notice 7", AS_OF, null)).restrictions()).isEmpty();
    }

    @ParameterizedTest(name = "a drop of {0} points: {1}")
    @CsvSource({"49, ''", "50, SCORE_DROP FREEZE_LIMIT", "99, SCORE_DROP FREEZE_LIMIT",
            "100, SCORE_DROP MANUAL_REVIEW|SCORE_DROP REDUCE_LIMIT 50"})
    void aFallingScoreFreezesAndThenCuts(int drop, String expected) {
        Verdict v = decide(clean(Segment.ORDINARY).previousCreditScore(700).creditScore(700 - drop).build());

        assertThat(String.join("|", v.described())).isEqualTo(expected);
    }

    @Test
    void aThinFileIsNeverPenalisedForHavingNoHistory() {
        assertThat(decide(clean(Segment.FIRST_TIME).creditScore(300).build()).restrictions()).isEmpty();
    }

    @ParameterizedTest(name = "{0} days overdue: {1}")
    @CsvSource({"30, ''", "31, DELINQUENCY BLOCK_NEW_BORROWING", "90, DELINQUENCY BLOCK_NEW_BORROWING",
            "91, DELINQUENCY BLOCK_NEW_BORROWING|DELINQUENCY FREEZE_LIMIT"})
    void anOverdueLoanBlocksAndThenFreezes(int days, String expected) {
        Verdict v = decide(clean(Segment.ORDINARY).loan(Loan.of("Bank A", "1000", "10").overdueBy(days)).build());

        assertThat(String.join("|", v.described())).isEqualTo(expected);
    }

    @Test
    void aLoanOverdueSinceAServiceOutageIsExemptAndCountsForNothing() {
        ServiceOutage outage = new ServiceOutage(null, AS_OF.minusDays(40), AS_OF.minusDays(35), null);
        BorrowerProfile b = clean(Segment.ORDINARY).loans(List.of(Loan.of("Bank A", "1000", "10").overdueBy(40),
                Loan.of("Bank A", "2000", "10").overdueBy(40), Loan.of("Bank B", "1000", "10").overdueBy(35),
                Loan.of("Bank C", "1000", "10").overdueBy(34))).build();

        Verdict v = decide(b, outage);

        assertThat(v.exemptions()).as("Bank A's two identical exemptions are one").isEqualTo(2);
        assertThat(v.described()).containsExactly("DELINQUENCY BLOCK_NEW_BORROWING");
        assertThat(decide(b).exemptions()).isZero();
    }

    @Test
    void onlyReviewsGiveAReviewAndTheLimitStays() {
        Verdict v = Verdict.of(new BigDecimal("1000.50"), Set.of(ReferenceRestriction.SCORE_DROP_MANUAL_REVIEW), 0);

        assertThat(v.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(v.recommendedLimit()).isEqualTo(new BigDecimal("1000.50"));
    }

    @Test
    void theRestrictionsOfAVerdictAreListedInDecisionOrderAndCannotBeChanged() {
        BorrowerProfile b = withDebtToIncome(Segment.SMALL_BUSINESS_OWNER, "0.61");

        Verdict v = decide(b, downturn("CN", Severity.SEVERE));

        assertThat(v.restrictions()).containsExactly(ReferenceRestriction.REGIONAL_DOWNTURN_BLOCK_NEW_BORROWING,
                ReferenceRestriction.OVERBORROWING_REDUCE_LIMIT_30,
                ReferenceRestriction.REGIONAL_DOWNTURN_REDUCE_LIMIT_40);
        assertThat(v.recommendedLimit()).isEqualByComparingTo("30000");
        assertThatThrownBy(() -> v.restrictions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static RegionalDownturn downturn(String region, Severity severity) {
        return new RegionalDownturn(null, region, severity, AS_OF.minusDays(30), null, null);
    }
}
