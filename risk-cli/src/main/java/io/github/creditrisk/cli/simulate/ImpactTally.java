package io.github.creditrisk.cli.simulate;

import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.cli.internal.IdSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Adds up the comparisons of a portfolio, in input order, into an {@link Impact}. Memory stays flat: it
 * keeps counters, the ids seen (16 bytes each, to reject repeats), a bounded sample of changed borrowers
 * and the first few rejections. Not thread-safe: it is the single-threaded end of the pipeline.
 */
public final class ImpactTally implements Consumer<Comparison> {

    /** Distinct regions counted one by one; beyond this many, the rest are added up together. */
    public static final int MAX_REGIONS = 10_000;
    /** The name under which regions beyond {@link #MAX_REGIONS} are added up. */
    public static final String OTHER_REGIONS = "(other regions)";
    /** How many rejected lines are kept, with their errors, for the reports. */
    public static final int FIRST_REJECTIONS = 5;

    private record Pair(String family, RestrictionType type) {
    }

    private final Setup setup;
    private final IdSet ids = new IdSet();
    private final long[] transitions = new long[9];
    private final GroupTally total = new GroupTally();
    private final Map<Segment, GroupTally> segments = new EnumMap<>(Segment.class);
    private final Map<String, GroupTally> regions = new HashMap<>();
    private final Map<Pair, long[]> pairs = new HashMap<>();
    private BigDecimal creditLimit = BigDecimal.ZERO;
    private BigDecimal baselineLimit = BigDecimal.ZERO;
    private BigDecimal candidateLimit = BigDecimal.ZERO;
    private final List<Comparison.Compared> sample = new ArrayList<>();
    private long compared;
    private long rejected;
    private final List<Comparison.Rejected> firstRejections = new ArrayList<>();

    public ImpactTally(Setup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void accept(Comparison comparison) {
        if (comparison instanceof Comparison.Compared c) {
            if (ids.add(c.borrowerId())) {
                add(c);
            } else {
                reject(SideBySide.duplicate(c.line(), c.borrowerId()));
            }
        } else {
            Comparison.Rejected r = (Comparison.Rejected) comparison;
            if (r.borrowerId() != null) {
                ids.add(r.borrowerId()); // as in eval: a later line with this id is a repeat
            }
            reject(r);
        }
    }

    /** Lines taken so far (compared and rejected), for progress. */
    public long lines() {
        return compared + rejected;
    }

    private void add(Comparison.Compared c) {
        compared++;
        transitions[TransitionMatrix.index(c.baseline().outcome(), c.candidate().outcome())]++;
        total.add(c);
        segments.computeIfAbsent(c.borrower().segment(), s -> new GroupTally()).add(c);
        region(c.borrower().region()).add(c);
        creditLimit = creditLimit.add(c.baseline().creditLimit());
        baselineLimit = baselineLimit.add(c.baseline().recommendedLimit());
        candidateLimit = candidateLimit.add(c.candidate().recommendedLimit());
        if (!c.changed()) {
            return;
        }
        for (RestrictionChange change : c.changes()) {
            long[] counts = pairs.computeIfAbsent(new Pair(change.family(), change.type()), p -> new long[3]);
            counts[change.kind().ordinal()]++;
        }
        if (sample.size() < setup.sampleSize()) {
            sample.add(c);
        }
    }

    private GroupTally region(String code) {
        String key = code.toUpperCase(Locale.ROOT);
        GroupTally tally = regions.get(key);
        if (tally == null) {
            key = regions.size() < MAX_REGIONS ? key : OTHER_REGIONS;
            tally = regions.computeIfAbsent(key, k -> new GroupTally());
        }
        return tally;
    }

    private void reject(Comparison.Rejected r) {
        rejected++;
        if (firstRejections.size() < FIRST_REJECTIONS) {
            firstRejections.add(r);
        }
    }

    /** The figures so far. */
    public Impact impact() {
        List<RestrictionFigures> byPair = new ArrayList<>();
        pairs.forEach((p, n) -> byPair.add(new RestrictionFigures(p.family(), p.type(),
                n[RestrictionChange.Kind.ADDED.ordinal()], n[RestrictionChange.Kind.REMOVED.ordinal()],
                n[RestrictionChange.Kind.MODIFIED.ordinal()])));
        byPair.sort(Comparator.comparingLong(RestrictionFigures::newlyAffected).reversed()
                .thenComparing(Comparator.comparingLong(RestrictionFigures::noLongerAffected).reversed())
                .thenComparing(Comparator.comparingLong(RestrictionFigures::modified).reversed())
                .thenComparing(RestrictionFigures::family)
                .thenComparing(RestrictionFigures::type));
        List<GroupFigures> bySegment = new ArrayList<>();
        segments.forEach((s, t) -> bySegment.add(t.figures(s.name())));
        List<GroupFigures> byRegion = new ArrayList<>();
        regions.forEach((r, t) -> byRegion.add(t.figures(r)));
        byRegion.sort(Comparator.comparingLong(GroupFigures::changed).reversed()
                .thenComparing(Comparator.comparingLong(GroupFigures::newlyRestricted).reversed())
                .thenComparing(Comparator.comparingLong(GroupFigures::borrowers).reversed())
                .thenComparing(GroupFigures::name));
        return new Impact(setup, new TransitionMatrix(transitions), total.figures("all"), byPair, bySegment,
                byRegion, creditLimit, baselineLimit, candidateLimit, sample, rejected, firstRejections);
    }
}
