package io.github.creditrisk.testkit;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.github.creditrisk.testkit.ReferenceRestriction.DELINQUENCY_BLOCK_NEW_BORROWING;
import static io.github.creditrisk.testkit.ReferenceRestriction.DELINQUENCY_FREEZE_LIMIT;
import static io.github.creditrisk.testkit.ReferenceRestriction.OVERBORROWING_BLOCK_NEW_BORROWING;
import static io.github.creditrisk.testkit.ReferenceRestriction.OVERBORROWING_MANUAL_REVIEW;
import static io.github.creditrisk.testkit.ReferenceRestriction.OVERBORROWING_REDUCE_LIMIT_30;
import static io.github.creditrisk.testkit.ReferenceRestriction.OVERBORROWING_REDUCE_LIMIT_50;
import static io.github.creditrisk.testkit.ReferenceRestriction.REGIONAL_DOWNTURN_BLOCK_NEW_BORROWING;
import static io.github.creditrisk.testkit.ReferenceRestriction.REGIONAL_DOWNTURN_FREEZE_LIMIT;
import static io.github.creditrisk.testkit.ReferenceRestriction.REGIONAL_DOWNTURN_REDUCE_LIMIT_20;
import static io.github.creditrisk.testkit.ReferenceRestriction.REGIONAL_DOWNTURN_REDUCE_LIMIT_40;
import static io.github.creditrisk.testkit.ReferenceRestriction.REVENUE_DECLINE_REDUCE_LIMIT_30;
import static io.github.creditrisk.testkit.ReferenceRestriction.SCORE_DROP_FREEZE_LIMIT;
import static io.github.creditrisk.testkit.ReferenceRestriction.SCORE_DROP_MANUAL_REVIEW;
import static io.github.creditrisk.testkit.ReferenceRestriction.SCORE_DROP_REDUCE_LIMIT_50;
import static io.github.creditrisk.testkit.ReferenceRestriction.SECTOR_BAN_BLOCK_NEW_BORROWING;

/**
 * The reference credit-line policy (v1) in plain Java, written once from its tables (in
 * {@code rules/README.md}, "The policy") and independent of any engine: what the bundled rules must decide,
 * and the baseline the benchmarks measure the engine against. For a borrower and the signals in force it gives
 * the {@link Verdict}: the outcome, the recommended limit, the restrictions by family and type (with the cut
 * of each), and the number of exemptions. It writes no sentences.
 *
 * <p>Its numbers are {@link ReferenceThresholds} and {@link ReferenceRestriction}. Amounts are compared
 * exactly, without dividing: a debt-to-income of exactly a ceiling is not above it.
 *
 * <pre>{@code
 * ReferencePolicy reference = new ReferencePolicy(context);
 * Decision decision = engine.evaluate(borrower, context);
 * assertThat(reference.decide(borrower).differencesFrom(decision)).isEmpty();
 * }</pre>
 *
 * <p>Thread-safe: it holds only the context's signals, indexed once ({@link SignalIndex}), and each decision
 * works on its own values.
 */
public final class ReferencePolicy {

    private final SignalIndex signals;
    private final PolicyThresholds t;

    /** The policy with {@code context}'s signals in force, as of its date. */
    public ReferencePolicy(EvaluationContext context) {
        this(context, PolicyThresholds.REFERENCE);
    }

    /**
     * The policy with its thresholds moved to {@code thresholds} (for a changed copy of the rules), with
     * {@code context}'s signals in force, as of its date.
     */
    public ReferencePolicy(EvaluationContext context, PolicyThresholds thresholds) {
        this.signals = new SignalIndex(context);
        this.t = java.util.Objects.requireNonNull(thresholds, "thresholds");
    }

    /** What the policy decides for {@code borrower} under {@code context}, the signals indexed for it alone. */
    public static Verdict decide(BorrowerProfile borrower, EvaluationContext context) {
        return new ReferencePolicy(context).decide(borrower);
    }

    /** What the policy decides for {@code borrower} with this policy's signals in force. */
    public Verdict decide(BorrowerProfile borrower) {
        Set<ReferenceRestriction> found = EnumSet.noneOf(ReferenceRestriction.class);
        Loans loans = new Loans(borrower.loans(), signals);
        overborrowing(borrower, loans, found);
        revenueDecline(borrower, found);
        regionalDownturn(borrower, found);
        if (signals.banned(borrower.sector())) {
            found.add(SECTOR_BAN_BLOCK_NEW_BORROWING);
        }
        scoreDrop(borrower, found);
        delinquency(loans, found);
        return Verdict.of(borrower.creditLimit(), found, loans.exemptions);
    }

    private void overborrowing(BorrowerProfile b, Loans loans, Set<ReferenceRestriction> found) {
        BigDecimal income = b.monthlyIncome();
        if (income.signum() > 0) {
            // DTI above a ceiling ⇔ debt service above ceiling × income: exact, without dividing.
            BigDecimal ceiling = t.dtiCeiling(b.segment());
            if (loans.debtService.compareTo(ceiling.add(t.dtiFarAboveMargin()).multiply(income)) > 0) {
                found.add(OVERBORROWING_BLOCK_NEW_BORROWING);
                found.add(OVERBORROWING_REDUCE_LIMIT_50);
            } else if (loans.debtService.compareTo(ceiling.multiply(income)) > 0) {
                found.add(OVERBORROWING_REDUCE_LIMIT_30);
            }
        } else if (loans.debtService.signum() > 0) {
            found.add(OVERBORROWING_MANUAL_REVIEW); // debts, but no verified income to weigh them against
        }
        if (loans.lenders >= t.lendersForBlock()) {
            found.add(OVERBORROWING_BLOCK_NEW_BORROWING);
        } else if (loans.lenders >= t.lendersForReview()) {
            found.add(OVERBORROWING_MANUAL_REVIEW);
        }
    }

