package io.github.creditrisk.testkit;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic portfolio with realistic spreads: the same seed and count always give the same
 * borrowers (within a version of this class). Segments, regions and sectors follow weighted shares; incomes
 * are log-normal per segment; most borrowers are healthy while a realistic minority carry heavy debt,
 * many lenders, overdue loans, falling scores or collapsing sales. Borrower {@code i} depends only on the
 * seed and {@code i}, so any slice can be generated on its own. {@code risk generate} writes this portfolio.
 *
 * <p>Thread-safe: it holds only its seed, and each borrower is made from a random source of its own.
 */
public final class PortfolioGenerator {

    private static final String[] REGIONS = {"CN-GD-SZ", "CN-GD-GZ", "CN-GD-DG", "CN-ZJ-HZ", "CN-ZJ-NB",
            "CN-JS-NJ", "CN-JS-SZ", "CN-SH", "CN-BJ", "CN-SC-CD", "CN-HB-WH", "CN-SD-QD", "CN-FJ-XM", "CN-HN-CS",
            "CN-SN-XA", "CN-CQ", "CN-TJ", "CN-LN-SY", "CN-HA-ZZ", "CN-YN-KM"};
    private static final int[] REGION_WEIGHTS = {12, 10, 5, 9, 4, 6, 5, 10, 9, 6, 4, 4, 3, 3, 3, 2, 2, 1, 1, 1};
    private static final String[] SECTORS = {"RETAIL", "MANUFACTURING", "CATERING", "LOGISTICS", "CONSTRUCTION",
            "EDUCATION", "IT_SERVICES", "FINANCE", "REAL_ESTATE", "P2P_LENDING", "AGRICULTURE", "HEALTHCARE", null};
    private static final int[] SECTOR_WEIGHTS = {18, 15, 10, 8, 8, 6, 10, 5, 5, 2, 5, 5, 3};
    private static final String[] LENDERS = {"Ant Credit", "WeBank", "ICBC", "China Merchants Bank", "JD Finance",
            "Du Xiaoman", "Ping An", "Bank of China", "Lexin", "Qudian", "360 Finance", "Home Credit", "CCB",
            "Meituan Credit", "Bank of Ningbo"};

    private final long seed;

    /** The portfolio of {@code seed}; any {@code long} is a seed. */
    public PortfolioGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Borrower number {@code index} (0-based) of this seed's portfolio, with the id {@code B-} and
     * {@code index + 1} in eight digits ({@code B-00000001} first).
     *
     * @throws InvalidValueException if {@code index} is negative
     */
    public BorrowerProfile borrower(long index) {
        if (index < 0) {
            throw new InvalidValueException("index", index + " is negative; expected a number ≥ 0");
        }
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        Segment segment = pickSegment(r);
        String region = REGIONS[weighted(r, REGION_WEIGHTS)];
        String sector = SECTORS[weighted(r, SECTOR_WEIGHTS)];
        BigDecimal income = income(r, segment);
        BigDecimal limit = creditLimit(r, segment, income);
        int score = score(r, segment);
        Integer previous = previousScore(r, segment, score);
        List<Loan> loans = loans(r, segment, income);
        List<BigDecimal> revenue = segment == Segment.SMALL_BUSINESS_OWNER ? revenue(r, income) : List.of();
        return new BorrowerProfile(String.format("B-%08d", index + 1), segment, region, sector, income, limit, score,
                previous, loans, revenue);
    }

    private static Segment pickSegment(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 55 ? Segment.ORDINARY : p < 77 ? Segment.SMALL_BUSINESS_OWNER
                : p < 92 ? Segment.FIRST_TIME : Segment.HIGH_NET_WORTH;
    }

    private static BigDecimal income(SplittableRandom r, Segment segment) {
        if (r.nextInt(100) < 3) {
            return BigDecimal.ZERO; // not verified
        }
        double median = switch (segment) {
            case ORDINARY -> 9_000;
            case SMALL_BUSINESS_OWNER -> 15_000;
            case FIRST_TIME -> 6_000;
            case HIGH_NET_WORTH -> 60_000;
        };
        return money(median * Math.exp(0.5 * gaussian(r)), 2);
    }

