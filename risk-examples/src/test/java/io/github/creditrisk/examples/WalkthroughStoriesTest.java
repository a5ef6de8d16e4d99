package io.github.creditrisk.examples;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.creditrisk.examples.Stories.decide;
import static io.github.creditrisk.examples.Stories.restrictions;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The walkthroughs' decisions")
class WalkthroughStoriesTest {

    @Nested
    @DisplayName("1. the small retailer whose sales collapsed")
    class SmallRetailer {
        final Map<String, Decision> d = decide(new SmallRetailerWalkthrough());

        @Test
        void herLineIsCutOnceForTwoReasonsAndARepaymentPlanIsOffered() {
            Decision lin = d.get("SBO-LIN");
            assertThat(lin.outcome()).isEqualTo(Outcome.RESTRICT);
            assertThat(restrictions(lin)).containsExactly("OVERBORROWING REDUCE_LIMIT 30", "REVENUE_DECLINE REDUCE_LIMIT 30");
            assertThat(lin.recommendedLimit()).isEqualByComparingTo("105000");
            assertThat(lin.restrictions()).allSatisfy(r -> assertThat(r.remedies()).contains(Remedy.REPAYMENT_PLAN));
        }

        @Test
        void hisSmallerDipChangesNothing() {
            assertThat(d.get("SBO-ZHOU").outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Nested
    @DisplayName("2. the regulator's sector ban")
    class SectorBan {
        final Map<String, Decision> d = decide(new SectorBanWalkthrough());

        @Test
        void everyoneInTheSectorIsBlockedWithTheRegulationNamedAndTheirLimitsKept() {
            for (String id : new String[] {"P2P-WANG", "P2P-CHEN", "P2P-ZHAO"}) {
                Decision x = d.get(id);
                assertThat(restrictions(x)).as(id).containsExactly("SECTOR_BAN BLOCK_NEW_BORROWING");
                assertThat(x.recommendedLimit()).as(id).isEqualByComparingTo(x.creditLimit());
                assertThat(x.restrictions().get(0).reason()).contains(SectorBanWalkthrough.REGULATION);
                assertThat(x.notice()).contains("You can still repay as usual");
            }
        }

        @Test
        void anotherSectorIsUntouched() {
            assertThat(d.get("RET-LIU").outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Nested
    @DisplayName("3. a regional downturn, managed by tier")
    class RegionalDownturn {
        final Map<String, Decision> d = decide(new RegionalDownturnWalkthrough());

        @Test
        void eachSegmentInTheCityGetsItsOwnResponseToTheSevereCityDownturnOnly() {
            assertThat(restrictions(d.get("SZ-HUANG")))
                    .containsExactly("REGIONAL_DOWNTURN BLOCK_NEW_BORROWING", "REGIONAL_DOWNTURN REDUCE_LIMIT 40");
            assertThat(d.get("SZ-HUANG").recommendedLimit()).isEqualByComparingTo("60000");
            assertThat(restrictions(d.get("SZ-XU"))).containsExactly("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
            assertThat(restrictions(d.get("SZ-HE"))).containsExactly("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
            assertThat(d.get("SZ-HE").recommendedLimit()).isEqualByComparingTo("6400");
            assertThat(restrictions(d.get("SZ-GUO"))).containsExactly("REGIONAL_DOWNTURN FREEZE_LIMIT");
            assertThat(d.get("SZ-HUANG").restrictions()).allSatisfy(r -> assertThat(r.rule()).isEqualTo("RGD-3"));
        }

        @Test
        void theProvinceDownturnAppliesOutsideTheCityAndNothingAppliesElsewhere() {
            assertThat(restrictions(d.get("GZ-LIANG"))).containsExactly("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
            assertThat(d.get("GZ-LIANG").restrictions().get(0).reason()).contains("CN-GD,");
            assertThat(d.get("BJ-SUN").outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Nested
    @DisplayName("4. the big-data score drop")
    class ScoreDrop {
        final Map<String, Decision> d = decide(new ScoreDropWalkthrough());

        @Test
        void sixtyPointsFreezeAndOneHundredThirtyCutAndReview() {
            assertThat(restrictions(d.get("SCD-MA"))).containsExactly("SCORE_DROP FREEZE_LIMIT");
            assertThat(d.get("SCD-MA").recommendedLimit()).isEqualByComparingTo("60000");
            assertThat(restrictions(d.get("SCD-QIAN")))
                    .containsExactly("SCORE_DROP REDUCE_LIMIT 50", "SCORE_DROP MANUAL_REVIEW");
            assertThat(d.get("SCD-QIAN").recommendedLimit()).isEqualByComparingTo("30000");
        }

        @Test
        void aFirstTimeBorrowerWithoutHistoryIsNotPenalised() {
            assertThat(d.get("SCD-TANG").outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Nested
    @DisplayName("5. the outage that was not the borrower's fault")
    class Outage {
        final Map<String, Decision> d = decide(new ServiceOutageWalkthrough());

        @Test
        void theOverdueDuringTheOutageIsExemptedAndCreditRepairOffered() {
            Decision fang = d.get("OUT-FANG");
            assertThat(fang.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(fang.exemptions()).singleElement().satisfies(e -> {
                assertThat(e.family()).isEqualTo("DELINQUENCY");
                assertThat(e.remedies()).containsExactly(Remedy.CREDIT_REPAIR);
            });
            assertThat(fang.notice()).contains("service outage");
        }

        @Test
        void theOverdueAfterTheOutageCounts() {
            assertThat(restrictions(d.get("OUT-DU"))).containsExactly("DELINQUENCY BLOCK_NEW_BORROWING");
            assertThat(d.get("OUT-DU").exemptions()).isEmpty();
        }
    }

    @Nested
    @DisplayName("6. many lenders at once")
    class ManyLenders {
        final Map<String, Decision> d = decide(new ManyLendersWalkthrough());

        @Test
        void fiveLendersAreReviewedAndSixBlocked() {
            assertThat(d.get("LU-FIVE").outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(restrictions(d.get("LU-FIVE"))).containsExactly("OVERBORROWING MANUAL_REVIEW");
            assertThat(restrictions(d.get("LU-SIX"))).containsExactly("OVERBORROWING BLOCK_NEW_BORROWING");
            assertThat(d.get("LU-SIX").recommendedLimit()).isEqualByComparingTo("40000");
        }
    }
}
