package io.github.creditrisk.spi;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;
import io.github.creditrisk.spi.RecourseSearch.Key;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The search for one borrower: the dimensions the customer can move (one per action kind, one per signal that
 * could end), and for each restriction the nearest point on each that lifts it. Decisions of changed borrowers
 * are remembered, so that the restrictions of one borrower share their probes. Not thread-safe: one per call.
 */
final class LiftSearch {

    /** The furthest an amount is searched, in currency units. */
    static final long AMOUNT_CAP = 1_000_000_000_000L;
    /** The most lists of lenders one search tries before it shortens the list greedily. */
    static final int MAX_SUBSETS = 4096;
    /** The largest combination of actions tried when no single action lifts a restriction. */
    private static final int MAX_COMBINATION = 3;

    private final BorrowerProfile borrower;
    private final EvaluationContext context;
    private final RecourseSearch.Probe probe;
    private final Set<Key> before;
    private final List<Dimension> dimensions;
    /** Actions applied to the keys of the decision they give ({@link Optional#empty()} when the rules fail). */
    private final Map<List<Action>, Optional<Set<Key>>> decided = new HashMap<>();

    LiftSearch(BorrowerProfile borrower, EvaluationContext context, RecourseSearch.Probe probe, Set<Key> before) {
        this.borrower = borrower;
        this.context = context;
        this.probe = probe;
        this.before = before;
        this.dimensions = dimensions();
    }

    /** The verified ways that lift {@code restriction}, in the order of their kinds. */
    List<Way> ways(Restriction restriction, Language language) {
        Key key = Key.of(restriction);
        List<List<Action>> found = new ArrayList<>();
        for (Dimension d : dimensions) {
            if (lifts(key, List.of(d.extreme()))) {
                found.add(List.of(d.boundary(a -> lifts(key, List.of(a)))));
            }
        }
        // Every change at once is the furthest any combination reaches: when it does not lift, none does.
        boolean combined = found.isEmpty() && dimensions.size() > 1 && lifts(key, extremes(dimensions));
        for (int size = 2; combined && found.isEmpty() && size <= Math.min(MAX_COMBINATION, dimensions.size());
             size++) {
            if (binomial(dimensions.size(), size) > MAX_SUBSETS) {
                break;
            }
            for (List<Dimension> combination : combinations(dimensions, size)) {
                if (lifts(key, extremes(combination))) {
                    found.add(reduce(key, combination));
                }
            }
        }
        if (combined && found.isEmpty()) {
            // Only more than three actions together lift it (four downturns over one region, say): every change
            // at once, shortened one change at a time while it still lifts.
            List<Dimension> kept = new ArrayList<>(dimensions);
            for (Dimension d : dimensions) {
                List<Dimension> without = new ArrayList<>(kept);
                without.remove(d);
                if (!without.isEmpty() && lifts(key, extremes(without))) {
                    kept = without;
                }
            }
            found.add(reduce(key, kept));
        }
        List<Way> ways = new ArrayList<>(found.size());
        for (List<Action> actions : verified(key, found)) {
            ways.add(new Way(actions, WayText.way(actions, restriction.type(), borrower, context, language)));
        }
        return ways;
    }

