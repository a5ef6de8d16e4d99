package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("OVERBORROWING (overborrowing.drl)")
class OverborrowingRulesTest {

    private static final String FAMILY = "OVERBORROWING";

    @Nested
    @DisplayName("debt-to-income against the segment's ceiling")
    class DebtToIncome {

        @ParameterizedTest(name = "{0}: DTI {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                ORDINARY             | 0.50   | -
                ORDINARY             | 0.5001 | REDUCE_LIMIT 30
                ORDINARY             | 0.70   | REDUCE_LIMIT 30
                ORDINARY             | 0.7001 | BLOCK_NEW_BORROWING, REDUCE_LIMIT 50
                SMALL_BUSINESS_OWNER | 0.60   | -
                SMALL_BUSINESS_OWNER | 0.6001 | REDUCE_LIMIT 30
                SMALL_BUSINESS_OWNER | 0.80   | REDUCE_LIMIT 30
                SMALL_BUSINESS_OWNER | 0.8001 | BLOCK_NEW_BORROWING, REDUCE_LIMIT 50
                HIGH_NET_WORTH       | 0.70   | -
                HIGH_NET_WORTH       | 0.7001 | REDUCE_LIMIT 30
                HIGH_NET_WORTH       | 0.90   | REDUCE_LIMIT 30
                HIGH_NET_WORTH       | 0.9001 | BLOCK_NEW_BORROWING, REDUCE_LIMIT 50
                FIRST_TIME           | 0.40   | -
                FIRST_TIME           | 0.4001 | REDUCE_LIMIT 30
                FIRST_TIME           | 0.60   | REDUCE_LIMIT 30
                FIRST_TIME           | 0.6001 | BLOCK_NEW_BORROWING, REDUCE_LIMIT 50
                """)
        void restrictsExactlyAboveEachBoundary(Segment segment, String dti, String expected) {
            Decision decision = decide(Borrowers.withDebtToIncome(segment, dti));

            assertThat(restrictionsOf(decision, FAMILY))
                    .isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(", ")));
        }

        @Test
        void aCutAboveTheCeilingOffersARepaymentPlanAndAnAppeal() {
            Decision decision = decide(Borrowers.withDebtToIncome(Segment.ORDINARY, "0.60"));

            assertThat(decision.outcome()).isEqualTo(Outcome.RESTRICT);
            assertThat(decision.recommendedLimit()).isEqualByComparingTo("35000");
            assertThat(decision.restrictions()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("OVB-1");
                assertThat(r.reasonCode()).isEqualTo("OVB_DTI_ABOVE_CEILING");
                assertThat(r.remedies()).containsExactly(Remedy.APPEAL, Remedy.REPAYMENT_PLAN);
                assertThat(r.reason()).contains("6,000", "60%", "10,000", "50%", "ordinary customers");
            });
        }

        @Test
        void farAboveTheCeilingBlocksAndCutsHalfTheLine() {
            Decision decision = decide(Borrowers.withDebtToIncome(Segment.ORDINARY, "0.95"));

            assertThat(decision.recommendedLimit()).isEqualByComparingTo("25000");
            assertThat(Decisions.rules(decision)).containsExactly("OVB-2");
            assertThat(decision.restrictions()).allSatisfy(r ->
                    assertThat(r.remedies()).containsExactly(Remedy.APPEAL, Remedy.REPAYMENT_PLAN));
        }

        @Test
        void onlyActiveLoansCountTowardsDebtService() {
            BorrowerProfile borrower = Borrowers.ordinary()
                    .loans(List.of(new Loan("Paid Off Bank", BigDecimal.ZERO, new BigDecimal("9000"), 0)))
                    .build();

            assertThat(decide(borrower).restrictions()).isEmpty();
        }

        @Test
        void debtToIncomeIsExactForRatiosThatDoNotTerminate() {
            // 3,333.34 / 6,666.67 is just above 0.50 (by 0.0000007...); it must not round down to 0.50.
            BorrowerProfile borrower = Borrowers.ordinary().monthlyIncome("6666.67")
                    .loans(List.of(Loan.of("Home Bank", "10000", "3333.34"))).build();

            assertThat(restrictionsOf(decide(borrower), FAMILY)).containsExactly("REDUCE_LIMIT 30");
        }
    }

    @Nested
    @DisplayName("number of active lenders")
    class ActiveLenders {

        @ParameterizedTest(name = "{0} lenders -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                3 | -
                4 | MANUAL_REVIEW
                5 | MANUAL_REVIEW
                6 | BLOCK_NEW_BORROWING
                9 | BLOCK_NEW_BORROWING
                """)
        void reviewsFromFourAndBlocksFromSix(int lenders, String expected) {
            Decision decision = decide(Borrowers.withLenders(lenders));

            assertThat(restrictionsOf(decision, FAMILY))
                    .isEqualTo(expected.equals("-") ? List.of() : List.of(expected));
        }

        @Test
        void fourLendersAloneLeadToReviewNotRestriction() {
            Decision decision = decide(Borrowers.withLenders(4));

            assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(decision.recommendedLimit()).isEqualByComparingTo(decision.creditLimit());
            assertThat(decision.restrictions().get(0).reason()).contains("4 different lenders");
        }

        @Test
        void lenderNamesAreComparedIgnoringCase() {
            BorrowerProfile borrower = Borrowers.ordinary().loans(List.of(
                    Loan.of("Bank A", "100", "10"), Loan.of("BANK A", "100", "10"), Loan.of("bank a", "100", "10"),
                    Loan.of("Bank B", "100", "10"), Loan.of("Bank C", "100", "10"))).build();

            assertThat(restrictionsOf(decide(borrower), FAMILY)).isEmpty();
        }

        @Test
        void paidOffLoansDoNotCountAsLenders() {
            BorrowerProfile.Builder b = Borrowers.ordinary().loans(List.of());
            for (int i = 1; i <= 6; i++) {
                b.loan(Loan.of("Lender " + i, i <= 3 ? "1000" : "0", "100"));
            }

            assertThat(restrictionsOf(decide(b.build()), FAMILY)).isEmpty();
        }
    }

    @Nested
    @DisplayName("income not verified")
    class IncomeUnverified {

        @Test
        void repaymentsWithoutVerifiedIncomeLeadToReview() {
            BorrowerProfile borrower = Borrowers.ordinary().monthlyIncome("0").build();

            Decision decision = decide(borrower);

            assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(Decisions.rules(decision)).containsExactly("OVB-5");
            assertThat(decision.restrictions().get(0).reason()).contains("1,000");
        }

        @Test
        void noIncomeAndNoRepaymentsIsNotAConcern() {
            BorrowerProfile borrower = Borrowers.ordinary().monthlyIncome("0.00").loans(List.of()).build();

            assertThat(decide(borrower).outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void withoutIncomeTheDebtToIncomeRulesDoNotApply() {
            BorrowerProfile borrower = Borrowers.ordinary().monthlyIncome("0")
                    .loans(List.of(Loan.of("Home Bank", "100000", "99999"))).build();

            assertThat(restrictionsOf(decide(borrower), FAMILY)).containsExactly("MANUAL_REVIEW");
        }
    }
}
