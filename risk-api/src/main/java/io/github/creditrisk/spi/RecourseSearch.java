package io.github.creditrisk.spi;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.Way;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what lifts each restriction of a decision, for engines to call when
 * {@link EvaluationContext#recourse()} is on. It knows no rule, reason code or threshold: it changes the borrower
 * (or the signals) one {@link io.github.creditrisk.Action} kind at a time, decides the changed borrower again with
 * the engine's own rules through a {@link Probe}, and keeps the smallest change that lifts the restriction without
 * imposing anything new. So when an analyst moves a threshold or adds a rule, the answers follow.
 *
 * <p>For each restriction it gives one {@link Way} per action kind that lifts it on its own (and one per signal
 * that would end), each at its boundary: an amount or score one unit closer to the current value no longer lifts
 * it, and a list of lenders is the shortest that works, the smallest total outstanding among those. When no single
 * action lifts it, it gives the smallest combinations that do (of two actions, else three; beyond that, every
 * change at once shortened one change at a time while it still lifts). Before a way is returned it is checked by
 * deciding again: it lifts, it adds nothing, one unit closer does not, and no action of a combination can be
 * dropped. A way that fails the check is left out.
 *
 * <p>The search assumes what holds for credit policies, that a decision only improves as repayments fall, income,
 * sales or score rise, loans are repaid, arrears cleared or signals end; where the rules break that, the check
 * above leaves the way out rather than return a wrong one. Amounts are searched up to 10<sup>12</sup> currency
 * units. Lists of lenders are searched exactly up to {@value LiftSearch#MAX_SUBSETS} lists; beyond that, the list
 * is shortened greedily from all the lenders, largest outstanding dropped first.
 *
 * <p>Thread-safe: each call searches on its own.
 */
public final class RecourseSearch {

    private RecourseSearch() {
    }

    /** What a decision holds at most one restriction of: its family and type. */
    public record Key(String family, RestrictionType type) {
        public Key {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(type, "type");
        }

        /** The key of {@code restriction}. */
        public static Key of(Restriction restriction) {
            return new Key(restriction.family(), restriction.type());
        }
    }

    /** Decides changed borrowers for the search; an engine gives the cheapest way it has. */
    @FunctionalInterface
    public interface Probe {
        /**
         * For each borrower, in order, the keys of the restrictions its decision under {@code context} would hold,
         * or {@code null} where the rules fail for it. The borrowers are changed copies of one borrower and share
         * its id; {@code context} never asks for recourse.
         */
        List<@Nullable Set<Key>> restrictions(List<BorrowerProfile> borrowers, EvaluationContext context);
    }

    /** A probe that decides each borrower with {@code engine}: right for any engine, not the fastest. */
    public static Probe probeOf(RiskEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return (borrowers, context) -> {
            List<@Nullable Set<Key>> keys = new ArrayList<>(borrowers.size());
            for (BorrowerProfile b : borrowers) {
                try {
                    keys.add(keysOf(engine.evaluate(b, context).restrictions()));
                } catch (EvaluationException e) {
                    keys.add(null);
                }
            }
            return keys;
        };
    }

    /** The keys of {@code restrictions}. */
    public static Set<Key> keysOf(List<Restriction> restrictions) {
        Set<Key> keys = new HashSet<>(restrictions.size() * 2);
        for (Restriction r : restrictions) {
            keys.add(Key.of(r));
        }
        return keys;
    }

    /**
     * {@code decision} (of {@code borrower} under {@code context}) with the ways that lift each restriction, and a
     * notice naming the principal reasons (at most four, the costliest to the customer first) with the simplest
     * way to lift each. A decision without restrictions is returned as it is.
     *
     * @param context the context the decision was made under; its language is the ways' language
     * @param probe   decides the changed borrowers with the rules that made {@code decision}
     */
    public static Decision withLift(Decision decision, BorrowerProfile borrower, EvaluationContext context,
                                    Probe probe) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(borrower, "borrower");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(probe, "probe");
        if (decision.restrictions().isEmpty()) {
            return decision;
        }
        LiftSearch search = new LiftSearch(borrower, context.withRecourse(false), probe,
                keysOf(decision.restrictions()));
        List<Restriction> lifted = new ArrayList<>(decision.restrictions().size());
        for (Restriction r : decision.restrictions()) {
            lifted.add(r.withLift(search.ways(r, context.language())));
        }
        return new Decision(decision.borrowerId(), decision.outcome(), decision.creditLimit(),
                decision.recommendedLimit(), lifted, decision.exemptions(),
                WayText.notice(decision.notice(), lifted, context.language()), decision.rulesetVersion());
    }

    /** The simplest way of {@code ways}: the fewest actions, then the fewest lenders named, then the first listed. */
    public static Optional<Way> simplest(List<Way> ways) {
        return ways.stream().min(Comparator.comparingInt((Way w) -> w.actions().size())
                .thenComparingInt(WayText::lendersNamed));
    }
}
