package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictions;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Merging what the rules found into one decision")
class MergeTest {

    @Test
    void cutsNeverCompoundTheLargestOneApplies() {
        // REV-1 cuts 30%, RGD-2 cuts 20%, SCD-2 cuts 50%: the line is cut by 50%, not 76%.
        BorrowerProfile borrower = Borrowers.smallBusinessOwner()
                .monthlyRevenue("100", "100", "100", "10")
                .previousCreditScore(750).creditScore(640)
                .creditLimit("99999")
                .build();

        Decision decision = decide(borrower, Signals.downturn("CN-GD", Severity.HIGH));

        assertThat(restrictions(decision)).containsExactly(
                "REGIONAL_DOWNTURN REDUCE_LIMIT 20",
                "REVENUE_DECLINE REDUCE_LIMIT 30",
                "SCORE_DROP REDUCE_LIMIT 50",
                "SCORE_DROP MANUAL_REVIEW");
        assertThat(decision.recommendedLimit()).isEqualByComparingTo("49999"); // 49,999.5 rounded down
    }

    @Test
    void restrictionsAreOrderedByTypeThenFamilyThenRule() {
        BorrowerProfile borrower = Borrowers.smallBusinessOwner().sector("P2P_LENDING")
                .previousCreditScore(700).creditScore(640)
                .loans(List.of(Loan.of("Quick Loans", "5000", "500").overdueBy(100)))
                .build();

        Decision decision = decide(borrower, Signals.p2pLendingBan(), Signals.downturn("CN", Severity.SEVERE));

        assertThat(restrictions(decision)).containsExactly(
                "DELINQUENCY BLOCK_NEW_BORROWING",
                "REGIONAL_DOWNTURN BLOCK_NEW_BORROWING",
                "SECTOR_BAN BLOCK_NEW_BORROWING",
                "REGIONAL_DOWNTURN REDUCE_LIMIT 40",
                "DELINQUENCY FREEZE_LIMIT",
                "SCORE_DROP FREEZE_LIMIT");
    }

    @Test
    void aFamilyAndTypeAppearOnceEvenWhenTwoRulesImposeThem() {
        // OVB-2 (far above the ceiling) and OVB-4 (six lenders) both block new borrowing.
        BorrowerProfile.Builder b = Borrowers.ordinary().loans(List.of());
        for (int i = 1; i <= 6; i++) {
            b.loan(Loan.of("Lender " + i, "10000", "1500"));
        }

        Decision decision = decide(b.build());

        assertThat(restrictions(decision)).containsExactly(
                "OVERBORROWING BLOCK_NEW_BORROWING", "OVERBORROWING REDUCE_LIMIT 50");
        assertThat(decision.restrictions().get(0).rule()).isEqualTo("OVB-2");
    }

    @Test
    void onlyManualReviewMeansReviewAndNothingMeansApprove() {
        assertThat(decide(Borrowers.withLenders(5)).outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decide(Borrowers.ordinary().build()).outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(decide(Borrowers.ordinary().build()).recommendedLimit()).isEqualByComparingTo("50000");
    }

    @Test
    void everyRestrictionOffersAnAppeal() {
        BorrowerProfile borrower = Borrowers.smallBusinessOwner().sector("P2P_LENDING")
                .monthlyRevenue("100", "100", "100", "10").previousCreditScore(800).creditScore(600).build();

        Decision decision = decide(borrower, Signals.p2pLendingBan(), Signals.downturn("CN", Severity.MEDIUM));

        assertThat(decision.restrictions()).hasSizeGreaterThan(3)
                .allSatisfy(r -> assertThat(r.remedies()).contains(Remedy.APPEAL));
    }

    @Test
    void theDecisionCarriesTheRuleSetVersion() {
        Decision decision = decide(Borrowers.ordinary().build());

        assertThat(decision.rulesetVersion()).isEqualTo(Engines.BUNDLED.ruleSet().version()).hasSize(16);
    }
}
