package io.github.creditrisk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decision for one borrower: the outcome, the credit limit before and after, each restriction with its
 * reason and remedies, the exemptions granted, a notice for the customer, and the rule set that decided.
 *
 * <p>The constructor enforces the merge rules, so no engine (and no rule edit) can produce a decision that
 * breaks them:
 * <ul>
 *   <li>{@code outcome} is {@link Outcome#of(Collection)} of the restrictions;</li>
 *   <li>{@code recommendedLimit} is {@link #limitAfter(BigDecimal, Collection)}: the credit limit cut by the
 *       single largest {@code REDUCE_LIMIT} percentage (cuts never compound), rounded down to a whole unit,
 *       and never above {@code creditLimit};</li>
 *   <li>each (family, type) pair appears at most once, and restrictions are listed in
 *       {@link Restriction#DECISION_ORDER};</li>
 *   <li>every restriction offers {@link Remedy#APPEAL} (checked by {@link Restriction}).</li>
 * </ul>
 * Engines build decisions with {@link #of}, which applies the merge rules to whatever the rules found.
 *
 * @param borrowerId       the borrower's id
 * @param outcome          APPROVE, REVIEW or RESTRICT
 * @param creditLimit      the credit limit before the decision
 * @param recommendedLimit the credit limit after the decision, ≤ {@code creditLimit}
 * @param restrictions     the restrictions, in decision order; empty when approved
 * @param exemptions       the exemptions granted, ordered by family, rule, reason code and evidence (not by
 *                         their reason, which differs by language)
 * @param notice           a short message for the customer summarising the decision and how to appeal
 * @param rulesetVersion   the content hash of the rule files that decided
 */
public record Decision(
        String borrowerId,
        Outcome outcome,
        BigDecimal creditLimit,
        BigDecimal recommendedLimit,
        List<Restriction> restrictions,
        List<Exemption> exemptions,
        String notice,
        String rulesetVersion) {

    /** Of two restrictions of one (family, type), the one a decision keeps: the larger cut, then a fixed order. */
    private static final Comparator<Restriction> MERGE_PREFERENCE = Comparator
            .comparing((Restriction r) -> r.reductionPercent() == null ? 0 : r.reductionPercent())
            .reversed()
            .thenComparing(Restriction::rule)
            .thenComparing(Restriction::reasonCode)
            .thenComparing(r -> r.evidence().toString())
            .thenComparing(Restriction::reason);

    private static final Comparator<Exemption> EXEMPTION_ORDER = Comparator
            .comparing(Exemption::family)
            .thenComparing(Exemption::rule)
            .thenComparing(Exemption::reasonCode)
            // the evidence, sorted by name, reads the same in every language; the reason does not
            .thenComparing(e -> e.evidence().toString());

    public Decision {
        Checks.nonBlank(borrowerId, "borrowerId");
        Checks.required(outcome, "outcome");
        Checks.nonNegative(creditLimit, "creditLimit");
        Checks.nonNegative(recommendedLimit, "recommendedLimit");
        restrictions = Checks.listOf(restrictions, "restrictions");
        exemptions = Checks.listOf(exemptions, "exemptions");
        Checks.nonBlank(notice, "notice");
        Checks.nonBlank(rulesetVersion, "rulesetVersion");

        for (int i = 0; i < restrictions.size(); i++) {
            Restriction a = restrictions.get(i);
            for (int j = i + 1; j < restrictions.size(); j++) {
                Restriction b = restrictions.get(j);
                if (a.type() == b.type() && a.family().equals(b.family())) {
                    throw new InvalidValueException("restrictions", "(" + a.family() + ", " + a.type()
                            + ") appears more than once; each (family, type) pair may appear only once");
                }
            }
        }
        if (!isSorted(restrictions, Restriction.DECISION_ORDER)) {
            throw new InvalidValueException("restrictions", "are not in decision order (type, family, rule)");
        }
        if (!isSorted(exemptions, EXEMPTION_ORDER)) {
            throw new InvalidValueException("exemptions", "are not in order (family, rule, reason code, evidence)");
        }
        Outcome expected = Outcome.of(restrictions);
        if (outcome != expected) {
            throw new InvalidValueException("outcome", outcome + " contradicts the restrictions; the merge rules"
                    + " give " + expected);
        }
        BigDecimal expectedLimit = limitAfter(creditLimit, restrictions);
        if (recommendedLimit.compareTo(expectedLimit) != 0) {
            throw new InvalidValueException("recommendedLimit", recommendedLimit.toPlainString()
                    + " contradicts the restrictions; the merge rules give " + expectedLimit.toPlainString());
        }
    }

    /**
     * Merges what the rules found into a decision: duplicates of a (family, type) pair are collapsed, the
     * restrictions are put in decision order, and the outcome and recommended limit are derived from them.
     *
     * <p>When a (family, type) pair was found more than once, the one kept is the largest cut, then the
     * lowest rule id, then the lowest reason code, then the evidence (which does not depend on the language),
     * so the same findings always give the same decision whatever order the rules fired in and whatever the
     * language. Identical exemptions (equal
     * in every component, such as two identical overdue loans exempted for the same outage) are listed once.
     *
     * @param notice a function from the merged decision's outcome, limits and restrictions to the notice
     */
    public static Decision of(String borrowerId, BigDecimal creditLimit, Collection<Restriction> found,
                              Collection<Exemption> exemptions, NoticeWriter notice, String rulesetVersion) {
        List<Restriction> merged = merge(found);
        List<Exemption> sortedExemptions;
        if (exemptions.isEmpty()) {
            sortedExemptions = List.of();
        } else {
            sortedExemptions = new ArrayList<>(new LinkedHashSet<>(exemptions));
            sortedExemptions.sort(EXEMPTION_ORDER);
        }
        Outcome outcome = Outcome.of(merged);
        BigDecimal after = limitAfter(creditLimit, merged);
        String text = notice.write(outcome, creditLimit, after, merged, sortedExemptions);
        return new Decision(borrowerId, outcome, creditLimit, after, merged, sortedExemptions, text,
                rulesetVersion);
    }

    /** Writes the customer notice for a merged decision; engines render it in the requested language. */
    @FunctionalInterface
    public interface NoticeWriter {
        String write(Outcome outcome, BigDecimal creditLimit, BigDecimal recommendedLimit,
                     List<Restriction> restrictions, List<Exemption> exemptions);
    }

    /**
     * Collapses duplicate (family, type) pairs and sorts into decision order (see {@link #of}).
     */
    public static List<Restriction> merge(Collection<Restriction> found) {
        Map<Pair, Restriction> kept = new HashMap<>();
        for (Restriction r : found) {
            kept.merge(new Pair(r.family(), r.type()), r, Decision::preferred);
        }
        List<Restriction> merged = new ArrayList<>(kept.values());
        merged.sort(Restriction.DECISION_ORDER);
        return List.copyOf(merged);
    }

    /** What a decision holds at most one restriction of. */
    private record Pair(String family, RestrictionType type) {
    }

    /** Of two restrictions of one (family, type), the one kept: the first unless the second is preferred. */
    private static Restriction preferred(Restriction a, Restriction b) {
        return MERGE_PREFERENCE.compare(a, b) <= 0 ? a : b;
    }

    /**
     * The credit limit after the restrictions: {@code creditLimit × (1 − p/100)} rounded down to a whole
     * unit, where p is the single largest REDUCE_LIMIT percentage (cuts never compound); {@code creditLimit}
     * itself when nothing cuts it.
     */
    public static BigDecimal limitAfter(BigDecimal creditLimit, Collection<Restriction> restrictions) {
        Objects.requireNonNull(creditLimit, "creditLimit");
        int largestCut = 0;
        for (Restriction r : restrictions) {
            if (r.reductionPercent() != null && r.reductionPercent() > largestCut) {
                largestCut = r.reductionPercent();
            }
        }
        if (largestCut == 0) {
            return creditLimit;
        }
        // × (100 − p) ÷ 100, exactly: the division by 100 is a shift of the decimal point
        return creditLimit.multiply(BigDecimal.valueOf(100 - largestCut))
                .movePointLeft(2)
                .setScale(0, RoundingMode.FLOOR);
    }

    /** Whether the decision restricts the line in any way a customer notices (outcome RESTRICT). */
    public boolean isRestricted() {
        return outcome == Outcome.RESTRICT;
    }

    /** The restrictions of one type, in decision order. */
    public List<Restriction> restrictionsOf(RestrictionType type) {
        return restrictions.stream().filter(r -> r.type() == type).toList();
    }

    private static <T> boolean isSorted(List<T> list, Comparator<? super T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
