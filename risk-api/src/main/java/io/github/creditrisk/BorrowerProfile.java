package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lender knows about one borrower when it evaluates their credit line.
 *
 * @param id                  the borrower's identifier; non-blank; unique within one batch
 * @param segment             the customer segment (tiered management)
 * @param region              the hierarchical region code, such as {@code CN-GD-SZ}; non-blank
 * @param sector              the industry the borrower works or trades in, such as {@code RETAIL};
 *                            optional ({@code null} when unknown)
 * @param monthlyIncome       verified monthly income, ≥ 0 (0 when not verified)
 * @param creditLimit         the current credit line, ≥ 0
 * @param creditScore         the current big-data credit score, 300–950
 * @param previousCreditScore the score at the previous review, 300–950; optional ({@code null} for a thin
 *                            file without history)
 * @param loans               the borrower's loans with every lender; empty when none
 * @param monthlyRevenue      monthly sales of the borrower's business, oldest first, each ≥ 0; empty when
 *                            unknown
 */
public record BorrowerProfile(
        String id,
        Segment segment,
        String region,
        @Nullable String sector,
        BigDecimal monthlyIncome,
        BigDecimal creditLimit,
        int creditScore,
        @Nullable Integer previousCreditScore,
        List<Loan> loans,
        List<BigDecimal> monthlyRevenue) {

    /** The lowest credit score a bureau reports. */
    public static final int MIN_SCORE = 300;
    /** The highest credit score a bureau reports. */
    public static final int MAX_SCORE = 950;

    public BorrowerProfile {
        Checks.nonBlank(id, "id");
        Checks.required(segment, "segment");
        Checks.nonBlank(region, "region");
        Checks.optionalNonBlank(sector, "sector");
        Checks.nonNegative(monthlyIncome, "monthlyIncome");
        Checks.nonNegative(creditLimit, "creditLimit");
        Checks.inRange(creditScore, MIN_SCORE, MAX_SCORE, "creditScore");
        if (previousCreditScore != null) {
            Checks.inRange(previousCreditScore, MIN_SCORE, MAX_SCORE, "previousCreditScore");
        }
        loans = Checks.listOf(loans, "loans");
        monthlyRevenue = Checks.listOf(monthlyRevenue, "monthlyRevenue");
        for (int i = 0; i < monthlyRevenue.size(); i++) {
            Checks.nonNegative(monthlyRevenue.get(i), "monthlyRevenue[" + i + "]");
        }
    }

    /** The monthly debt service: the sum of the monthly payments of the active loans (those still owed). */
    public BigDecimal monthlyDebtService() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Loan loan : loans) {
            if (loan.isActive()) {
                sum = sum.add(loan.monthlyPayment());
            }
        }
        return sum;
    }

    /**
     * Starts a profile with its required identity; the builder's defaults are no sector, no income, no
     * limit, a score of 700 without history, no loans and no revenue.
     */
    public static Builder builder(String id, Segment segment, String region) {
        return new Builder(id, segment, region);
    }

    /** A builder pre-filled with this profile, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id, segment, region)
                .sector(sector)
                .monthlyIncome(monthlyIncome)
                .creditLimit(creditLimit)
                .creditScore(creditScore)
                .previousCreditScore(previousCreditScore);
        b.loans.addAll(loans);
        b.monthlyRevenue.addAll(monthlyRevenue);
        return b;
    }

    /**
     * Builds {@link BorrowerProfile}s; not thread-safe. Amounts may be given as text ({@code "8000.50"}) to
     * keep them exact. Validation happens in {@link #build()}.
     */
    public static final class Builder {
        private String id;
        private Segment segment;
        private String region;
        private @Nullable String sector;
        private BigDecimal monthlyIncome = BigDecimal.ZERO;
        private BigDecimal creditLimit = BigDecimal.ZERO;
        private int creditScore = 700;
        private @Nullable Integer previousCreditScore;
        private final List<Loan> loans = new ArrayList<>();
        private final List<BigDecimal> monthlyRevenue = new ArrayList<>();

        private Builder(String id, Segment segment, String region) {
            this.id = id;
            this.segment = segment;
            this.region = region;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder segment(Segment segment) {
            this.segment = segment;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder sector(@Nullable String sector) {
            this.sector = sector;
            return this;
        }

        public Builder monthlyIncome(BigDecimal monthlyIncome) {
            this.monthlyIncome = monthlyIncome;
            return this;
        }

        public Builder monthlyIncome(String monthlyIncome) {
            return monthlyIncome(new BigDecimal(monthlyIncome));
        }

        public Builder creditLimit(BigDecimal creditLimit) {
            this.creditLimit = creditLimit;
            return this;
        }

        public Builder creditLimit(String creditLimit) {
            return creditLimit(new BigDecimal(creditLimit));
        }

        public Builder creditScore(int creditScore) {
            this.creditScore = creditScore;
            return this;
        }

        public Builder previousCreditScore(@Nullable Integer previousCreditScore) {
            this.previousCreditScore = previousCreditScore;
            return this;
        }

        /** Adds one loan. */
        public Builder loan(Loan loan) {
            this.loans.add(loan);
            return this;
        }

        /** Replaces all loans. */
        public Builder loans(List<Loan> loans) {
            this.loans.clear();
            this.loans.addAll(loans);
            return this;
        }

        /** Replaces the revenue history, oldest month first. */
        public Builder monthlyRevenue(String... oldestFirst) {
            this.monthlyRevenue.clear();
            for (String value : oldestFirst) {
                this.monthlyRevenue.add(new BigDecimal(value));
            }
            return this;
        }

        /** Replaces the revenue history, oldest month first. */
        public Builder monthlyRevenue(List<BigDecimal> oldestFirst) {
            this.monthlyRevenue.clear();
            this.monthlyRevenue.addAll(oldestFirst);
            return this;
        }

        /**
         * @throws InvalidValueException naming the first field that is invalid
         */
        public BorrowerProfile build() {
            return new BorrowerProfile(id, segment, region, sector, monthlyIncome, creditLimit, creditScore,
                    previousCreditScore, loans, monthlyRevenue);
        }
    }
}
