package io.github.creditrisk.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The figures of a finished simulation, from which every report is written. Immutable.
 *
 * @param setup               what was compared
 * @param transitions         baseline outcome → candidate outcome, over the evaluated borrowers
 * @param total               the whole portfolio's figures (named {@code all})
 * @param restrictions        per (family, type) pair that changed for anyone, most newly affected first
 * @param segments            per segment with borrowers, in segment order
 * @param regions             per region (as given, upper case), most changed borrowers first; beyond
 *                            {@link ImpactTally#MAX_REGIONS} distinct regions the rest are added up as
 *                            {@code (other regions)}
 * @param creditLimit         the sum of the evaluated borrowers' credit limits
 * @param baselineLimit       the sum of their recommended limits under the baseline
 * @param candidateLimit      the sum under the candidate
 * @param sample              the first changed borrowers, in input order
 * @param rejected            lines not compared (bad input, repeated ids, rules that failed)
 * @param firstRejections     the first of them, in input order
 */
public record Impact(Setup setup, TransitionMatrix transitions, GroupFigures total,
                     List<RestrictionFigures> restrictions, List<GroupFigures> segments, List<GroupFigures> regions,
                     BigDecimal creditLimit, BigDecimal baselineLimit, BigDecimal candidateLimit,
                     List<Comparison.Compared> sample, long rejected, List<Comparison.Rejected> firstRejections) {

    public Impact {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(total, "total");
        restrictions = List.copyOf(restrictions);
        segments = List.copyOf(segments);
        regions = List.copyOf(regions);
        sample = List.copyOf(sample);
        firstRejections = List.copyOf(firstRejections);
    }

    /** Borrowers decided under both sides. */
    public long evaluated() {
        return total.borrowers();
    }

    /** {@code count} as a percentage of the evaluated borrowers (0 when none were). */
    public double share(long count) {
        return evaluated() == 0 ? 0 : 100.0 * count / evaluated();
    }

    /**
     * How much more of the portfolio the candidate restricts than the baseline, in percentage points of the
     * evaluated borrowers: (candidate RESTRICT − baseline RESTRICT) / evaluated × 100. Negative when the
     * candidate restricts fewer.
     */
    public double restrictedShareChange() {
        return share(total.restrictedAfter() - total.restrictedBefore());
    }

    /**
     * What the end of a run says beside the report, each a sentence for standard error: that lines were rejected,
     * then that the guard tripped; empty when neither happened.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(2);
        if (rejected > 0) {
            warnings.add(rejected + (rejected == 1 ? " line was" : " lines were") + " rejected; the figures cover the "
                    + evaluated() + " borrowers compared");
        }
        if (guardTripped()) {
            warnings.add(String.format(Locale.ROOT, "the candidate restricts %+.2f%% of the portfolio beyond the"
                    + " baseline, above --max-restricted-share %s", restrictedShareChange(),
                    BigDecimal.valueOf(setup.maxRestrictedShare()).stripTrailingZeros().toPlainString()));
        }
        return warnings;
    }

    /**
     * How a simulation run ends, as {@code risk simulate} and the Spark job exit: 3 when the guard tripped, else 2
     * when lines were rejected, else 0.
     */
    public int exitStatus() {
        return guardTripped() ? 3 : rejected > 0 ? 2 : 0;
    }

    /** Whether a guard was set and the candidate exceeds it. */
    public boolean guardTripped() {
        return setup.maxRestrictedShare() != null && restrictedShareChange() > setup.maxRestrictedShare();
    }
}
