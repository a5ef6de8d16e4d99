package io.github.creditrisk;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules hold whatever the rules found, in whatever order, however many. */
class MergeProperties {

    @Property(tries = 500)
    void theOrderOfFindingsNeverChangesTheMerge(@ForAll("findings") List<Restriction> found, @ForAll long seed) {
        List<Restriction> shuffled = new ArrayList<>(found);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Decision.merge(shuffled)).isEqualTo(Decision.merge(found));
    }

    /** A handful of findings is merged pairwise, many through a table: both ways give the same. */
    @Property(tries = 500)
    void findingsRepeatedMergeAsOnce(@ForAll("findings") List<Restriction> found) {
        List<Restriction> thrice = new ArrayList<>(found);
        thrice.addAll(found);
        thrice.addAll(found);
        assertThat(Decision.merge(thrice)).isEqualTo(Decision.merge(found));
    }

    @Property(tries = 500)
    void eachFamilyAndTypeIsKeptOnceWithItsLargestCut(@ForAll("findings") List<Restriction> found) {
        List<Restriction> merged = Decision.merge(found);
        for (Restriction r : found) {
            List<Restriction> same = merged.stream()
                    .filter(m -> m.family().equals(r.family()) && m.type() == r.type()).toList();
            assertThat(same).hasSize(1);
            if (r.reductionPercent() != null) {
                assertThat(same.get(0).reductionPercent()).isGreaterThanOrEqualTo(r.reductionPercent());
            }
        }
        assertThat(merged).isSortedAccordingTo(Restriction.DECISION_ORDER);
    }

    /** The limit after a cut is the exact floor of limit × (100 − p) ÷ 100, whichever way it is worked out. */
    @Property(tries = 1000)
    void theLimitAfterACutIsTheExactFloor(@ForAll("limits") java.math.BigDecimal limit,
                                          @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 100) int cut) {
        Restriction r = new Restriction(RestrictionType.REDUCE_LIMIT, "OVERBORROWING", "A-1", "CODE_A_1", cut,
                "because", List.of(Remedy.APPEAL), Map.of());
        java.math.BigDecimal expected = limit.multiply(java.math.BigDecimal.valueOf(100 - cut))
                .divide(java.math.BigDecimal.valueOf(100))
                .setScale(0, java.math.RoundingMode.FLOOR);
        java.math.BigDecimal after = Decision.limitAfter(limit, List.of(r));
        assertThat(after).isEqualTo(expected); // equal in value and in scale
        assertThat(Decision.limitAfter(limit, new java.util.ArrayDeque<>(List.of(r)))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<java.math.BigDecimal> limits() {
        Arbitrary<java.math.BigDecimal> whole = Arbitraries.longs().between(0, Long.MAX_VALUE)
                .map(java.math.BigDecimal::valueOf);
        Arbitrary<java.math.BigDecimal> small = Arbitraries.longs().between(0, 10_000_000)
                .map(java.math.BigDecimal::valueOf);
        Arbitrary<java.math.BigDecimal> fractional = Arbitraries.bigDecimals()
                .between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("1e15")).ofScale(2);
        Arbitrary<java.math.BigDecimal> huge = Arbitraries.bigIntegers()
                .between(java.math.BigInteger.ZERO, java.math.BigInteger.TEN.pow(30))
                .map(java.math.BigDecimal::new);
        return Arbitraries.oneOf(whole, small, fractional, huge);
    }

    @Provide
    Arbitrary<List<Restriction>> findings() {
        Arbitrary<RestrictionType> type = Arbitraries.of(RestrictionType.class);
        Arbitrary<String> family = Arbitraries.of("OVERBORROWING", "SCORE_DROP", "DELINQUENCY");
        Arbitrary<String> rule = Arbitraries.of("A-1", "A-2", "B-1");
        Arbitrary<Integer> percent = Arbitraries.of(10, 30, 50);
        Arbitrary<String> lender = Arbitraries.of("ICBC", "JD Finance");
        Arbitrary<Restriction> restriction = Combinators.combine(type, family, rule, percent, lender)
                .as((t, f, r, p, l) -> new Restriction(t, f, r, "CODE_" + r.replace('-', '_'),
                        t == RestrictionType.REDUCE_LIMIT ? p : null, "because " + r + " " + l,
                        List.of(Remedy.APPEAL), Map.of("lender", l)));
        return restriction.list().ofMaxSize(12);
    }

    /** Remedies, however given (any order, repeats), are kept in {@link Remedy}'s order without repeats. */
    @Property(tries = 1000)
    void remediesAreKeptInTheirOrderWithoutRepeats(@ForAll("remedyLists") List<Remedy> given) {
        List<Remedy> withAppeal = new ArrayList<>(given);
        withAppeal.add(new Random(given.size()).nextInt(withAppeal.size() + 1), Remedy.APPEAL);
        Restriction r = new Restriction(RestrictionType.FREEZE_LIMIT, "A", "A-1", "C", null, "why", withAppeal,
                Map.of());

        assertThat(r.remedies()).isEqualTo(List.copyOf(java.util.EnumSet.copyOf(withAppeal)));
    }

    @Provide
    Arbitrary<List<Remedy>> remedyLists() {
        return Arbitraries.of(Remedy.class).list().ofMaxSize(6);
    }
}
