package io.github.creditrisk.testkit;

import io.github.creditrisk.Segment;

import java.math.BigDecimal;

/**
 * The thresholds of the reference policy (v1), each stated once: the numbers its conditions compare with.
 * What the policy then imposes, cuts included, is {@link ReferenceRestriction}. These are the numbers the
 * bundled rules start from; the reference states them itself and reads nothing from {@code rules/}, so that it
 * checks the rules rather than repeating them.
 *
 * <p>Not instantiable; the constants are immutable.
 */
public final class ReferenceThresholds {

    /** OVERBORROWING: the debt-to-income ceiling of {@link Segment#ORDINARY}. */
    public static final BigDecimal DTI_CEILING_ORDINARY = new BigDecimal("0.50");
    /** OVERBORROWING: the debt-to-income ceiling of {@link Segment#SMALL_BUSINESS_OWNER}. */
    public static final BigDecimal DTI_CEILING_SMALL_BUSINESS_OWNER = new BigDecimal("0.60");
    /** OVERBORROWING: the debt-to-income ceiling of {@link Segment#HIGH_NET_WORTH}. */
    public static final BigDecimal DTI_CEILING_HIGH_NET_WORTH = new BigDecimal("0.70");
    /** OVERBORROWING: the debt-to-income ceiling of {@link Segment#FIRST_TIME} (thin files). */
    public static final BigDecimal DTI_CEILING_FIRST_TIME = new BigDecimal("0.40");
    /** OVERBORROWING: a debt-to-income more than this above the segment's ceiling is far above it. */
    public static final BigDecimal DTI_FAR_ABOVE_MARGIN = new BigDecimal("0.20");
    /** OVERBORROWING: this many distinct active lenders or more (and fewer than the next) are reviewed. */
    public static final int LENDERS_FOR_REVIEW = 4;
    /** OVERBORROWING: this many distinct active lenders or more block new borrowing. */
    public static final int LENDERS_FOR_BLOCK = 6;

    /** REVENUE_DECLINE: how many months before the latest make the base the latest month is compared with. */
    public static final int REVENUE_BASE_MONTHS = 3;
    /** REVENUE_DECLINE: sales have collapsed when the latest month is below this share of the base's mean. */
    public static final BigDecimal REVENUE_COLLAPSE_SHARE = new BigDecimal("0.60");

    /** SCORE_DROP: a drop of this many points or more (and less than the next) freezes the limit. */
    public static final int SCORE_DROP_FOR_FREEZE = 50;
    /** SCORE_DROP: a drop of this many points or more cuts the limit and asks for a review. */
    public static final int SCORE_DROP_FOR_CUT = 100;

    /** DELINQUENCY: an overdue of more than this many days (not exempt) blocks new borrowing. */
    public static final int OVERDUE_DAYS_FOR_BLOCK = 30;
    /** DELINQUENCY: an overdue of more than this many days (not exempt) also freezes the limit. */
    public static final int OVERDUE_DAYS_FOR_FREEZE = 90;

    private ReferenceThresholds() {
    }

    /** OVERBORROWING: the debt-to-income ceiling of {@code segment}, one of the four constants above. */
    public static BigDecimal dtiCeiling(Segment segment) {
        return switch (segment) {
            case ORDINARY -> DTI_CEILING_ORDINARY;
            case SMALL_BUSINESS_OWNER -> DTI_CEILING_SMALL_BUSINESS_OWNER;
            case HIGH_NET_WORTH -> DTI_CEILING_HIGH_NET_WORTH;
            case FIRST_TIME -> DTI_CEILING_FIRST_TIME;
        };
    }
}
