package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Remedy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("REVENUE_DECLINE (revenue-decline.drl)")
class RevenueDeclineRulesTest {

    private static final String FAMILY = "REVENUE_DECLINE";

    @ParameterizedTest(name = "sales {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100 100 100 59.99         | REDUCE_LIMIT 30
            100 100 100 60            | -
            100 100 100 60.01         | -
            100 100 100 0             | REDUCE_LIMIT 30
            100 100 59                | -
            5000 100 100 100 59       | REDUCE_LIMIT 30
            10 100 100 100 61         | -
            0 0 0 0                   | -
            0 0 0 100                 | -
            100 100 101 60.2          | -
            100 100 101 60.19         | REDUCE_LIMIT 30
            """)
    void cutsWhenTheLatestMonthFallsBelowSixtyPercentOfTheThreeBefore(String sales, String expected) {
        BorrowerProfile borrower = Borrowers.smallBusinessOwner().monthlyRevenue(sales.split(" ")).build();

        assertThat(restrictionsOf(decide(borrower), FAMILY))
                .isEqualTo(expected.equals("-") ? List.of() : List.of(expected));
    }

    @Test
    void theSmallRetailerIsCutAndOfferedARepaymentPlan() {
        Decision decision = decide(Borrowers.smallRetailerWithCollapsingSales());

        assertThat(decision.recommendedLimit()).isEqualByComparingTo("35000");
        assertThat(decision.restrictions()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("REV-1");
            assertThat(r.reasonCode()).isEqualTo("REV_SALES_COLLAPSED");
            assertThat(r.remedies()).containsExactly(Remedy.APPEAL, Remedy.REPAYMENT_PLAN);
            assertThat(r.reason()).contains("50,000", "60%", "100,000");
        });
    }

    @Test
    void onlySmallBusinessOwnersAreJudgedOnSales() {
        for (BorrowerProfile.Builder other : List.of(Borrowers.ordinary(), Borrowers.highNetWorth(),
                Borrowers.firstTime())) {
            BorrowerProfile borrower = other.monthlyRevenue("100", "100", "100", "10").build();

            assertThat(restrictionsOf(decide(borrower), FAMILY)).as(borrower.segment().name()).isEmpty();
        }
    }
}
