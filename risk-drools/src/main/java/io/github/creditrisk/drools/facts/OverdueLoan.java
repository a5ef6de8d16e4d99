package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Loan;

import java.time.LocalDate;

/**
 * An active loan that is past due. Its overdue start date is the evaluation date minus its days past due.
 */
public final class OverdueLoan {

    private final Borrower borrower;
    private final Loan loan;
    private final LocalDate overdueSince;

    public OverdueLoan(Borrower borrower, Loan loan) {
        this.borrower = borrower;
        this.loan = loan;
        this.overdueSince = borrower.getAsOf().minusDays(loan.daysPastDue());
    }

    public Borrower getBorrower() {
        return borrower;
    }

    public String getLender() {
        return loan.lender();
    }

    public int getDaysPastDue() {
        return loan.daysPastDue();
    }

    /** The first day the loan was overdue: the evaluation date minus its days past due. */
    public LocalDate getOverdueSince() {
        return overdueSince;
    }

    @Override
    public String toString() {
        return "OverdueLoan[" + borrower.getId() + ", " + loan.lender() + ", " + loan.daysPastDue() + " days]";
    }
}
