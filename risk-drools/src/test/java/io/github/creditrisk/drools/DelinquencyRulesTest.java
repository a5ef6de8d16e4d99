package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.ServiceOutage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("DELINQUENCY (delinquency.drl)")
class DelinquencyRulesTest {

    private static final String FAMILY = "DELINQUENCY";

    @ParameterizedTest(name = "{0} days overdue -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | -
            30  | -
            31  | BLOCK_NEW_BORROWING
            90  | BLOCK_NEW_BORROWING
            91  | BLOCK_NEW_BORROWING, FREEZE_LIMIT
            400 | BLOCK_NEW_BORROWING, FREEZE_LIMIT
            """)
    void blocksAfterThirtyDaysAndFreezesAfterNinety(int days, String expected) {
        Decision decision = decide(Borrowers.overdueBy(days));

        assertThat(restrictionsOf(decision, FAMILY))
                .isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(", ")));
        assertThat(decision.recommendedLimit()).isEqualByComparingTo(decision.creditLimit());
    }

    @Test
    void theLongestOverdueLoanDecides() {
        BorrowerProfile borrower = Borrowers.ordinary().loans(List.of(
                Loan.of("Quick Loans", "5000", "500").overdueBy(45),
                Loan.of("Slow Loans", "5000", "500").overdueBy(120),
                Loan.of("Home Bank", "5000", "500"))).build();

        Decision decision = decide(borrower);

        assertThat(restrictionsOf(decision, FAMILY)).containsExactly("BLOCK_NEW_BORROWING", "FREEZE_LIMIT");
        assertThat(decision.restrictions()).allSatisfy(r -> {
            assertThat(r.rule()).isEqualTo("DEL-2");
            assertThat(r.reason()).contains("Slow Loans", "120 days");
        });
    }

    @Test
    void aPaidOffLoanIsNotOverdue() {
        BorrowerProfile borrower = Borrowers.ordinary()
                .loans(List.of(Loan.of("Quick Loans", "0", "500").overdueBy(200))).build();

        assertThat(decide(borrower).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Nested
    @DisplayName("the exemption for the lender's own outages")
    class OutageExemption {

        // The outage lasted from 25 to 28 September 2026; evaluation is on 1 November 2026.
        @ParameterizedTest(name = "{0} days overdue (since {1}) -> exempt: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                38 | 2026-09-24 | false
                37 | 2026-09-25 | true
                35 | 2026-09-27 | true
                34 | 2026-09-28 | true
                33 | 2026-09-29 | false
                """)
        void anOverdueThatBeganInsideTheOutageWindowIsExempt(int days, LocalDate since, boolean exempt) {
            assertThat(Signals.AS_OF.minusDays(days)).isEqualTo(since);

            Decision decision = decide(Borrowers.overdueBy(days), Signals.septemberUpgradeOutage());

            assertThat(restrictionsOf(decision, FAMILY)).isEqualTo(exempt ? List.of() : List.of("BLOCK_NEW_BORROWING"));
            assertThat(decision.exemptions()).hasSize(exempt ? 1 : 0);
        }

        @Test
        void theExemptionIsExplainedAndOffersCreditRepair() {
            Decision decision = decide(Borrowers.overdueBy(35), Signals.septemberUpgradeOutage());

            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(decision.exemptions()).singleElement().satisfies(e -> {
                assertThat(e.family()).isEqualTo(FAMILY);
                assertThat(e.rule()).isEqualTo("DEL-0");
                assertThat(e.reasonCode()).isEqualTo("DEL_OUTAGE_EXEMPTION");
                assertThat(e.remedies()).containsExactly(Remedy.CREDIT_REPAIR);
                assertThat(e.reason()).contains("Quick Loans", "27 September 2026", "25 September 2026",
                        "28 September 2026");
            });
            assertThat(decision.notice()).contains("service outage");
        }

        @Test
        void anOutageThatEndedLongAgoStillExempts() {
            ServiceOutage past = new ServiceOutage("OUT-OLD", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 3),
                    null);
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 4, 2), Signals.AS_OF);

            Decision decision = decide(Borrowers.overdueBy(days), past);

            assertThat(decision.restrictions()).isEmpty();
            assertThat(decision.exemptions()).hasSize(1);
        }

        @Test
        void anExemptLoanCountsForNothingWhileAnotherStillCounts() {
            BorrowerProfile borrower = Borrowers.ordinary().loans(List.of(
                    Loan.of("Outage Bank", "5000", "500").overdueBy(35),
                    Loan.of("Quick Loans", "5000", "500").overdueBy(31))).build();

            Decision decision = decide(borrower, Signals.septemberUpgradeOutage());

            assertThat(restrictionsOf(decision, FAMILY)).containsExactly("BLOCK_NEW_BORROWING");
            assertThat(decision.restrictions().get(0).reason()).contains("Quick Loans", "31 days");
            assertThat(decision.exemptions()).singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("Outage Bank"));
        }

        @Test
        void aLongerExemptOverdueDoesNotHideAShorterOneThatCounts() {
            // The 35-day loan is exempt; without it the longest that counts is 31 days, not more than 90.
            BorrowerProfile borrower = Borrowers.ordinary().loans(List.of(
                    Loan.of("Outage Bank", "5000", "500").overdueBy(35),
                    Loan.of("Quick Loans", "5000", "500").overdueBy(3))).build();

            Decision decision = decide(borrower, Signals.septemberUpgradeOutage());

            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void overlappingOutagesGiveOneExemptionPerLoan() {
            ServiceOutage overlapping = new ServiceOutage("OUT-B", LocalDate.of(2026, 9, 20),
                    LocalDate.of(2026, 9, 30), "second incident");

            Decision decision = decide(Borrowers.overdueBy(35), Signals.septemberUpgradeOutage(), overlapping);

            assertThat(decision.exemptions()).hasSize(1);
            assertThat(decision.restrictions()).isEmpty();
        }

        @Test
        void ofOverlappingOutagesTheExemptionNamesTheOneThatBeganFirst() {
            ServiceOutage earlier = new ServiceOutage("OUT-B", LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 30),
                    "second incident");

            for (List<ServiceOutage> outages : List.of(List.of(Signals.septemberUpgradeOutage(), earlier),
                    List.of(earlier, Signals.septemberUpgradeOutage()))) {
                Decision decision = decide(Borrowers.overdueBy(35), outages.toArray(ServiceOutage[]::new));

                assertThat(decision.exemptions()).as("%s", outages).singleElement()
                        .satisfies(e -> assertThat(e.reason()).contains("20 September 2026", "30 September 2026"));
            }
        }

        @Test
        void ofOutagesThatBeganTheSameDayTheExemptionNamesTheOneThatEndedFirst() {
            ServiceOutage longer = new ServiceOutage("OUT-C", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 5),
                    "longer incident");

            for (List<ServiceOutage> outages : List.of(List.of(longer, Signals.septemberUpgradeOutage()),
                    List.of(Signals.septemberUpgradeOutage(), longer))) {
                Decision decision = decide(Borrowers.overdueBy(35), outages.toArray(ServiceOutage[]::new));

                assertThat(decision.exemptions()).as("%s", outages).singleElement()
                        .satisfies(e -> assertThat(e.reason()).contains("25 September 2026", "28 September 2026"));
            }
        }
    }
}
