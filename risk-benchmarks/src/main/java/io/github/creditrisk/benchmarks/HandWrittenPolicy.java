package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The reference policy written by hand in plain Java, with no engine: the physical limit the engine's speed
 * is measured against, and an independent oracle for its decisions. It computes what decides (outcome,
 * recommended limit, which (family, type) pairs restrict, how many exemptions) but writes no sentences.
 * Signals are indexed once per context, as the engine does. Thread-safe.
 */
public final class HandWrittenPolicy {

    /** The families of the reference policy, in the order of their bits. */
    public enum Family { OVERBORROWING, REVENUE_DECLINE, REGIONAL_DOWNTURN, SECTOR_BAN, SCORE_DROP, DELINQUENCY }

    /**
     * A decision without its sentences.
     *
     * @param restrictions one bit per (family, type): {@code 1 << (family.ordinal() * 4 + type.ordinal())}
     * @param exemptions   how many distinct exemptions (lender and days) were granted
     */
    public record Verdict(Outcome outcome, BigDecimal recommendedLimit, int restrictions, int exemptions) {

        public static int bit(Family family, RestrictionType type) {
            return 1 << (family.ordinal() * 4 + type.ordinal());
        }

        public boolean has(Family family, RestrictionType type) {
            return (restrictions & bit(family, type)) != 0;
        }

        /**
         * The verdict of {@code restrictions} (bits as above) and the largest cut among them: the outcome by the
         * merge rules (RESTRICT unless every restriction is a review), the limit cut once and rounded down.
         */
        static Verdict of(BigDecimal creditLimit, int restrictions, int cut, int exemptions) {
            Outcome outcome = restrictions == 0 ? Outcome.APPROVE
                    : (restrictions & ~REVIEW_BITS) != 0 ? Outcome.RESTRICT : Outcome.REVIEW;
            BigDecimal limit = cut == 0 ? creditLimit
                    : creditLimit.multiply(BigDecimal.valueOf(100 - cut)).movePointLeft(2).setScale(0, RoundingMode.FLOOR);
            return new Verdict(outcome, limit, restrictions, exemptions);
        }

        private static final int REVIEW_BITS = reviewBits();

        private static int reviewBits() {
            int bits = 0;
            for (Family f : Family.values()) {
                bits |= bit(f, RestrictionType.MANUAL_REVIEW);
            }
            return bits;
        }
    }

    private static final BigDecimal MARGIN = new BigDecimal("0.20");
    private static final BigDecimal COLLAPSE = new BigDecimal("0.60");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal[] CEILING = new BigDecimal[Segment.values().length];

    static {
        CEILING[Segment.ORDINARY.ordinal()] = new BigDecimal("0.50");
        CEILING[Segment.SMALL_BUSINESS_OWNER.ordinal()] = new BigDecimal("0.60");
        CEILING[Segment.HIGH_NET_WORTH.ordinal()] = new BigDecimal("0.70");
        CEILING[Segment.FIRST_TIME.ordinal()] = new BigDecimal("0.40");
    }

    private final SignalIndex signals;
    private final LocalDate asOf;

    /** Indexes the context's signals. */
    public HandWrittenPolicy(EvaluationContext context) {
        this.signals = new SignalIndex(context);
        this.asOf = context.asOf();
    }

