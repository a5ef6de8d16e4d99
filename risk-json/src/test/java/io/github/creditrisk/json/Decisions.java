package io.github.creditrisk.json;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Named decisions, built with {@link Decision#of} as an engine would, with a fixed notice. */
final class Decisions {

    static final String RULESET = "sha256:0123abcd";

    private Decisions() {
    }

    /** No restriction at all. */
    static Decision approved() {
        return Decision.of("B-2002", new BigDecimal("5000"), List.of(), List.of(),
                (outcome, before, after, restrictions, exemptions) -> "Your credit line continues unchanged.",
                RULESET);
    }

    /**
     * An overborrowed borrower: new borrowing blocked and the line cut by 50% (80000 to 40000), plus a
     * manual review, and an overdue forgiven because the lender's channel was down.
     */
    static Decision overborrowedWithForgivenOverdue() {
        return Decision.of("B-1001", new BigDecimal("80000"),
                List.of(reduce(50), block(), review()),
                List.of(new Exemption("DELINQUENCY", "DLQ-X1", "DLQ_DURING_OUTAGE",
                        "Your loan with Bank A fell overdue on 2026-10-03, while our repayment service was down"
                                + " (2026-10-01 to 2026-10-05); it is not held against you.",
                        List.of(Remedy.CREDIT_REPAIR), Map.of("outage", "2026-10-01..2026-10-05"))),
                (outcome, before, after, restrictions, exemptions) ->
                        "Your credit line is reduced from " + before + " to " + after + ". You can appeal.",
                RULESET);
    }

    /** A cut that leaves half a unit: 80001 cut by 50% is 40000.5, rounded down to 40000. */
    static Decision cutOfAnOddLimit() {
        return Decision.of("B-4004", new BigDecimal("80001.00"), List.of(reduce(50)), List.of(),
                (outcome, before, after, restrictions, exemptions) -> "您的额度已下调。如有异议，可申诉。",
                RULESET);
    }

    static Restriction reduce(int percent) {
        return new Restriction(RestrictionType.REDUCE_LIMIT, "OVERBORROWING", "OVB-2", "OVB_DTI_FAR_ABOVE_CEILING",
                percent, "Your monthly repayments (9,000) are 0.75 of your income (12,000), far above the 0.50"
                + " ceiling.", List.of(Remedy.APPEAL, Remedy.REPAYMENT_PLAN),
                Map.of("dti", "0.75", "ceiling", "0.50"));
    }

    static Restriction block() {
        return new Restriction(RestrictionType.BLOCK_NEW_BORROWING, "OVERBORROWING", "OVB-2",
                "OVB_DTI_FAR_ABOVE_CEILING", null, "New borrowing is paused while repayments are 0.75 of income.",
                List.of(Remedy.REPAYMENT_PLAN, Remedy.APPEAL), Map.of("dti", "0.75"));
    }

    static Restriction review() {
        return new Restriction(RestrictionType.MANUAL_REVIEW, "OVERBORROWING", "OVB-3", "OVB_MANY_LENDERS", null,
                "You have loans with 4 lenders; a person will review your account.", List.of(Remedy.APPEAL),
                Map.of());
    }
}
