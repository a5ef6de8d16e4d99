package io.github.creditrisk.simulate;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one (family, type) pair of restrictions differs between a borrower's baseline and candidate
 * decisions. A decision holds each pair at most once, so the pair identifies the restriction.
 *
 * @param kind      added, removed, or kept with a different rule, reason code or cut
 * @param type      the restriction type
 * @param family    the restriction family
 * @param baseline  the restriction in the baseline decision; {@code null} when {@code kind} is ADDED
 * @param candidate the restriction in the candidate decision; {@code null} when {@code kind} is REMOVED
 */
public record RestrictionChange(Kind kind, RestrictionType type, String family, @Nullable Restriction baseline,
                                @Nullable Restriction candidate) {

    /** What happened to the pair. */
    public enum Kind {
        /** In the candidate decision only: the borrower is newly affected. */
        ADDED,
        /** In the baseline decision only: the borrower is no longer affected. */
        REMOVED,
        /** In both, but imposed by another rule, for another reason code, or with another cut. */
        MODIFIED
    }

    public RestrictionChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(family, "family");
        if ((baseline == null) != (kind == Kind.ADDED) || (candidate == null) != (kind == Kind.REMOVED)) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.ADDED ? "no baseline"
                    : "a baseline") + " and " + (kind == Kind.REMOVED ? "no candidate" : "a candidate"));
        }
    }

    /** The restriction as the candidate has it, or as the baseline had it when it was removed. */
    public Restriction shown() {
        return candidate != null ? candidate : baseline;
    }

    /**
     * The differences between two decisions for one borrower, in the candidate's decision order followed by
     * the removed pairs in the baseline's order; empty when they impose the same restrictions. Reason texts
     * alone do not count: rewording a sentence changes nothing for the customer's line.
     */
    static List<RestrictionChange> between(Decision baseline, Decision candidate) {
        if (baseline.restrictions().isEmpty() && candidate.restrictions().isEmpty()) {
            return List.of();
        }
        Map<String, Restriction> before = new LinkedHashMap<>();
        for (Restriction r : baseline.restrictions()) {
            before.put(key(r), r);
        }
        List<RestrictionChange> changes = new ArrayList<>(2);
        for (Restriction after : candidate.restrictions()) {
            Restriction was = before.remove(key(after));
            if (was == null) {
                changes.add(new RestrictionChange(Kind.ADDED, after.type(), after.family(), null, after));
            } else if (!sameEffect(was, after)) {
                changes.add(new RestrictionChange(Kind.MODIFIED, after.type(), after.family(), was, after));
            }
        }
        for (Restriction gone : before.values()) {
            changes.add(new RestrictionChange(Kind.REMOVED, gone.type(), gone.family(), gone, null));
        }
        return changes.isEmpty() ? List.of() : List.copyOf(changes);
    }

    private static String key(Restriction r) {
        return r.family() + '/' + r.type();
    }

    private static boolean sameEffect(Restriction a, Restriction b) {
        return a.rule().equals(b.rule()) && a.reasonCode().equals(b.reasonCode())
                && Objects.equals(a.reductionPercent(), b.reductionPercent());
    }
}
