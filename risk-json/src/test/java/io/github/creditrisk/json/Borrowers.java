package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;

/** Named borrower profiles for round trips. */
final class Borrowers {

    private Borrowers() {
    }

    /** A small retailer whose sales collapsed in the last month, with an overdue loan. */
    static BorrowerProfile smallRetailerWithCollapsingSales() {
        return BorrowerProfile.builder("B-1001", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ")
                .sector("RETAIL")
                .monthlyIncome("12000.50")
                .creditLimit("80000")
                .creditScore(690)
                .previousCreditScore(720)
                .loan(Loan.of("Bank A", "50000", "2500.5").overdueBy(12))
                .loan(Loan.of("Quick Loans", "0", "0"))
                .monthlyRevenue("100000", "98000.25", "95000", "41000")
                .build();
    }

    /** A first-time borrower with a thin file: no sector, no history, no loans, no revenue. */
    static BorrowerProfile firstTimeBorrowerWithThinFile() {
        return BorrowerProfile.builder("B-2002", Segment.FIRST_TIME, "CN-BJ")
                .monthlyIncome("0")
                .creditLimit("5000")
                .creditScore(300)
                .build();
    }

    /** A high-net-worth customer with a Chinese lender name and exact small fractions. */
    static BorrowerProfile wealthyCustomerWithExactFractions() {
        return BorrowerProfile.builder("客户-3003", Segment.HIGH_NET_WORTH, "CN-SH")
                .sector("FINANCE")
                .monthlyIncome("0.1")
                .creditLimit("999999999999999.9999999999")
                .creditScore(950)
                .previousCreditScore(300)
                .loan(Loan.of("招商银行", "0.01", "0.0000000001"))
                .build();
    }
}
