package io.github.creditrisk.examples;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;

/** Shorthand for the walkthroughs' borrowers. */
final class Cast {

    private Cast() {
    }

    static BorrowerProfile.Builder borrower(String id, Segment segment, String region, String sector) {
        return BorrowerProfile.builder(id, segment, region).sector(sector);
    }

    static Loan loan(String lender, String outstanding, String monthlyPayment) {
        return Loan.of(lender, outstanding, monthlyPayment);
    }
}
