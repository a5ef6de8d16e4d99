package io.github.creditrisk.drools;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;
import io.github.creditrisk.testkit.PolicyThresholds;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.ReferenceRestriction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four conditions of the recourse contract, checked for every way of a decision against an oracle (the
 * hand-written reference policy, possibly with moved thresholds or an added rule), not against the engine that
 * searched: it lifts, it adds nothing, it is the boundary, and the ways are complete.
 */
final class RecourseChecks {

    /** The (family/type) keys of the restrictions an oracle imposes on a borrower under a context. */
    interface Oracle extends BiFunction<BorrowerProfile, EvaluationContext, Set<String>> {
    }

    static final Oracle REFERENCE = reference(PolicyThresholds.REFERENCE);

    private RecourseChecks() {
    }

    static Oracle reference(PolicyThresholds thresholds) {
        return (b, c) -> {
            Set<String> keys = new HashSet<>();
            for (ReferenceRestriction r : new ReferencePolicy(c, thresholds).decide(b).restrictions()) {
                keys.add(r.family() + "/" + r.type());
            }
            return keys;
        };
    }

    static String key(Restriction r) {
        return r.family() + "/" + r.type();
    }

    /** Asserts the four conditions for every restriction of {@code decision}. */
    static void assertRecourseHolds(Decision decision, BorrowerProfile b, EvaluationContext c, Oracle oracle) {
        Set<String> before = oracle.apply(b, c);
        for (Restriction r : decision.restrictions()) {
            assertThat(r.lift()).as("lift of %s", key(r)).isNotNull();
            for (Way way : r.lift()) {
                String about = key(r) + " by " + way.actions();
                assertThat(lifts(oracle, before, key(r), b, c, way.actions())).as("%s lifts and adds nothing", about)
                        .isTrue();
                for (int i = 0; i < way.actions().size(); i++) {
                    Action closer = closer(way.actions().get(i));
                    if (closer != null) {
                        List<Action> nearer = new ArrayList<>(way.actions());
                        nearer.set(i, closer);
                        assertThat(lifts(oracle, before, key(r), b, c, nearer))
                                .as("%s is the boundary: %s does not lift", about, closer).isFalse();
                    }
                    if (way.actions().size() > 1) {
                        List<Action> dropped = new ArrayList<>(way.actions());
                        dropped.remove(i);
                        assertThat(lifts(oracle, before, key(r), b, c, dropped))
                                .as("%s needs each of its actions", about).isFalse();
                    }
                }
                if (way.actions().size() == 1) {
                    assertFewestLenders(oracle, before, key(r), b, c, way.actions().get(0));
                }
            }
            for (Action extreme : extremes(b, c)) {
                if (lifts(oracle, before, key(r), b, c, List.of(extreme))) {
                    assertThat(r.lift()).as("%s: some way of %s alone, since %s lifts it", key(r), extreme.kind(),
                                    extreme)
                            .anyMatch(w -> w.actions().size() == 1 && w.actions().get(0).kind() == extreme.kind()
                                    && (!(extreme instanceof Action.SignalEnds) || w.actions().get(0).equals(extreme)));
                }
            }
            if (r.lift().isEmpty()) {
                assertThat(lifts(oracle, before, key(r), b, c, extremes(b, c))).as("%s: nothing lifts it", key(r))
                        .isFalse();
            }
        }
    }

    private static boolean lifts(Oracle oracle, Set<String> before, String key, BorrowerProfile b,
                                 EvaluationContext c, List<Action> actions) {
        BorrowerProfile changed = b;
        EvaluationContext changedContext = c;
        try {
            for (Action a : actions) {
                changed = a.applyTo(changed);
                changedContext = a.applyTo(changedContext);
            }
        } catch (io.github.creditrisk.InvalidValueException e) {
            return false;
        }
        Set<String> after = oracle.apply(changed, changedContext);
        return !after.contains(key) && before.containsAll(after);
    }

    private static Action closer(Action a) {
        if (a instanceof Action.LowerRepayments l) {
            return new Action.LowerRepayments(l.target().add(BigDecimal.ONE));
        } else if (a instanceof Action.RaiseVerifiedIncome i && i.target().signum() > 0) {
            return new Action.RaiseVerifiedIncome(i.target().subtract(BigDecimal.ONE));
        } else if (a instanceof Action.RecoverSales s && s.target().signum() > 0) {
            return new Action.RecoverSales(s.target().subtract(BigDecimal.ONE));
        } else if (a instanceof Action.RecoverScore s && s.target() > 300) {
            return new Action.RecoverScore(s.target() - 1);
        }
        return null;
    }

    /** A list of lenders is the shortest that lifts, and has the smallest total outstanding of those. */
    private static void assertFewestLenders(Oracle oracle, Set<String> before, String key, BorrowerProfile b,
                                            EvaluationContext c, Action action) {
        boolean repay = action instanceof Action.RepayLoans;
        if (!repay && !(action instanceof Action.ClearArrears)) {
            return;
        }
        List<String> chosen = repay ? ((Action.RepayLoans) action).lenders() : ((Action.ClearArrears) action).lenders();
        Map<String, BigDecimal> owed = lenders(b, repay);
        List<String> all = new ArrayList<>(owed.keySet());
        BigDecimal chosenTotal = chosen.stream().map(owed::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int mask = 1; mask < (1 << all.size()); mask++) {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    list.add(all.get(i));
                }
            }
            BigDecimal total = list.stream().map(owed::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean better = list.size() < chosen.size()
                    || (list.size() == chosen.size() && total.compareTo(chosenTotal) < 0);
            if (better) {
                Action other = repay ? new Action.RepayLoans(list) : new Action.ClearArrears(list);
                assertThat(lifts(oracle, before, key, b, c, List.of(other)))
                        .as("%s is the shortest, cheapest list: %s does not lift %s", action, other, key).isFalse();
            }
        }
    }

    /** The lenders an action of a kind can name, with their outstanding (case-insensitive names). */
    private static Map<String, BigDecimal> lenders(BorrowerProfile b, boolean active) {
        Map<String, BigDecimal> owed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Loan loan : b.loans()) {
            if (active ? loan.isActive() : loan.daysPastDue() > 0) {
                owed.merge(loan.lender(), loan.outstanding(), BigDecimal::add);
            }
        }
        return owed;
    }

    /** The furthest-reaching action of each kind, worked out here independently of the search. */
    static List<Action> extremes(BorrowerProfile b, EvaluationContext c) {
        List<Action> extremes = new ArrayList<>();
        if (b.loans().stream().anyMatch(l -> l.isActive() && l.monthlyPayment().signum() > 0)) {
            extremes.add(new Action.LowerRepayments(BigDecimal.ZERO));
        }
        extremes.add(new Action.RaiseVerifiedIncome(new BigDecimal("1000000000000")));
        if (!lenders(b, true).isEmpty()) {
            extremes.add(new Action.RepayLoans(new ArrayList<>(lenders(b, true).keySet())));
        }
        if (!lenders(b, false).isEmpty()) {
            extremes.add(new Action.ClearArrears(new ArrayList<>(lenders(b, false).keySet())));
        }
        extremes.add(new Action.RecoverSales(new BigDecimal("1000000000000")));
        extremes.add(new Action.RecoverScore(950));
        Set<String> ids = new HashSet<>();
        for (Signal s : c.signals()) {
            if (s.id() != null && ids.add(s.id())) {
                extremes.add(new Action.SignalEnds(s.id(), s.until()));
            }
        }
        return extremes;
    }
}
