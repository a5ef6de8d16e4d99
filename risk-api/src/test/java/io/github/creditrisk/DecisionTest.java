package io.github.creditrisk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Decisions obey the merge rules whoever builds them")
class DecisionTest {

    private static final Decision.NoticeWriter NOTICE = (outcome, limit, after, r, e) -> "notice " + outcome;

    private static Restriction restriction(RestrictionType type, String family, String rule, Integer percent) {
        return new Restriction(type, family, rule, "CODE_" + rule.replace('-', '_'), percent, "because " + rule,
                List.of(Remedy.APPEAL), Map.of());
    }

    private static Decision merge(String limit, Restriction... found) {
        return Decision.of("B-1", new BigDecimal(limit), List.of(found), List.of(), NOTICE, "v1");
    }

    @Test
    void noRestrictionApprovesAndKeepsTheLimit() {
        Decision d = merge("50000");

        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(d.recommendedLimit()).isEqualByComparingTo("50000");
        assertThat(d.notice()).isEqualTo("notice APPROVE");
    }

    @Test
    void onlyManualReviewsGiveReview() {
        Decision d = merge("50000", restriction(RestrictionType.MANUAL_REVIEW, "A", "A-1", null),
                restriction(RestrictionType.MANUAL_REVIEW, "B", "B-1", null));

        assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
    }

    @Test
    void anyBlockCutOrFreezeGivesRestrict() {
        for (RestrictionType type : List.of(RestrictionType.BLOCK_NEW_BORROWING, RestrictionType.FREEZE_LIMIT)) {
            assertThat(merge("100", restriction(type, "A", "A-1", null),
                    restriction(RestrictionType.MANUAL_REVIEW, "B", "B-1", null)).outcome())
                    .isEqualTo(Outcome.RESTRICT);
        }
        assertThat(merge("100", restriction(RestrictionType.REDUCE_LIMIT, "A", "A-1", 10)).outcome())
                .isEqualTo(Outcome.RESTRICT);
    }

    @Test
    void theLargestCutAppliesAloneAndIsRoundedDownToAWholeUnit() {
        Decision d = merge("99999.99", restriction(RestrictionType.REDUCE_LIMIT, "A", "A-1", 30),
                restriction(RestrictionType.REDUCE_LIMIT, "B", "B-1", 50),
                restriction(RestrictionType.REDUCE_LIMIT, "C", "C-1", 20));

        assertThat(d.recommendedLimit()).isEqualByComparingTo("49999"); // 49,999.995 rounded down
    }