    /** The furthest change of each of {@code dimensions}, together. */
    private static List<Action> extremes(List<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::extreme).toList();
    }

    /** Each action of a lifting combination brought to its boundary, the others held where they are. */
    private List<Action> reduce(Key key, List<Dimension> combination) {
        List<Action> actions = new ArrayList<>(extremes(combination));
        for (int i = 0; i < actions.size(); i++) {
            int at = i;
            actions.set(at, combination.get(at).boundary(a -> {
                List<Action> tried = new ArrayList<>(actions);
                tried.set(at, a);
                return lifts(key, tried);
            }));
        }
        return actions;
    }

    /**
     * The ways of {@code candidates} that hold: each, decided again, lifts and adds nothing, and the changes just
     * short of it (an amount or score one unit closer to the current value, any one action dropped) do not lift,
     * as decided during the search or, where the search did not reach them, now.
     */
    private List<List<Action>> verified(Key key, List<List<Action>> candidates) {
        Map<List<Action>, Optional<Set<Key>>> again = decide(candidates, true);
        List<List<Action>> kept = new ArrayList<>(candidates.size());
        for (List<Action> way : candidates) {
            boolean holds = lifts(key, again.get(way));
            for (List<Action> near : nearer(way)) {
                holds &= !lifts(key, near); // decided by the search already, or now
            }
            if (holds) {
                kept.add(way);
            }
        }
        return kept;
    }

    /** The changes just short of {@code way}: each action one unit closer, or dropped from a combination. */
    private List<List<Action>> nearer(List<Action> way) {
        List<List<Action>> nearer = new ArrayList<>();
        for (int i = 0; i < way.size(); i++) {
            Action closer = closer(way.get(i));
            if (closer != null) {
                List<Action> changed = new ArrayList<>(way);
                changed.set(i, closer);
                nearer.add(changed);
            }
            if (way.size() > 1) {
                List<Action> dropped = new ArrayList<>(way);
                dropped.remove(i);
                nearer.add(dropped);
            }
        }
        return nearer;
    }

    /** The same action one unit closer to the borrower's current value, or {@code null} when there is none. */
    private @Nullable Action closer(Action action) {
        if (action instanceof Action.LowerRepayments a) {
            return new Action.LowerRepayments(a.target().add(BigDecimal.ONE));
        } else if (action instanceof Action.RaiseVerifiedIncome a && a.target().signum() > 0) {
            return new Action.RaiseVerifiedIncome(a.target().subtract(BigDecimal.ONE));
        } else if (action instanceof Action.RecoverSales a && a.target().signum() > 0) {
            return new Action.RecoverSales(a.target().subtract(BigDecimal.ONE));
        } else if (action instanceof Action.RecoverScore a && a.target() > BorrowerProfile.MIN_SCORE) {
            return new Action.RecoverScore(a.target() - 1);
        }
        return null; // a list of lenders or an ending has no "one unit closer"
    }

    /** Whether {@code actions} lift the restriction {@code key} and impose nothing the decision did not have. */
    private boolean lifts(Key key, List<Action> actions) {
        return lifts(key, decided(actions));
    }

    private boolean lifts(Key key, Optional<Set<Key>> after) {
        return after.isPresent() && !after.get().contains(key) && before.containsAll(after.get());
    }

    private Optional<Set<Key>> decided(List<Action> actions) {
        Optional<Set<Key>> known = decided.get(actions);
        if (known == null) {
            known = decide(List.of(actions), false).get(actions);
        }
        return known;
    }

    /**
     * Decides the borrower changed by each of {@code changes}, those under one context together; {@code again}
     * decides even what was decided before (and remembers nothing).
     */
    private Map<List<Action>, Optional<Set<Key>>> decide(List<List<Action>> changes, boolean again) {
        Map<List<Action>, Optional<Set<Key>>> results = new HashMap<>();
        // Keyed by identity: a change to the borrower keeps the context itself, and hashing the signals per probe
        // would cost what the probe does; an ending makes a context of its own.
        Map<EvaluationContext, Map<List<Action>, BorrowerProfile>> byContext = new IdentityHashMap<>();
        for (List<Action> actions : changes) {
            if (!again && decided.containsKey(actions)) {
                results.put(actions, decided.get(actions));
                continue;
            }
            EvaluationContext changedContext = context;
            BorrowerProfile changed = borrower;
            try {
                for (Action a : actions) {
                    changedContext = a.applyTo(changedContext);
                    changed = a.applyTo(changed);
                }
            } catch (InvalidValueException e) {
                results.put(actions, Optional.empty()); // a change the profile cannot take lifts nothing
                continue;
            }
            byContext.computeIfAbsent(changedContext, c -> new LinkedHashMap<>()).put(actions, changed);
        }
        byContext.forEach((changedContext, profiles) -> {
            List<Set<Key>> keys = probe.restrictions(new ArrayList<>(profiles.values()), changedContext);
            int i = 0;
            for (List<Action> actions : profiles.keySet()) {
                results.put(actions, Optional.ofNullable(keys.get(i++)));
            }
        });
        if (!again) {
            decided.putAll(results);
        }
        return results;
    }

    // ---- the dimensions ----

    /** One thing the customer can change, searched from the current value outwards. */
    private interface Dimension {
        /** The furthest-reaching action of its kind: if it does not lift a restriction, nothing of its kind does. */
        Action extreme();

        /** The action nearest the current value for which {@code lifts} holds, given that it holds for the extreme. */
        Action boundary(Predicate<Action> lifts);
    }

    /**
     * Whole values from {@code first} (the change nearest the current value) to {@code last} (the extreme) by
     * {@code step} (+1 or -1), bisected; with {@code gallop}, the bisection starts from the first of the offsets
     * {@code stride}, 2 × {@code stride}, 4 × {@code stride}, … that lifts (amounts, whose boundary usually lies
     * near the current value, or which have no natural ceiling).
     */
    private record Amounts(long first, long last, int step, long stride, boolean gallop,
                           LongFunction<Action> action) implements Dimension {
        @Override
        public Action extreme() {
            return action.apply(last);
        }

        @Override
        public Action boundary(Predicate<Action> lifts) {
            long span = Math.abs(last - first); // offsets 0..span; offset span lifts
            long fails = -1;
            long holds = span;
            if (gallop) {
                for (long offset = Math.max(0, stride - 1); offset < span; offset = Math.min(span, offset * 2 + 1)) {
                    if (lifts.test(at(offset))) {
                        holds = offset;
                        break;
                    }
                    fails = offset;
                }
            }
            while (holds - fails > 1) {
                long mid = fails + (holds - fails) / 2;
                if (lifts.test(at(mid))) {
                    holds = mid;
                } else {
                    fails = mid;
                }
            }
            return at(holds);
        }

        private Action at(long offset) {
            return action.apply(first + step * offset);
        }
    }

    /**
     * Lists of lenders: the shortest that lifts, the smallest total outstanding among those, tried exactly up to
     * {@link #MAX_SUBSETS} lists and then shortened greedily from all of them.
     */
    private record Lenders(List<String> names, List<BigDecimal> amounts,
                           java.util.function.Function<List<String>, Action> action) implements Dimension {
        @Override
        public Action extreme() {
            return action.apply(names);
        }

        @Override
        public Action boundary(Predicate<Action> lifts) {
            long tried = 0;
            for (int size = 1; size < names.size(); size++) {
                tried += binomial(names.size(), size);
                if (tried > MAX_SUBSETS) {
                    return greedy(lifts);
                }
                List<int[]> lists = combinationsOf(names.size(), size);
                lists.sort(Comparator.comparing(this::total));
                for (int[] list : lists) {
                    Action candidate = action.apply(namesOf(list));
                    if (lifts.test(candidate)) {
                        return candidate;
                    }
                }
            }
            return extreme();
        }

        private Action greedy(Predicate<Action> lifts) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                kept.add(i);
            }
            kept.sort(Comparator.comparing((Integer i) -> amounts.get(i)).reversed());
            for (Integer i : new ArrayList<>(kept)) {
                List<Integer> without = new ArrayList<>(kept);
                without.remove(i);
                if (!without.isEmpty() && lifts.test(action.apply(namesOf(without.stream().mapToInt(x -> x).toArray())))) {
                    kept = without;
                }
            }
            return action.apply(namesOf(kept.stream().mapToInt(x -> x).toArray()));
        }

        private BigDecimal total(int[] list) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i : list) {
                sum = sum.add(amounts.get(i));
            }
            return sum;
        }

        private List<String> namesOf(int[] list) {
            List<String> chosen = new ArrayList<>(list.length);
            for (int i : list) {
                chosen.add(names.get(i));
            }
            return chosen;
        }
    }

    /** One signal ending. */
    private record Ending(Action.SignalEnds action) implements Dimension {
        @Override
        public Action extreme() {
            return action;
        }

        @Override
        public Action boundary(Predicate<Action> lifts) {
            return action;
        }
    }

    /** What this borrower can move: the kinds whose action would change its profile, and the signals about it. */
    private List<Dimension> dimensions() {
        List<Dimension> dims = new ArrayList<>();
        BigDecimal service = borrower.monthlyDebtService();
        // By lender, ignoring case (the first spelling is kept), what the loans an action would change owe.
        Map<String, BigDecimal> activeOwed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, BigDecimal> overdueOwed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Loan loan : borrower.loans()) {
            if (loan.isActive()) {
                activeOwed.merge(loan.lender(), loan.outstanding(), BigDecimal::add);
            }
            if (loan.daysPastDue() > 0) {
                overdueOwed.merge(loan.lender(), loan.outstanding(), BigDecimal::add);
            }
        }
        if (service.signum() > 0) {
            long current = service.setScale(0, RoundingMode.CEILING).longValueExact();
            dims.add(new Amounts(current - 1, 0, -1, Math.max(1, current / 8), true,
                    t -> new Action.LowerRepayments(BigDecimal.valueOf(t))));
        }
        long income = borrower.monthlyIncome().setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(AMOUNT_CAP))
                .longValueExact();
        if (income < AMOUNT_CAP) {
            long scale = Math.max(income, service.setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(AMOUNT_CAP))
                    .longValueExact());
            dims.add(new Amounts(income + 1, AMOUNT_CAP, 1, Math.max(1, scale / 8), true,
                    t -> new Action.RaiseVerifiedIncome(BigDecimal.valueOf(t))));
        }
        if (!activeOwed.isEmpty()) {
            dims.add(new Lenders(List.copyOf(activeOwed.keySet()), List.copyOf(activeOwed.values()),
                    Action.RepayLoans::new));
        }
        if (!overdueOwed.isEmpty()) {
            dims.add(new Lenders(List.copyOf(overdueOwed.keySet()), List.copyOf(overdueOwed.values()),
                    Action.ClearArrears::new));
        }
        BigDecimal largestMonth = borrower.monthlyRevenue().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        dims.add(new Amounts(0, AMOUNT_CAP, 1, Math.max(1, largestMonth.min(BigDecimal.valueOf(AMOUNT_CAP))
                .longValue() / 8), true, t -> new Action.RecoverSales(BigDecimal.valueOf(t))));
        if (borrower.creditScore() < BorrowerProfile.MAX_SCORE) {
            dims.add(new Amounts(borrower.creditScore() + 1, BorrowerProfile.MAX_SCORE, 1, 1, false,
                    t -> new Action.RecoverScore((int) t)));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Signal s : context.signals()) {
            if (s.id() != null && s.isActiveOn(context.asOf()) && concerns(s) && ids.add(s.id())) {
                dims.add(new Ending(new Action.SignalEnds(s.id(), s.until())));
            }
        }
        return dims;
    }

    /** Whether {@code signal} is about this borrower, by the signal's own test of what it covers. */
    private boolean concerns(Signal signal) {
        if (signal instanceof RegionalDownturn d) {
            return d.covers(borrower.region());
        } else if (signal instanceof SectorBan b) {
            return b.covers(borrower.sector());
        }
        ServiceOutage outage = (ServiceOutage) signal;
        return borrower.loans().stream()
                .anyMatch(l -> l.daysPastDue() > 0 && outage.covers(context.asOf().minusDays(l.daysPastDue())));
    }

    /** Every list of {@code size} of {@code items}, in order. */
    private static <T> List<List<T>> combinations(List<T> items, int size) {
        List<List<T>> all = new ArrayList<>();
        for (int[] list : combinationsOf(items.size(), size)) {
            List<T> chosen = new ArrayList<>(size);
            for (int i : list) {
                chosen.add(items.get(i));
            }
            all.add(chosen);
        }
        return all;
    }

    /** n choose k, or more than {@link #MAX_SUBSETS} when it is larger. */
    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > MAX_SUBSETS) {
                return MAX_SUBSETS + 1L;
            }
        }
        return c;
    }

    /** Every increasing list of {@code size} indices below {@code n}. */
    private static List<int[]> combinationsOf(int n, int size) {
        List<int[]> all = new ArrayList<>();
        int[] list = new int[size];
        for (int i = 0; i < size; i++) {
            list[i] = i;
        }
        while (true) {
            all.add(list.clone());
            int i = size - 1;
            while (i >= 0 && list[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            list[i]++;
            for (int j = i + 1; j < size; j++) {
                list[j] = list[j - 1] + 1;
            }
        }
    }
}