    public Verdict decide(BorrowerProfile b) {
        int r = 0;
        int cut = 0;
        BigDecimal mds = BigDecimal.ZERO;
        String[] lenders = new String[b.loans().size()];
        int distinct = 0;
        int maxDpd = 0;
        String[] exempt = null;
        int exemptions = 0;
        for (Loan l : b.loans()) {
            if (l.outstanding().signum() <= 0) {
                continue;
            }
            mds = mds.add(l.monthlyPayment());
            distinct = addDistinct(lenders, distinct, l.lender().toLowerCase(Locale.ROOT));
            if (l.daysPastDue() > 0) {
                LocalDate start = asOf.minusDays(l.daysPastDue());
                if (signals.coveredByOutage(start)) {
                    String key = l.lender() + "/" + l.daysPastDue();
                    if (exempt == null) {
                        exempt = new String[b.loans().size()];
                    }
                    exemptions = addDistinct(exempt, exemptions, key);
                } else {
                    maxDpd = Math.max(maxDpd, l.daysPastDue());
                }
            }
        }
        Segment segment = b.segment();
        BigDecimal income = b.monthlyIncome();
        if (income.signum() > 0) {
            BigDecimal ceiling = CEILING[segment.ordinal()];
            if (mds.compareTo(ceiling.add(MARGIN).multiply(income)) > 0) {
                r |= Verdict.bit(Family.OVERBORROWING, RestrictionType.BLOCK_NEW_BORROWING)
                        | Verdict.bit(Family.OVERBORROWING, RestrictionType.REDUCE_LIMIT);
                cut = Math.max(cut, 50);
            } else if (mds.compareTo(ceiling.multiply(income)) > 0) {
                r |= Verdict.bit(Family.OVERBORROWING, RestrictionType.REDUCE_LIMIT);
                cut = Math.max(cut, 30);
            }
        } else if (mds.signum() > 0) {
            r |= Verdict.bit(Family.OVERBORROWING, RestrictionType.MANUAL_REVIEW);
        }
        if (distinct >= 6) {
            r |= Verdict.bit(Family.OVERBORROWING, RestrictionType.BLOCK_NEW_BORROWING);
        } else if (distinct >= 4) {
            r |= Verdict.bit(Family.OVERBORROWING, RestrictionType.MANUAL_REVIEW);
        }

        List<BigDecimal> rev = b.monthlyRevenue();
        if (segment == Segment.SMALL_BUSINESS_OWNER && rev.size() >= 4) {
            int n = rev.size();
            BigDecimal sum = rev.get(n - 4).add(rev.get(n - 3)).add(rev.get(n - 2));
            if (sum.signum() > 0 && rev.get(n - 1).multiply(THREE).compareTo(COLLAPSE.multiply(sum)) < 0) {
                r |= Verdict.bit(Family.REVENUE_DECLINE, RestrictionType.REDUCE_LIMIT);
                cut = Math.max(cut, 30);
            }
        }

        Severity worst = signals.worstDownturn(b.region());
        if (worst != null) {
            switch (segment) {
                case SMALL_BUSINESS_OWNER -> {
                    if (worst == Severity.MEDIUM) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT);
                    } else if (worst == Severity.HIGH) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.REDUCE_LIMIT);
                        cut = Math.max(cut, 20);
                    } else if (worst == Severity.SEVERE) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.REDUCE_LIMIT)
                                | Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.BLOCK_NEW_BORROWING);
                        cut = Math.max(cut, 40);
                    }
                }
                case ORDINARY, FIRST_TIME -> {
                    if (worst == Severity.HIGH) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT);
                    } else if (worst == Severity.SEVERE) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.REDUCE_LIMIT);
                        cut = Math.max(cut, 20);
                    }
                }
                case HIGH_NET_WORTH -> {
                    if (worst == Severity.SEVERE) {
                        r |= Verdict.bit(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT);
                    }
                }
            }
        }

        if (signals.banned(b.sector())) {
            r |= Verdict.bit(Family.SECTOR_BAN, RestrictionType.BLOCK_NEW_BORROWING);
        }

        if (b.previousCreditScore() != null) {
            int drop = b.previousCreditScore() - b.creditScore();
            if (drop >= 100) {
                r |= Verdict.bit(Family.SCORE_DROP, RestrictionType.REDUCE_LIMIT)
                        | Verdict.bit(Family.SCORE_DROP, RestrictionType.MANUAL_REVIEW);
                cut = Math.max(cut, 50);
            } else if (drop >= 50) {
                r |= Verdict.bit(Family.SCORE_DROP, RestrictionType.FREEZE_LIMIT);
            }
        }

        if (maxDpd > 90) {
            r |= Verdict.bit(Family.DELINQUENCY, RestrictionType.BLOCK_NEW_BORROWING)
                    | Verdict.bit(Family.DELINQUENCY, RestrictionType.FREEZE_LIMIT);
        } else if (maxDpd > 30) {
            r |= Verdict.bit(Family.DELINQUENCY, RestrictionType.BLOCK_NEW_BORROWING);
        }

        return Verdict.of(b.creditLimit(), r, cut, exemptions);
    }

    /**
     * Adds {@code item} to the first {@code count} entries of {@code seen} unless one equals it, and returns the
     * new count: a handful of names told apart without a set.
     */
    static int addDistinct(String[] seen, int count, String item) {
        for (int i = 0; i < count; i++) {
            if (seen[i].equals(item)) {
                return count;
            }
        }
        seen[count] = item;
        return count + 1;
    }
}
