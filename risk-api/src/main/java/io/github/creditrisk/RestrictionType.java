package io.github.creditrisk;

/**
 * What a restriction does to a credit line. The declaration order is the order restrictions are listed in
 * a decision, most severe first.
 *
 * <p><strong>Repayment is never restricted.</strong> No value of this type stops a borrower from repaying
 * what they owe: each restricts only new borrowing or the size of the line. A lender that closes the
 * repayment channel makes default more likely and harms the customer; this API has no way to say it.
 */
public enum RestrictionType {
    /** No new drawdowns or loans while it applies; existing loans and repayment continue unchanged. */
    BLOCK_NEW_BORROWING,
    /** The credit limit is cut by a percentage ({@link Restriction#reductionPercent()}). */
    REDUCE_LIMIT,
    /** The credit limit is held at its current amount: no increases while it applies. */
    FREEZE_LIMIT,
    /** A person reviews the account before any change; nothing changes for the customer meanwhile. */
    MANUAL_REVIEW;

    /** Whether this type changes what the customer can do with the line (all but {@link #MANUAL_REVIEW}). */
    public boolean restrictsTheLine() {
        return this != MANUAL_REVIEW;
    }
}