    private static BigDecimal creditLimit(SplittableRandom r, Segment segment, BigDecimal income) {
        double base = Math.max(income.doubleValue(), 3_000);
        double multiple = segment == Segment.HIGH_NET_WORTH ? 5 + 10 * r.nextDouble() : 2 + 6 * r.nextDouble();
        return BigDecimal.valueOf(Math.round(base * multiple / 1000) * 1000);
    }

    private static int score(SplittableRandom r, Segment segment) {
        double mean = segment == Segment.FIRST_TIME ? 620 : segment == Segment.HIGH_NET_WORTH ? 740 : 680;
        return clamp((int) Math.round(mean + 60 * gaussian(r)));
    }

    private static Integer previousScore(SplittableRandom r, Segment segment, int score) {
        if ((segment == Segment.FIRST_TIME && r.nextInt(100) < 80) || r.nextInt(100) < 10) {
            return null; // a thin file, or no earlier review
        }
        int p = r.nextInt(100);
        int drop = p < 6 ? 50 + r.nextInt(50) : p < 9 ? 100 + r.nextInt(80) : (int) Math.round(20 * gaussian(r));
        return clamp(score + drop);
    }

    private static List<Loan> loans(SplittableRandom r, Segment segment, BigDecimal income) {
        int p = r.nextInt(100);
        int count = segment == Segment.FIRST_TIME ? (p < 60 ? 0 : 1)
                : p < 15 ? 0 : p < 45 ? 1 : p < 70 ? 2 : p < 85 ? 3 : p < 93 ? 4 : p < 97 ? 5 : 6 + r.nextInt(3);
        if (count == 0) {
            return List.of();
        }
        // A target debt-to-income: most borrowers comfortable, some stretched, a few far over.
        int q = r.nextInt(100);
        double dti = q < 75 ? 0.05 + 0.40 * r.nextDouble() : q < 93 ? 0.45 + 0.30 * r.nextDouble()
                : 0.75 + 0.45 * r.nextDouble();
        double service = Math.max(income.doubleValue(), 2_000) * dti;
        List<Loan> loans = new ArrayList<>(count);
        int firstLender = r.nextInt(LENDERS.length);
        for (int i = 0; i < count; i++) {
            String lender = LENDERS[(firstLender + i) % LENDERS.length];
            boolean paidOff = r.nextInt(100) < 8;
            double payment = service / count * (0.7 + 0.6 * r.nextDouble());
            BigDecimal outstanding = paidOff ? BigDecimal.ZERO : money(payment * (6 + 30 * r.nextDouble()), 2);
            int d = r.nextInt(100);
            int dpd = paidOff || d < 88 ? 0 : d < 95 ? 1 + r.nextInt(30) : d < 98 ? 31 + r.nextInt(60)
                    : 91 + r.nextInt(120);
            loans.add(new Loan(lender, outstanding, money(payment, 2), dpd));
        }
        return loans;
    }

    private static List<BigDecimal> revenue(SplittableRandom r, BigDecimal income) {
        if (r.nextInt(100) < 15) {
            return List.of(); // no sales history on file
        }
        double base = Math.max(income.doubleValue(), 3_000) * (3 + 5 * r.nextDouble());
        int months = 4 + r.nextInt(9);
        boolean collapse = r.nextInt(100) < 12;
        List<BigDecimal> values = new ArrayList<>(months);
        for (int m = 0; m < months; m++) {
            double v = base * (0.9 + 0.2 * r.nextDouble());
            if (collapse && m == months - 1) {
                v = base * (0.2 + 0.45 * r.nextDouble());
            }
            values.add(money(v, 0));
        }
        return values;
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static BigDecimal money(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static int clamp(int score) {
        return Math.max(BorrowerProfile.MIN_SCORE, Math.min(BorrowerProfile.MAX_SCORE, score));
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
