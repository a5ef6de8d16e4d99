package io.github.creditrisk.simulate;

import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.json.RiskJson;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Adds up the comparisons of a portfolio, in input order, into an {@link Impact}. Memory stays flat: it
 * keeps counters, a bounded sample of changed borrowers and the first few rejections. The caller rejects
 * repeated ids ({@link Comparison#repeated}) before they reach the tally, as it alone sees every line.
 *
 * <p>Tallies of consecutive parts of a portfolio {@linkplain #merge merge} into the tally of the whole, with
 * the same figures as one tally of every line, so the parts can be added up on different machines; a tally
 * is {@link Serializable} for that (its sample travels as the contract's JSON). With more than
 * {@link #MAX_REGIONS} distinct regions, which of them are counted one by one may depend on how the
 * portfolio was cut. Not thread-safe.
 */
public final class ImpactTally implements Consumer<Comparison>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Distinct regions counted one by one; beyond this many, the rest are added up together. */
    public static final int MAX_REGIONS = 10_000;
    /** The name under which regions beyond {@link #MAX_REGIONS} are added up. */
    public static final String OTHER_REGIONS = "(other regions)";
    /** How many rejected lines are kept, with their errors, for the reports. */
    public static final int FIRST_REJECTIONS = 5;

    private record Pair(String family, RestrictionType type) implements Serializable {
    }

    /** {@code null} in a tally of part of a portfolio, which is merged into one that has it. */
    private final transient @Nullable Setup setup;
    private final int sampleSize;
    private final long[] transitions = new long[9];
    private final GroupTally total = new GroupTally();
    private final Map<Segment, GroupTally> segments = new EnumMap<>(Segment.class);
    private final Map<String, GroupTally> regions = new LinkedHashMap<>();
    private final Map<Pair, long[]> pairs = new HashMap<>();
    private BigDecimal creditLimit = BigDecimal.ZERO;
    private BigDecimal baselineLimit = BigDecimal.ZERO;
    private BigDecimal candidateLimit = BigDecimal.ZERO;
    private transient List<Comparison.Compared> sample = new ArrayList<>();
    private long compared;
    private long rejected;
    private final List<Comparison.Rejected> firstRejections = new ArrayList<>();

    /** The tally of a whole portfolio, which gives its {@link #impact()}. */
    public ImpactTally(Setup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.sampleSize = setup.sampleSize();
    }

    /** The tally of part of a portfolio, to be merged into the whole's; it keeps up to {@code sampleSize} changed borrowers. */
    public ImpactTally(int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize " + sampleSize + " is negative");
        }
        this.setup = null;
        this.sampleSize = sampleSize;
    }

    @Override
    public void accept(Comparison comparison) {
        if (comparison instanceof Comparison.Compared c) {
            add(c);
        } else {
            reject((Comparison.Rejected) comparison);
        }
    }

    /**
     * Adds the figures of {@code later}, the tally of the lines that follow this tally's, as if its comparisons had
     * been accepted here; returns this tally.
     */
    public ImpactTally merge(ImpactTally later) {
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] += later.transitions[i];
        }
        total.add(later.total);
        later.segments.forEach((s, t) -> segments.computeIfAbsent(s, k -> new GroupTally()).add(t));
        later.regions.forEach((r, t) -> (r.equals(OTHER_REGIONS)
                ? regions.computeIfAbsent(r, k -> new GroupTally()) : region(r)).add(t));
        later.pairs.forEach((p, n) -> {
            long[] counts = pairs.computeIfAbsent(p, k -> new long[3]);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += n[i];
            }
        });
        creditLimit = creditLimit.add(later.creditLimit);
        baselineLimit = baselineLimit.add(later.baselineLimit);
        candidateLimit = candidateLimit.add(later.candidateLimit);
        for (Comparison.Compared c : later.sample) {
            if (sample.size() < sampleSize) {
                sample.add(c);
            }
        }
        compared += later.compared;
        rejected += later.rejected;
        for (Comparison.Rejected r : later.firstRejections) {
            if (firstRejections.size() < FIRST_REJECTIONS) {
                firstRejections.add(r);
            }
        }
        return this;
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
        if (sample.size() < sampleSize) {
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

    /**
     * The figures so far.
     *
     * @throws IllegalStateException for the tally of part of a portfolio, which has no setup
     */
    public Impact impact() {
        if (setup == null) {
            throw new IllegalStateException("the tally of part of a portfolio has no setup: merge it into the whole's");
        }
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

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        RiskJson json = RiskJson.create();
        out.writeInt(sample.size());
        for (Comparison.Compared c : sample) {
            out.writeLong(c.line());
            out.writeObject(json.writeBorrower(c.borrower()));
            out.writeObject(json.writeDecision(c.baseline()));
            out.writeObject(json.writeDecision(c.candidate()));
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        RiskJson json = RiskJson.create();
        int n = in.readInt();
        sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long line = in.readLong();
            sample.add(Comparison.Compared.of(line, json.readBorrower((String) in.readObject()),
                    json.readDecision((String) in.readObject()), json.readDecision((String) in.readObject())));
        }
    }
}
