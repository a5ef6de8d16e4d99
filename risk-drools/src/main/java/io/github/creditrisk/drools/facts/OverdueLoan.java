package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Loan;
import io.github.creditrisk.ServiceOutage;

import java.time.LocalDate;

/**
 * An active loan that is past due. Its overdue start date is the evaluation date minus its days past due.
 *
 * <p>A rule may exempt it (because it fell overdue during the lender's own service outage) with
 * {@code $loan.exemptBecauseOf($outage); update($loan);}; an exempt loan counts for nothing.
 */
public final class OverdueLoan {

    private final Borrower borrower;
    private final Loan loan;
    private final LocalDate overdueSince;
    private ServiceOutage exemptingOutage;

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

    /** Whether a rule has exempted the loan. */
    public boolean isExempt() {
        return exemptingOutage != null;
    }

    /** The outage that exempted the loan; {@code null} when it is not exempt. */
    public ServiceOutage getExemptingOutage() {
        return exemptingOutage;
    }

    /** Marks the loan exempt because it fell overdue during {@code outage}; follow with {@code update($loan)}. */
    public void exemptBecauseOf(ServiceOutage outage) {
        this.exemptingOutage = outage;
    }

    @Override
    public String toString() {
        return "OverdueLoan[" + borrower.getId() + ", " + loan.lender() + ", " + loan.daysPastDue() + " days]";
    }
}
