package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;

import java.math.BigDecimal;

/** Named borrowers for the policy tests: each starts clean (no risk) so a test adds just what it examines. */
final class Borrowers {

    private Borrowers() {
    }

    /**
     * A borrower with nothing wrong: income 10,000, limit 50,000, score 700 without history, one loan with
     * repayments of 1,000 (a debt-to-income of 0.10), in Shenzhen, working in retail.
     */
    static BorrowerProfile.Builder clean(String id, Segment segment) {
        return BorrowerProfile.builder(id, segment, "CN-GD-SZ")
                .sector("RETAIL")
                .monthlyIncome("10000")
                .creditLimit("50000")
                .creditScore(700)
                .loan(Loan.of("Home Bank", "20000", "1000"));
    }

    static BorrowerProfile.Builder ordinary() {
        return clean("ORD-1", Segment.ORDINARY);
    }

    static BorrowerProfile.Builder smallBusinessOwner() {
        return clean("SBO-1", Segment.SMALL_BUSINESS_OWNER);
    }

    static BorrowerProfile.Builder highNetWorth() {
        return clean("HNW-1", Segment.HIGH_NET_WORTH);
    }

    static BorrowerProfile.Builder firstTime() {
        return clean("FT-1", Segment.FIRST_TIME);
    }

    /**
     * A borrower of {@code segment} whose repayments are exactly {@code dti} of an income of 10,000, on one
     * loan.
     */
    static BorrowerProfile withDebtToIncome(Segment segment, String dti) {
        BigDecimal payment = new BigDecimal(dti).multiply(new BigDecimal("10000"));
        return clean("DTI-" + segment, segment)
                .loans(java.util.List.of(new Loan("Home Bank", new BigDecimal("50000"), payment, 0)))
                .build();
    }

    /** A borrower with active loans from {@code lenders} distinct lenders, repaying 100 to each. */
    static BorrowerProfile withLenders(int lenders) {
        BorrowerProfile.Builder b = clean("LENDERS-" + lenders, Segment.ORDINARY).loans(java.util.List.of());
        for (int i = 1; i <= lenders; i++) {
            b.loan(Loan.of("Lender " + i, "1000", "100"));
        }
        return b.build();
    }

    /** The small retailer of the walkthrough: sales fell from about 100,000 a month to 50,000. */
    static BorrowerProfile smallRetailerWithCollapsingSales() {
        return smallBusinessOwner().monthlyRevenue("100000", "98000", "102000", "50000").build();
    }

    /** A borrower with one active loan {@code days} past due. */
    static BorrowerProfile overdueBy(int days) {
        return ordinary().loans(java.util.List.of(Loan.of("Quick Loans", "5000", "500").overdueBy(days))).build();
    }
}
