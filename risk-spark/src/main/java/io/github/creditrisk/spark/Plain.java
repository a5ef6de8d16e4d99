package io.github.creditrisk.spark;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile's amounts in the plain form a JSON line gives them: a Spark decimal column holds 8000 as
 * 8000.0000000000, and the decision (its limits, its sentences) must read as it does from {@code risk eval}.
 */
final class Plain {

    private Plain() {
    }

    static BorrowerProfile amounts(BorrowerProfile b) {
        List<Loan> loans = new ArrayList<>(b.loans().size());
        for (Loan l : b.loans()) {
            loans.add(new Loan(l.lender(), plain(l.outstanding()), plain(l.monthlyPayment()), l.daysPastDue()));
        }
        List<BigDecimal> revenue = new ArrayList<>(b.monthlyRevenue().size());
        b.monthlyRevenue().forEach(r -> revenue.add(plain(r)));
        return b.toBuilder().monthlyIncome(plain(b.monthlyIncome())).creditLimit(plain(b.creditLimit())).loans(loans)
                .monthlyRevenue(revenue).build();
    }

    static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
