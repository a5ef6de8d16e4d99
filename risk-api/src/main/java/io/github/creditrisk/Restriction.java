package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One restriction on a borrower's credit line, with the reason the customer is told.
 *
 * @param type             what the restriction does; no type restricts repayment
 * @param family           the policy family that imposed it, such as {@code OVERBORROWING} (upper-case
 *                         words joined by {@code _}; analysts may add families)
 * @param rule             the stable id of the rule that imposed it, such as {@code OVB-2}
 * @param reasonCode       a stable code for the reason, such as {@code OVB_DTI_FAR_ABOVE_CEILING}
 * @param reductionPercent the cut, 1–100, present exactly when {@code type} is
 *                         {@link RestrictionType#REDUCE_LIMIT}; otherwise {@code null}
 * @param reason           the sentence the customer reads, with the evidence in it; never blank
 * @param remedies         what the customer can do; always contains {@link Remedy#APPEAL}; kept in the
 *                         order of {@link Remedy} without repeats
 * @param evidence         the facts behind the reason (name to value, sorted by name), for auditors
 * @param lift             what would lift it: each {@link Way} a set of actions after which this restriction
 *                         would not be imposed, checked by deciding again; empty when nothing the customer can do
 *                         lifts it. {@code null} when recourse was not asked for
 *                         ({@link EvaluationContext#recourse()}): the one list in the API that may be null, so that
 *                         "not worked out" and "nothing lifts it" differ
 */
public record Restriction(
        RestrictionType type,
        String family,
        String rule,
        String reasonCode,
        @Nullable Integer reductionPercent,
        String reason,
        List<Remedy> remedies,
        Map<String, String> evidence,
        @Nullable List<Way> lift) {

    /** The order of restrictions in a decision: by type (most severe first), then family, then rule. */
    public static final Comparator<Restriction> DECISION_ORDER = Comparator
            .comparing(Restriction::type)
            .thenComparing(Restriction::family)
            .thenComparing(Restriction::rule);

    public Restriction {
        Checks.required(type, "type");
        family = code(family, "family");
        Checks.nonBlank(rule, "rule");
        reasonCode = code(reasonCode, "reasonCode");
        if (type == RestrictionType.REDUCE_LIMIT) {
            Checks.required(reductionPercent, "reductionPercent");
            Checks.inRange(reductionPercent, 1, 100, "reductionPercent");
        } else if (reductionPercent != null) {
            throw new InvalidValueException("reductionPercent", reductionPercent + " is given for " + type
                    + "; it is allowed only on REDUCE_LIMIT");
        }
        Checks.nonBlank(reason, "reason");
        remedies = normalise(remedies);
        if (!remedies.contains(Remedy.APPEAL)) {
            throw new InvalidValueException("remedies", remedies + " lacks APPEAL; every restriction must offer"
                    + " an appeal");
        }
        evidence = sorted(evidence);
        if (lift != null) {
            lift = Checks.listOf(lift, "lift");
        }
    }

    /** A restriction whose recourse was not worked out ({@code lift} is {@code null}). */
    public Restriction(RestrictionType type, String family, String rule, String reasonCode, @Nullable Integer reductionPercent,
                       String reason, List<Remedy> remedies, Map<String, String> evidence) {
        this(type, family, rule, reasonCode, reductionPercent, reason, remedies, evidence, null);
    }

    /** This restriction with {@code lift} as the ways that lift it. */
    public Restriction withLift(List<Way> lift) {
        Checks.required(lift, "lift");
        return new Restriction(type, family, rule, reasonCode, reductionPercent, reason, remedies, evidence, lift);
    }

    static String code(String value, String field) {
        Checks.nonBlank(value, field);
        if (!isCode(value)) {
            throw InvalidValueException.ofText(field, value, "is not a code; expected upper-case letters, digits"
                    + " and _, starting with a letter");
        }
        return value;
    }

    /** Upper-case letters, digits and _, starting with a letter (checked without a regex: it is on the hot path). */
    static boolean isCode(String value) {
        char first = value.charAt(0);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static List<Remedy> normalise(Collection<Remedy> remedies) {
        List<Remedy> list = Checks.listOf(remedies, "remedies");
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).ordinal() >= list.get(i).ordinal()) { // out of order, or a repeat
                return List.copyOf(EnumSet.copyOf(list));
            }
        }
        return list; // already in order without repeats (as engines give them): no second copy
    }

    static Map<String, String> sorted(Map<String, String> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            return Map.of();
        }
        Checks.noNullValues(evidence, "evidence");
        return java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
    }
}
