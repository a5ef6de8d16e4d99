package io.github.creditrisk;

import java.util.List;
import java.util.Map;

/**
 * Something the rules deliberately did not hold against the borrower, and why; for example a loan that
 * fell overdue while the lender's repayment channel was down.
 *
 * @param family     the policy family the exemption belongs to, such as {@code DELINQUENCY}
 * @param rule       the stable id of the rule that granted it
 * @param reasonCode a stable code for the reason
 * @param reason     the sentence the customer reads, with the evidence in it; never blank
 * @param remedies   what the customer can do, such as {@link Remedy#CREDIT_REPAIR}; may be empty
 * @param evidence   the facts behind the reason (name to value, sorted by name)
 */
public record Exemption(String family, String rule, String reasonCode, String reason, List<Remedy> remedies,
                        Map<String, String> evidence) {

    public Exemption {
        family = Restriction.code(family, "family");
        Checks.nonBlank(rule, "rule");
        reasonCode = Restriction.code(reasonCode, "reasonCode");
        Checks.nonBlank(reason, "reason");
        remedies = Restriction.normalise(remedies);
        evidence = Restriction.sorted(evidence);
    }
}
