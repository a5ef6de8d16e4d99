package io.github.creditrisk.testkit;

import io.github.creditrisk.Decision;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the reference policy decides for one borrower: a decision without its sentences. It says what decides
 * (the outcome, the recommended limit, which restrictions, how many exemptions), not the reasons, remedies or
 * notice a customer reads. Compare it with an engine's {@link Decision} through {@link #differencesFrom}.
 *
 * @param outcome          APPROVE, REVIEW or RESTRICT, by the merge rules
 * @param recommendedLimit the credit limit cut by the single largest cut, rounded down to a whole unit
 * @param restrictions     the restrictions imposed, in decision order; unmodifiable; empty when approved
 * @param exemptions       how many distinct exemptions were granted: overdue loans exempted for a service
 *                         outage, an exemption of the same lender and days counted once; ≥ 0
 */
public record Verdict(Outcome outcome, BigDecimal recommendedLimit, Set<ReferenceRestriction> restrictions,
                      int exemptions) {

    /** @throws InvalidValueException if {@code exemptions} is negative */
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recommendedLimit, "recommendedLimit");
        Objects.requireNonNull(restrictions, "restrictions");
        EnumSet<ReferenceRestriction> copy = EnumSet.noneOf(ReferenceRestriction.class);
        copy.addAll(restrictions);
        restrictions = Collections.unmodifiableSet(copy);
        if (exemptions < 0) {
            throw new InvalidValueException("exemptions", exemptions + " is negative; expected a number ≥ 0");
        }
    }

    /**
     * The verdict on a credit line of {@code creditLimit} with these restrictions, by the merge rules: RESTRICT
     * when any restriction is not a {@link RestrictionType#MANUAL_REVIEW}, REVIEW when all are, APPROVE when
     * there are none; the limit cut once by the largest cut (cuts never compound), rounded down.
     */
    public static Verdict of(BigDecimal creditLimit, Set<ReferenceRestriction> restrictions, int exemptions) {
        int largestCut = 0;
        boolean restrictsTheLine = false;
        for (ReferenceRestriction r : restrictions) {
            if (r.reductionPercent() != null) {
                largestCut = Math.max(largestCut, r.reductionPercent());
            }
            restrictsTheLine |= r.type() != RestrictionType.MANUAL_REVIEW;
        }
        Outcome outcome = restrictions.isEmpty() ? Outcome.APPROVE
                : restrictsTheLine ? Outcome.RESTRICT : Outcome.REVIEW;
        BigDecimal limit = largestCut == 0 ? creditLimit : creditLimit.multiply(BigDecimal.valueOf(100 - largestCut))
                .movePointLeft(2).setScale(0, RoundingMode.FLOOR);
        return new Verdict(outcome, limit, restrictions, exemptions);
    }

    /** The restrictions as {@code FAMILY TYPE [percent]} texts ({@link ReferenceRestriction#text()}), sorted. */
    public SortedSet<String> described() {
        SortedSet<String> texts = new TreeSet<>();
        restrictions.forEach(r -> texts.add(r.text()));
        return texts;
    }

    /** A decision's restrictions as {@code FAMILY TYPE [percent]} texts, sorted, as {@link #described()}. */
    public static SortedSet<String> describe(Decision decision) {
        SortedSet<String> texts = new TreeSet<>();
        for (Restriction r : decision.restrictions()) {
            texts.add(text(r.family(), r.type(), r.reductionPercent()));
        }
        return texts;
    }

    /**
     * Where {@code decision} differs from this verdict, one sentence a difference: each restriction only one of
     * them imposes, then the outcome, the recommended limit (compared by value, whatever the scale) and the
     * number of exemptions. Empty when they agree.
     */
    public List<String> differencesFrom(Decision decision) {
        List<String> differences = new ArrayList<>();
        SortedSet<String> expected = described();
        SortedSet<String> actual = describe(decision);
        for (String r : expected) {
            if (!actual.contains(r)) {
                differences.add("the reference imposes " + r + ", the decision does not");
            }
        }
        for (String r : actual) {
            if (!expected.contains(r)) {
                differences.add("the decision imposes " + r + ", the reference does not");
            }
        }
        if (decision.outcome() != outcome) {
            differences.add("the outcome is " + decision.outcome() + ", the reference's " + outcome);
        }
        if (decision.recommendedLimit().compareTo(recommendedLimit) != 0) {
            differences.add("the recommended limit is " + decision.recommendedLimit().toPlainString()
                    + ", the reference's " + recommendedLimit.toPlainString());
        }
        if (decision.exemptions().size() != exemptions) {
            differences.add("the decision grants " + decision.exemptions().size() + " exemptions, the reference "
                    + exemptions);
        }
        return differences;
    }

    static String text(String family, RestrictionType type, Integer reductionPercent) {
        return family + " " + type + (reductionPercent == null ? "" : " " + reductionPercent);
    }
}