    @Test
    void withoutACutTheRecommendedLimitIsTheCreditLimitEvenWithCents() {
        assertThat(merge("1234.56", restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", null))
                .recommendedLimit()).isEqualByComparingTo("1234.56");
    }

    @Test
    void aFullCutLeavesZero() {
        assertThat(merge("500", restriction(RestrictionType.REDUCE_LIMIT, "A", "A-1", 100)).recommendedLimit())
                .isEqualByComparingTo("0");
    }

    @Test
    void duplicatesOfAFamilyAndTypeCollapseToTheLargestCutThenTheLowestRule() {
        Decision d = merge("1000",
                restriction(RestrictionType.BLOCK_NEW_BORROWING, "OVB", "OVB-4", null),
                restriction(RestrictionType.BLOCK_NEW_BORROWING, "OVB", "OVB-2", null),
                restriction(RestrictionType.REDUCE_LIMIT, "OVB", "OVB-1", 30),
                restriction(RestrictionType.REDUCE_LIMIT, "OVB", "OVB-9", 50));

        assertThat(d.restrictions()).extracting(Restriction::rule).containsExactly("OVB-2", "OVB-9");
    }

    @Test
    void restrictionsAreListedByTypeThenFamilyThenRuleWhateverTheOrderFound() {
        Decision d = merge("1000",
                restriction(RestrictionType.MANUAL_REVIEW, "A", "A-1", null),
                restriction(RestrictionType.FREEZE_LIMIT, "B", "B-1", null),
                restriction(RestrictionType.BLOCK_NEW_BORROWING, "C", "C-1", null),
                restriction(RestrictionType.BLOCK_NEW_BORROWING, "B", "B-2", null),
                restriction(RestrictionType.REDUCE_LIMIT, "A", "A-2", 10));

        assertThat(d.restrictions()).extracting(r -> r.type() + " " + r.family()).containsExactly(
                "BLOCK_NEW_BORROWING B", "BLOCK_NEW_BORROWING C", "REDUCE_LIMIT A", "FREEZE_LIMIT B",
                "MANUAL_REVIEW A");
    }

    @Test
    void aDecisionThatContradictsItsRestrictionsCannotBeBuilt() {
        Restriction block = restriction(RestrictionType.BLOCK_NEW_BORROWING, "A", "A-1", null);
        Restriction cut = restriction(RestrictionType.REDUCE_LIMIT, "A", "A-2", 50);
        BigDecimal limit = new BigDecimal("100");

        assertThatThrownBy(() -> new Decision("B", Outcome.APPROVE, limit, limit, List.of(block), List.of(), "n", "v"))
                .hasMessageContaining("outcome: APPROVE contradicts the restrictions; the merge rules give RESTRICT");
        assertThatThrownBy(() -> new Decision("B", Outcome.RESTRICT, limit, limit, List.of(cut), List.of(), "n", "v"))
                .hasMessageContaining("recommendedLimit: 100 contradicts the restrictions; the merge rules give 50");
        assertThatThrownBy(() -> new Decision("B", Outcome.RESTRICT, limit, limit, List.of(block, block), List.of(),
                "n", "v")).hasMessageContaining("appears more than once");
        assertThatThrownBy(() -> new Decision("B", Outcome.RESTRICT, limit, new BigDecimal("50"),
                List.of(cut, block), List.of(), "n", "v")).hasMessageContaining("not in decision order");
    }

    @Test
    void everyRestrictionMustOfferAnAppealAndHaveAReason() {
        assertThatThrownBy(() -> new Restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", "C", null, "why",
                List.of(Remedy.REPAYMENT_PLAN), Map.of())).hasMessageContaining("lacks APPEAL");
        assertThatThrownBy(() -> new Restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", "C", null, " ",
                List.of(Remedy.APPEAL), Map.of())).hasMessageStartingWith("reason: is blank");
    }

    @Test
    void aReductionPercentBelongsToReduceLimitOnly() {
        assertThatThrownBy(() -> new Restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", "C", 20, "why",
                List.of(Remedy.APPEAL), Map.of())).hasMessageContaining("allowed only on REDUCE_LIMIT");
        assertThatThrownBy(() -> new Restriction(RestrictionType.REDUCE_LIMIT, "A", "A-1", "C", null, "why",
                List.of(Remedy.APPEAL), Map.of())).hasMessageStartingWith("reductionPercent: is missing");
        assertThatThrownBy(() -> new Restriction(RestrictionType.REDUCE_LIMIT, "A", "A-1", "C", 101, "why",
                List.of(Remedy.APPEAL), Map.of())).hasMessageContaining("from 1 to 100");
    }

    @Test
    void familiesAndReasonCodesAreUpperCaseCodes() {
        assertThatThrownBy(() -> restriction(RestrictionType.FREEZE_LIMIT, "overborrowing", "A-1", null))
                .hasMessageContaining("family: 'overborrowing' is not a code");
    }

    @Test
    void aRejectedCodeIsKeptApartFromTheReasonForReadersOfHostileInput() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> restriction(RestrictionType.FREEZE_LIMIT, "x\ny", "A-1", null));

        assertThat(e.text()).isEqualTo("x\ny");
        assertThat(e.reason()).startsWith("is not a code; expected");
        assertThat(e.under("restrictions[0]").getMessage()).isEqualTo("restrictions[0].family: 'x\ny' " + e.reason());
        assertThat(new InvalidValueException("creditScore", "2.5 is not a whole number").text()).isNull();
    }

    @Test
    void remediesAreKeptInTheirNaturalOrderWithoutRepeats() {
        Restriction r = new Restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", "C", null, "why",
                List.of(Remedy.REPAYMENT_PLAN, Remedy.APPEAL, Remedy.APPEAL), Map.of());

        assertThat(r.remedies()).containsExactly(Remedy.APPEAL, Remedy.REPAYMENT_PLAN);
    }

    @Test
    void noRestrictionTypeTouchesRepayment() {
        assertThat(RestrictionType.values()).extracting(Enum::name)
                .noneMatch(name -> name.contains("REPAY"))
                .containsExactly("BLOCK_NEW_BORROWING", "REDUCE_LIMIT", "FREEZE_LIMIT", "MANUAL_REVIEW");
    }
}
