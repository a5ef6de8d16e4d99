package io.github.creditrisk;

import java.math.BigDecimal;

/**
 * One loan a borrower has, with this lender or another.
 *
 * @param lender         the lender's name; lenders are compared ignoring case; non-blank
 * @param outstanding    the amount still owed, ≥ 0; a loan is <em>active</em> while this is above zero
 * @param monthlyPayment the scheduled payment per month, ≥ 0
 * @param daysPastDue    days the loan is overdue, ≥ 0 (0 when paid on time)
 */
public record Loan(String lender, BigDecimal outstanding, BigDecimal monthlyPayment, int daysPastDue) {

    public Loan {
        Checks.nonBlank(lender, "lender");
        Checks.nonNegative(outstanding, "outstanding");
        Checks.nonNegative(monthlyPayment, "monthlyPayment");
        Checks.nonNegative(daysPastDue, "daysPastDue");
    }

    /** A loan paid on time. */
    public static Loan of(String lender, String outstanding, String monthlyPayment) {
        return new Loan(lender, new BigDecimal(outstanding), new BigDecimal(monthlyPayment), 0);
    }

    /** The same loan, overdue by {@code days}. */
    public Loan overdueBy(int days) {
        return new Loan(lender, outstanding, monthlyPayment, days);
    }

    /** Whether anything is still owed: only active loans count towards debt service, lenders and delinquency. */
    public boolean isActive() {
        return outstanding.signum() > 0;
    }
}
