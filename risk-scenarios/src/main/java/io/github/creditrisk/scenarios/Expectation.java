package io.github.creditrisk.scenarios;

import io.github.creditrisk.Action;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Way;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario expects of one borrower's decision. Every part is optional ({@code null}: not checked);
 * set-valued parts must match exactly, in any order.
 *
 * @param outcome          the outcome
 * @param restrictions     the restrictions, each written {@code FAMILY TYPE}, with the cut for REDUCE_LIMIT:
 *                         {@code OVERBORROWING REDUCE_LIMIT 30%}
 * @param recommendedLimit the limit after the decision
 * @param reasonCodes      the restrictions' reason codes
 * @param rules            the ids of the rules that imposed restrictions or granted exemptions
 * @param exemptions       the exemptions' reason codes
 * @param lift             the ways that lift restrictions, by restriction written {@code FAMILY TYPE}; each way
 *                         written as {@link #describe(Way)} does, such as {@code LOWER_REPAYMENTS 5000} or
 *                         {@code RAISE_VERIFIED_INCOME 15167 + REPAY_LOANS Bank A, Quick Loans}; a borrower with
 *                         this part is decided with recourse on
 */
public record Expectation(@Nullable Outcome outcome, @Nullable Set<String> restrictions,
                          @Nullable BigDecimal recommendedLimit, @Nullable Set<String> reasonCodes,
                          @Nullable Set<String> rules, @Nullable Set<String> exemptions,
                          @Nullable Map<String, Set<String>> lift) {

    public Expectation {
        restrictions = restrictions == null ? null : Set.copyOf(restrictions);
        reasonCodes = reasonCodes == null ? null : Set.copyOf(reasonCodes);
        rules = rules == null ? null : Set.copyOf(rules);
        exemptions = exemptions == null ? null : Set.copyOf(exemptions);
        if (lift != null) {
            Map<String, Set<String>> copy = new TreeMap<>();
            lift.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            lift = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** An expectation that does not look at the ways that lift restrictions. */
    public Expectation(Outcome outcome, Set<String> restrictions, BigDecimal recommendedLimit,
                       Set<String> reasonCodes, Set<String> rules, Set<String> exemptions) {
        this(outcome, restrictions, recommendedLimit, reasonCodes, rules, exemptions, null);
    }

    /**
     * How a way is written in expectations: its actions joined by {@code " + "}, each its kind and then its target,
     * its lenders (joined by {@code ", "}) or its signal's id.
     */
    public static String describe(Way way) {
        List<String> actions = new ArrayList<>();
        for (Action a : way.actions()) {
            String value;
            if (a instanceof Action.LowerRepayments l) {
                value = l.target().toPlainString();
            } else if (a instanceof Action.RaiseVerifiedIncome i) {
                value = i.target().toPlainString();
            } else if (a instanceof Action.RecoverSales s) {
                value = s.target().toPlainString();
            } else if (a instanceof Action.RecoverScore s) {
                value = String.valueOf(s.target());
            } else if (a instanceof Action.RepayLoans r) {
                value = String.join(", ", r.lenders());
            } else if (a instanceof Action.ClearArrears c) {
                value = String.join(", ", c.lenders());
            } else {
                value = ((Action.SignalEnds) a).signal();
            }
            actions.add(a.kind() + " " + value);
        }
        return String.join(" + ", actions);
    }

    /** How a restriction is written in expectations: {@code FAMILY TYPE} or {@code FAMILY REDUCE_LIMIT 30%}. */
    public static String describe(Restriction r) {
        return r.family() + " " + r.type() + (r.reductionPercent() == null ? "" : " " + r.reductionPercent() + "%");
    }

    /** The differences between this expectation and {@code actual}, one readable line each; empty when it matches. */
    public List<String> differences(Decision actual) {
        List<String> out = new ArrayList<>();
        if (outcome != null && outcome != actual.outcome()) {
            out.add("outcome: expected " + outcome + ", got " + actual.outcome());
        }
        if (recommendedLimit != null && recommendedLimit.compareTo(actual.recommendedLimit()) != 0) {
            out.add("recommendedLimit: expected " + recommendedLimit.toPlainString() + ", got "
                    + actual.recommendedLimit().toPlainString());
        }
        compare(out, "restrictions", restrictions, actual.restrictions().stream().map(Expectation::describe).toList());
        compare(out, "reasonCodes", reasonCodes, actual.restrictions().stream().map(Restriction::reasonCode).toList());
        List<String> ruleIds = new ArrayList<>();
        actual.restrictions().forEach(r -> ruleIds.add(r.rule()));
        actual.exemptions().forEach(e -> ruleIds.add(e.rule()));
        compare(out, "rules", rules, ruleIds);
        compare(out, "exemptions", exemptions, actual.exemptions().stream().map(Exemption::reasonCode).toList());
        if (lift != null) {
            lift.forEach((restriction, ways) -> {
                Restriction r = actual.restrictions().stream()
                        .filter(x -> (x.family() + " " + x.type()).equals(restriction)).findFirst().orElse(null);
                if (r == null) {
                    out.add("lift of " + restriction + ": the decision has no such restriction");
                } else {
                    compare(out, "lift of " + restriction, ways, r.lift() == null ? List.of()
                            : r.lift().stream().map(Expectation::describe).toList());
                }
            });
        }
        return out;
    }

    private static void compare(List<String> out, String what, Set<String> expected, List<String> actual) {
        if (expected == null) {
            return;
        }
        Set<String> got = new TreeSet<>(actual);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(got);
        Set<String> unexpected = new TreeSet<>(got);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder line = new StringBuilder(what + ":");
            if (!missing.isEmpty()) {
                line.append(" missing ").append(String.join(", ", missing)).append(';');
            }
            if (!unexpected.isEmpty()) {
                line.append(" unexpected ").append(String.join(", ", unexpected)).append(';');
            }
            line.setLength(line.length() - 1);
            out.add(line.toString());
        }
    }
}