    private void revenueDecline(BorrowerProfile b, Set<ReferenceRestriction> found) {
        List<BigDecimal> revenue = b.monthlyRevenue();
        int latest = revenue.size() - 1;
        if (b.segment() != Segment.SMALL_BUSINESS_OWNER || latest < t.revenueBaseMonths()) {
            return;
        }
        BigDecimal base = BigDecimal.ZERO;
        for (int month = latest - t.revenueBaseMonths(); month < latest; month++) {
            base = base.add(revenue.get(month));
        }
        // latest < share × base / months ⇔ latest × months < share × base: exact, without dividing.
        if (base.signum() > 0 && revenue.get(latest).multiply(BigDecimal.valueOf(t.revenueBaseMonths()))
                .compareTo(t.revenueCollapseShare().multiply(base)) < 0) {
            found.add(REVENUE_DECLINE_REDUCE_LIMIT_30);
        }
    }

    /** The segment × severity table of the policy, for the most severe downturn over the borrower's region. */
    private void regionalDownturn(BorrowerProfile b, Set<ReferenceRestriction> found) {
        Severity worst = signals.worstDownturn(b.region()).orElse(Severity.LOW);
        switch (b.segment()) {
            case SMALL_BUSINESS_OWNER -> {
                switch (worst) {
                    case MEDIUM -> found.add(REGIONAL_DOWNTURN_FREEZE_LIMIT);
                    case HIGH -> found.add(REGIONAL_DOWNTURN_REDUCE_LIMIT_20);
                    case SEVERE -> {
                        found.add(REGIONAL_DOWNTURN_REDUCE_LIMIT_40);
                        found.add(REGIONAL_DOWNTURN_BLOCK_NEW_BORROWING);
                    }
                    default -> { }
                }
            }
            case ORDINARY, FIRST_TIME -> {
                switch (worst) {
                    case HIGH -> found.add(REGIONAL_DOWNTURN_FREEZE_LIMIT);
                    case SEVERE -> found.add(REGIONAL_DOWNTURN_REDUCE_LIMIT_20);
                    default -> { }
                }
            }
            case HIGH_NET_WORTH -> {
                if (worst == Severity.SEVERE) {
                    found.add(REGIONAL_DOWNTURN_FREEZE_LIMIT);
                }
            }
        }
    }

    private void scoreDrop(BorrowerProfile b, Set<ReferenceRestriction> found) {
        if (b.previousCreditScore() == null) {
            return; // a thin file is never penalised for having no history
        }
        int drop = b.previousCreditScore() - b.creditScore();
        if (drop >= t.scoreDropForCut()) {
            found.add(SCORE_DROP_REDUCE_LIMIT_50);
            found.add(SCORE_DROP_MANUAL_REVIEW);
        } else if (drop >= t.scoreDropForFreeze()) {
            found.add(SCORE_DROP_FREEZE_LIMIT);
        }
    }

    private void delinquency(Loans loans, Set<ReferenceRestriction> found) {
        if (loans.longestOverdue > t.overdueDaysForFreeze()) {
            found.add(DELINQUENCY_BLOCK_NEW_BORROWING);
            found.add(DELINQUENCY_FREEZE_LIMIT);
        } else if (loans.longestOverdue > t.overdueDaysForBlock()) {
            found.add(DELINQUENCY_BLOCK_NEW_BORROWING);
        }
    }

    /**
     * The policy's terms over a borrower's active loans (outstanding above 0): the monthly debt service, the
     * distinct lenders ignoring case, and the overdue loans. A loan overdue since a day inside a service
     * outage is exempt and counts for nothing; the longest overdue is that of the loans that are not.
     */
    private static final class Loans {
        BigDecimal debtService = BigDecimal.ZERO;
        int lenders;
        int longestOverdue;
        int exemptions;

        Loans(List<Loan> loans, SignalIndex signals) {
            // A borrower has a handful of loans: names are told apart in an array rather than a hash set.
            String[] seen = new String[loans.size()];
            Set<String> exempted = null;
            for (Loan loan : loans) {
                if (loan.outstanding().signum() <= 0) {
                    continue;
                }
                debtService = debtService.add(loan.monthlyPayment());
                lenders = addDistinct(seen, lenders, loan.lender().toLowerCase(Locale.ROOT));
                if (loan.daysPastDue() > 0) {
                    LocalDate overdueSince = signals.asOf().minusDays(loan.daysPastDue());
                    if (signals.hasOutages() && signals.duringOutage(overdueSince)) {
                        if (exempted == null) {
                            exempted = new HashSet<>();
                        }
                        // The same lender and days make the same exemption, which is granted once.
                        exempted.add(loan.lender() + "/" + loan.daysPastDue());
                    } else {
                        longestOverdue = Math.max(longestOverdue, loan.daysPastDue());
                    }
                }
            }
            exemptions = exempted == null ? 0 : exempted.size();
        }

        /** Adds {@code name} to the first {@code count} of {@code seen} unless it is there; the new count. */
        private static int addDistinct(String[] seen, int count, String name) {
            for (int i = 0; i < count; i++) {
                if (seen[i].equals(name)) {
                    return count;
                }
            }
            seen[count] = name;
            return count + 1;
        }
    }
}
