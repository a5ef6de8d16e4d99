package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Remedy;
import io.github.creditrisk.RestrictionType;
import org.jspecify.annotations.Nullable;

/**
 * A rule's finding that the borrower's line must be restricted. Built in a rule's consequence and inserted
 * with {@code insertLogical}:
 *
 * <pre>{@code
 * insertLogical( Restrict.reduceLimit( $b, 30, "OVB_DTI_ABOVE_CEILING" )
 *                        .offer( Remedy.REPAYMENT_PLAN )
 *                        .with( "dti", $b.getDti() ) );
 * }</pre>
 *
 * APPEAL is always offered; the engine adds it.
 */
public final class Restrict extends Finding {

    private final RestrictionType type;
    private final @Nullable Integer reductionPercent;

    private Restrict(Borrower borrower, RestrictionType type, @Nullable Integer reductionPercent, String reasonCode) {
        super(borrower, reasonCode);
        this.type = type;
        this.reductionPercent = reductionPercent;
        addRemedy(Remedy.APPEAL);
    }

    /** No new borrowing; existing loans and repayment continue. */
    public static Restrict blockNewBorrowing(Borrower borrower, String reasonCode) {
        return new Restrict(borrower, RestrictionType.BLOCK_NEW_BORROWING, null, reasonCode);
    }

    /** Cut the credit limit by {@code percent} (1–100). */
    public static Restrict reduceLimit(Borrower borrower, int percent, String reasonCode) {
        return new Restrict(borrower, RestrictionType.REDUCE_LIMIT, percent, reasonCode);
    }

    /** Hold the credit limit at its current amount. */
    public static Restrict freezeLimit(Borrower borrower, String reasonCode) {
        return new Restrict(borrower, RestrictionType.FREEZE_LIMIT, null, reasonCode);
    }

    /** Have a person review the account. */
    public static Restrict manualReview(Borrower borrower, String reasonCode) {
        return new Restrict(borrower, RestrictionType.MANUAL_REVIEW, null, reasonCode);
    }

    /** Offers one more remedy (APPEAL is always offered). */
    public Restrict offer(Remedy remedy) {
        addRemedy(remedy);
        return this;
    }

    /** Adds a piece of evidence the reason's sentence can cite by {@code name}. */
    public Restrict with(String name, Object value) {
        addEvidence(name, value);
        return this;
    }

    public RestrictionType getType() {
        return type;
    }

    /** The cut for REDUCE_LIMIT; {@code null} for the other types. */
    public @Nullable Integer getReductionPercent() {
        return reductionPercent;
    }

    @Override
    public String toString() {
        return "Restrict[" + getBorrower().getId() + ", " + type
                + (reductionPercent == null ? "" : " " + reductionPercent + "%") + ", " + getReasonCode() + "]";
    }
}
