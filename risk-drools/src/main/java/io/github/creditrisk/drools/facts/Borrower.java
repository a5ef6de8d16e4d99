package io.github.creditrisk.drools.facts;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The borrower being decided, as the rules see it: the profile, the measurements the policy defines (taken
 * once, exactly, in Java), and the signals that apply to this borrower on the evaluation date.
 *
 * <p>Measurements follow the policy's terms: an <em>active</em> loan has {@code outstanding > 0};
 * {@code debtService} is the sum of monthly payments over active loans; {@code dti} is debt service divided
 * by monthly income (absent when income is 0); {@code activeLenders} counts distinct lender names among
 * active loans, ignoring case.
 */
public final class Borrower {

    /** Precise enough that a ratio of amounts with cents is never rounded across a two-decimal boundary. */
    private static final MathContext RATIO = MathContext.DECIMAL128;

    private final BorrowerProfile profile;
    private final LocalDate asOf;
    private final BigDecimal debtService;
    private final @Nullable BigDecimal dti;
    private final int activeLenders;
    private final List<RegionalDownturn> downturns;
    private final List<SectorBan> sectorBans;

    /**
     * @param downturns  the active downturns whose region contains the borrower's
     * @param sectorBans the active bans on the borrower's sector
     */
    public Borrower(BorrowerProfile profile, LocalDate asOf, List<RegionalDownturn> downturns,
                    List<SectorBan> sectorBans) {
        this.profile = profile;
        this.asOf = asOf;
        this.downturns = List.copyOf(downturns);
        this.sectorBans = List.copyOf(sectorBans);
        this.debtService = profile.monthlyDebtService();
        this.activeLenders = distinctActiveLenders(profile.loans());
        this.dti = profile.monthlyIncome().signum() > 0 ? debtService.divide(profile.monthlyIncome(), RATIO) : null;
    }

    /** Lenders of active loans, told apart as their names in lower case (Locale.ROOT) are. */
    static int distinctActiveLenders(List<Loan> loans) {
        Set<String> lenders = new HashSet<>();
        for (Loan loan : loans) {
            if (loan.isActive()) {
                lenders.add(loan.lender().toLowerCase(Locale.ROOT));
            }
        }
        return lenders.size();
    }

    /** The profile as the lender gave it. */
    public BorrowerProfile getProfile() {
        return profile;
    }

    /** The evaluation date. */
    public LocalDate getAsOf() {
        return asOf;
    }

    public String getId() {
        return profile.id();
    }

    public Segment getSegment() {
        return profile.segment();
    }

    public String getRegion() {
        return profile.region();
    }

    /** The borrower's sector; {@code null} when unknown. */
    public @Nullable String getSector() {
        return profile.sector();
    }

    public BigDecimal getMonthlyIncome() {
        return profile.monthlyIncome();
    }

    public BigDecimal getCreditLimit() {
        return profile.creditLimit();
    }

    public int getCreditScore() {
        return profile.creditScore();
    }

    /** The score at the previous review; {@code null} for a thin file without history. */
    public @Nullable Integer getPreviousCreditScore() {
        return profile.previousCreditScore();
    }

    /** previous score − current score (negative when the score rose); {@code null} without a previous score. */
    public @Nullable Integer getScoreDrop() {
        Integer previous = profile.previousCreditScore();
        return previous == null ? null : previous - profile.creditScore();
    }

    /** Monthly debt service: the sum of monthly payments over active loans. */
    public BigDecimal getDebtService() {
        return debtService;
    }

    /** Debt-to-income: debt service ÷ monthly income; {@code null} when monthly income is 0. */
    public @Nullable BigDecimal getDti() {
        return dti;
    }

    /** The number of distinct lenders among active loans, ignoring case. */
    public int getActiveLenders() {
        return activeLenders;
    }

    /** How many months of revenue are known. */
    public int getRevenueMonths() {
        return profile.monthlyRevenue().size();
    }

    /** The latest month's revenue; {@code null} when no month is known. */
    public @Nullable BigDecimal getLastRevenue() {
        List<BigDecimal> r = profile.monthlyRevenue();
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    /**
     * The base the latest month is compared with: the mean of the {@code months} months before it; {@code null}
     * with fewer than {@code months} + 1 months of history.
     *
     * @throws IllegalArgumentException when {@code months} is less than 1
     */
    public @Nullable BigDecimal revenueBase(int months) {
        BigDecimal sum = sumBeforeLast(months);
        return sum == null ? null : sum.divide(BigDecimal.valueOf(months), RATIO);
    }

    /**
     * Whether the latest month's revenue is below {@code share} × the base of {@code months} months, computed
     * exactly (without dividing): last × months &lt; share × (sum of the months before). False with fewer than
     * {@code months} + 1 months of history.
     *
     * @throws IllegalArgumentException when {@code months} is less than 1
     */
    public boolean lastRevenueBelowShareOfBase(BigDecimal share, int months) {
        BigDecimal sum = sumBeforeLast(months);
        return sum != null && getLastRevenue().multiply(BigDecimal.valueOf(months)).compareTo(share.multiply(sum)) < 0;
    }

    /** The sum of the {@code months} months before the latest; {@code null} when fewer are known. */
    private @Nullable BigDecimal sumBeforeLast(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a revenue base needs at least 1 month, not " + months);
        }
        List<BigDecimal> r = profile.monthlyRevenue();
        if (r.size() < months + 1) {
            return null;
        }
        int first = r.size() - 1 - months;
        BigDecimal sum = r.get(first);
        for (BigDecimal month : r.subList(first + 1, r.size() - 1)) {
            sum = sum.add(month);
        }
        return sum;
    }

    /** The active regional downturns whose region contains the borrower's region. */
    public List<RegionalDownturn> getDownturns() {
        return downturns;
    }

    /** The active sector bans on the borrower's sector. */
    public List<SectorBan> getSectorBans() {
        return sectorBans;
    }

    /** Whether any active downturn covers the borrower's region. */
    public boolean isHasDownturns() {
        return !downturns.isEmpty();
    }

    /** Whether any active ban covers the borrower's sector. */
    public boolean isHasSectorBans() {
        return !sectorBans.isEmpty();
    }

    @Override
    public String toString() {
        return "Borrower[" + profile.id() + "]";
    }
}
