package io.github.creditrisk;

/** What a customer can do about a restriction or exemption. Every restriction offers {@link #APPEAL}. */
public enum Remedy {
    /** Ask for the decision to be reviewed by a person. */
    APPEAL,
    /** Agree a new repayment schedule (instalments) that fits the customer's income. */
    REPAYMENT_PLAN,
    /** Postpone the due dates of current repayments. */
    EXTENSION,
    /** Have an incorrect record (such as an overdue caused by the lender's outage) corrected. */
    CREDIT_REPAIR
}
