package io.github.creditrisk.testkit;

import io.github.creditrisk.Segment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers the {@link ReferencePolicy}'s conditions compare with, as one value, so that a test can move them
 * the way an analyst moves them in a copy of {@code parameters.drl} and check the engine against the policy with
 * the same moves. {@link #REFERENCE} holds the reference policy's own, from {@link ReferenceThresholds}. The cuts
 * the policy makes do not move.
 *
 * @param dtiCeilings the debt-to-income ceiling of every segment
 */
public record PolicyThresholds(
        Map<Segment, BigDecimal> dtiCeilings,
        BigDecimal dtiFarAboveMargin,
        int lendersForReview,
        int lendersForBlock,
        int revenueBaseMonths,
        BigDecimal revenueCollapseShare,
        int scoreDropForFreeze,
        int scoreDropForCut,
        int overdueDaysForBlock,
        int overdueDaysForFreeze) {

    /** The reference policy's thresholds. */
    public static final PolicyThresholds REFERENCE = new PolicyThresholds(ceilings(), ReferenceThresholds.DTI_FAR_ABOVE_MARGIN,
            ReferenceThresholds.LENDERS_FOR_REVIEW, ReferenceThresholds.LENDERS_FOR_BLOCK,
            ReferenceThresholds.REVENUE_BASE_MONTHS, ReferenceThresholds.REVENUE_COLLAPSE_SHARE,
            ReferenceThresholds.SCORE_DROP_FOR_FREEZE, ReferenceThresholds.SCORE_DROP_FOR_CUT,
            ReferenceThresholds.OVERDUE_DAYS_FOR_BLOCK, ReferenceThresholds.OVERDUE_DAYS_FOR_FREEZE);

    public PolicyThresholds {
        dtiCeilings = Map.copyOf(dtiCeilings);
        for (Segment s : Segment.values()) {
            Objects.requireNonNull(dtiCeilings.get(s), "no ceiling for " + s);
        }
        Objects.requireNonNull(dtiFarAboveMargin, "dtiFarAboveMargin");
        Objects.requireNonNull(revenueCollapseShare, "revenueCollapseShare");
    }

    /** The debt-to-income ceiling of {@code segment}. */
    public BigDecimal dtiCeiling(Segment segment) {
        return dtiCeilings.get(segment);
    }

    /** These thresholds with the ceiling of {@code segment} moved to {@code ceiling}. */
    public PolicyThresholds withDtiCeiling(Segment segment, String ceiling) {
        Map<Segment, BigDecimal> moved = new EnumMap<>(dtiCeilings);
        moved.put(segment, new BigDecimal(ceiling));
        return new PolicyThresholds(moved, dtiFarAboveMargin, lendersForReview, lendersForBlock, revenueBaseMonths,
                revenueCollapseShare, scoreDropForFreeze, scoreDropForCut, overdueDaysForBlock, overdueDaysForFreeze);
    }

    /** These thresholds with the days overdue that block new borrowing moved to {@code days}. */
    public PolicyThresholds withOverdueDaysForBlock(int days) {
        return new PolicyThresholds(dtiCeilings, dtiFarAboveMargin, lendersForReview, lendersForBlock,
                revenueBaseMonths, revenueCollapseShare, scoreDropForFreeze, scoreDropForCut, days,
                overdueDaysForFreeze);
    }

    /** These thresholds with the score drop that freezes the limit moved to {@code points}. */
    public PolicyThresholds withScoreDropForFreeze(int points) {
        return new PolicyThresholds(dtiCeilings, dtiFarAboveMargin, lendersForReview, lendersForBlock,
                revenueBaseMonths, revenueCollapseShare, points, scoreDropForCut, overdueDaysForBlock,
                overdueDaysForFreeze);
    }

    private static Map<Segment, BigDecimal> ceilings() {
        Map<Segment, BigDecimal> ceilings = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            ceilings.put(s, ReferenceThresholds.dtiCeiling(s));
        }
        return ceilings;
    }
}
