package io.github.creditrisk.testkit;

import io.github.creditrisk.RestrictionType;
import org.jspecify.annotations.Nullable;

/**
 * A restriction the reference policy can impose: a (family, type) pair and, for a cut, its size. These are
 * all of them, and each cut the policy makes is stated here once. They are declared in decision order (by
 * type, then family), which is the order a {@link Verdict} lists them in.
 *
 * <p>The reference imposes each (family, type) pair at most once, as a decision lists it at most once.
 */
public enum ReferenceRestriction {
    DELINQUENCY_BLOCK_NEW_BORROWING("DELINQUENCY", RestrictionType.BLOCK_NEW_BORROWING, null),
    OVERBORROWING_BLOCK_NEW_BORROWING("OVERBORROWING", RestrictionType.BLOCK_NEW_BORROWING, null),
    REGIONAL_DOWNTURN_BLOCK_NEW_BORROWING("REGIONAL_DOWNTURN", RestrictionType.BLOCK_NEW_BORROWING, null),
    SECTOR_BAN_BLOCK_NEW_BORROWING("SECTOR_BAN", RestrictionType.BLOCK_NEW_BORROWING, null),
    /** Debt-to-income above the segment's ceiling, but not far above. */
    OVERBORROWING_REDUCE_LIMIT_30("OVERBORROWING", RestrictionType.REDUCE_LIMIT, 30),
    /** Debt-to-income far above the segment's ceiling. */
    OVERBORROWING_REDUCE_LIMIT_50("OVERBORROWING", RestrictionType.REDUCE_LIMIT, 50),
    REGIONAL_DOWNTURN_REDUCE_LIMIT_20("REGIONAL_DOWNTURN", RestrictionType.REDUCE_LIMIT, 20),
    REGIONAL_DOWNTURN_REDUCE_LIMIT_40("REGIONAL_DOWNTURN", RestrictionType.REDUCE_LIMIT, 40),
    REVENUE_DECLINE_REDUCE_LIMIT_30("REVENUE_DECLINE", RestrictionType.REDUCE_LIMIT, 30),
    SCORE_DROP_REDUCE_LIMIT_50("SCORE_DROP", RestrictionType.REDUCE_LIMIT, 50),
    DELINQUENCY_FREEZE_LIMIT("DELINQUENCY", RestrictionType.FREEZE_LIMIT, null),
    REGIONAL_DOWNTURN_FREEZE_LIMIT("REGIONAL_DOWNTURN", RestrictionType.FREEZE_LIMIT, null),
    SCORE_DROP_FREEZE_LIMIT("SCORE_DROP", RestrictionType.FREEZE_LIMIT, null),
    OVERBORROWING_MANUAL_REVIEW("OVERBORROWING", RestrictionType.MANUAL_REVIEW, null),
    SCORE_DROP_MANUAL_REVIEW("SCORE_DROP", RestrictionType.MANUAL_REVIEW, null);

    private final String family;
    private final RestrictionType type;
    private final @Nullable Integer reductionPercent;

    ReferenceRestriction(String family, RestrictionType type, @Nullable Integer reductionPercent) {
        this.family = family;
        this.type = type;
        this.reductionPercent = reductionPercent;
    }

    /** The policy family, as a decision's {@link io.github.creditrisk.Restriction#family()} names it. */
    public String family() {
        return family;
    }

    public RestrictionType type() {
        return type;
    }

    /** The cut in percent for {@link RestrictionType#REDUCE_LIMIT}; {@code null} for every other type. */
    public @Nullable Integer reductionPercent() {
        return reductionPercent;
    }

    /**
     * {@code FAMILY TYPE}, followed by the percentage for a cut: {@code OVERBORROWING REDUCE_LIMIT 30}. A
     * decision's restriction reads the same in {@link Verdict#describe(io.github.creditrisk.Decision)}.
     */
    public String text() {
        return Verdict.text(family, type, reductionPercent);
    }
}
