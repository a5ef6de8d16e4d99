package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.benchmarks.HandWrittenPolicy.Family;
import io.github.creditrisk.benchmarks.HandWrittenPolicy.Verdict;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The reference policy in Easy Rules 4.1, the lightweight Java rules engine the target names ("faster
 * than Easy Rules"): what a team would write instead of Drools, measured in the same run as the engine.
 *
 * <p>It follows the bundled DRL rule for rule: one Easy Rules rule per DRL rule, named by its id, with its
 * condition and action as lambdas over one fact, the {@link Applicant}. As in the engine, the values the rules
 * compare (debt service, the debt-to-income ratio to 34 digits, the distinct active lenders, the downturn that
 * applies) are worked out in Java when the fact is made, and the rules that classify (OVB-ABOVE and OVB-FAR-ABOVE
 * place the debt-to-income against the ceiling, DEL-EXCUSED and DEL-COUNTS sort the overdue loans, DEL-LONGEST
 * finds the longest that counts) run first, by priority. Like {@link HandWrittenPolicy} it
 * writes no sentences, so it does less than the engine, and it gives the same {@link Verdict}s (tested on
 * 100,000 borrowers). Thread-safe: the rules hold no state, and each decision has its own facts.
 */
public final class EasyRulesPolicy {

    private static final String APPLICANT = "applicant";
    /**
     * Priorities (lower fires first): what the borrower's figures are, then what follows from that, then the
     * longest overdue that counts, then the rules that restrict or exempt.
     */
    private static final int CLASSIFY = 0;
    private static final int CLASSIFY_FURTHER = 1;
    private static final int DERIVE = 2;
    private static final int RESTRICT = 3;

    private static final MathContext RATIO = MathContext.DECIMAL128;

    private final SignalIndex signals;
    private final Rules rules;
    private final RulesEngine engine = new DefaultRulesEngine();

    /** Indexes the context's signals and builds the rules. */
    public EasyRulesPolicy(EvaluationContext context) {
        this.signals = new SignalIndex(context);
        this.rules = new Rules(
                rule("OVB-ABOVE", CLASSIFY,
                        a -> a.dti != null && a.dti.compareTo(dtiCeiling(a.segment)) > 0,
                        a -> a.dtiAboveCeiling = dtiCeiling(a.segment)),
                rule("OVB-FAR-ABOVE", CLASSIFY_FURTHER,
                        a -> a.dtiAboveCeiling != null
                                && a.dti.compareTo(a.dtiAboveCeiling.add(DTI_FAR_ABOVE_MARGIN)) > 0,
                        a -> a.dtiFarAboveCeiling = true),
                rule("OVB-1", RESTRICT,
                        a -> a.dtiAboveCeiling != null && !a.dtiFarAboveCeiling,
                        a -> a.reduce(Family.OVERBORROWING, 30)),
                rule("OVB-2", RESTRICT,
                        a -> a.dtiFarAboveCeiling,
                        a -> a.restrict(Family.OVERBORROWING, RestrictionType.BLOCK_NEW_BORROWING)
                                .reduce(Family.OVERBORROWING, 50)),
                rule("OVB-3", RESTRICT,
                        a -> a.activeLenders >= LENDERS_FOR_REVIEW && a.activeLenders < LENDERS_FOR_BLOCK,
                        a -> a.restrict(Family.OVERBORROWING, RestrictionType.MANUAL_REVIEW)),
                rule("OVB-4", RESTRICT,
                        a -> a.activeLenders >= LENDERS_FOR_BLOCK,
                        a -> a.restrict(Family.OVERBORROWING, RestrictionType.BLOCK_NEW_BORROWING)),
                rule("OVB-5", RESTRICT,
                        a -> a.profile.monthlyIncome().signum() == 0 && a.debtService.signum() > 0,
                        a -> a.restrict(Family.OVERBORROWING, RestrictionType.MANUAL_REVIEW)),
                rule("REV-1", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && salesCollapsed(a.profile.monthlyRevenue()),
                        a -> a.reduce(Family.REVENUE_DECLINE, 30)),
                rule("RGD-1", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.MEDIUM,
                        a -> a.restrict(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT)),
                rule("RGD-2", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.HIGH,
                        a -> a.reduce(Family.REGIONAL_DOWNTURN, 20)),
                rule("RGD-3", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.SEVERE,
                        a -> a.reduce(Family.REGIONAL_DOWNTURN, 40)
                                .restrict(Family.REGIONAL_DOWNTURN, RestrictionType.BLOCK_NEW_BORROWING)),
                rule("RGD-4", RESTRICT,
                        a -> (a.segment == Segment.ORDINARY || a.segment == Segment.FIRST_TIME)
                                && a.downturn == Severity.HIGH,
                        a -> a.restrict(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT)),
                rule("RGD-5", RESTRICT,
                        a -> (a.segment == Segment.ORDINARY || a.segment == Segment.FIRST_TIME)
                                && a.downturn == Severity.SEVERE,
                        a -> a.reduce(Family.REGIONAL_DOWNTURN, 20)),
                rule("RGD-6", RESTRICT,
                        a -> a.segment == Segment.HIGH_NET_WORTH && a.downturn == Severity.SEVERE,
                        a -> a.restrict(Family.REGIONAL_DOWNTURN, RestrictionType.FREEZE_LIMIT)),
                rule("SEC-1", RESTRICT,
                        a -> signals.banned(a.profile.sector()),
                        a -> a.restrict(Family.SECTOR_BAN, RestrictionType.BLOCK_NEW_BORROWING)),
                rule("SCD-1", RESTRICT,
                        a -> a.scoreDrop != null && a.scoreDrop >= SCORE_DROP_FOR_FREEZE && a.scoreDrop < SCORE_DROP_FOR_CUT,
                        a -> a.restrict(Family.SCORE_DROP, RestrictionType.FREEZE_LIMIT)),
                rule("SCD-2", RESTRICT,
                        a -> a.scoreDrop != null && a.scoreDrop >= SCORE_DROP_FOR_CUT,
                        a -> a.reduce(Family.SCORE_DROP, 50).restrict(Family.SCORE_DROP, RestrictionType.MANUAL_REVIEW)),
                rule("DEL-EXCUSED", CLASSIFY,
                        a -> a.anyOverdueIn(signals),
                        a -> a.excuseOverdueIn(signals)),
                rule("DEL-0", RESTRICT,
                        a -> a.anyExcused(),
                        Applicant::exemptExcused),
                rule("DEL-COUNTS", CLASSIFY_FURTHER,
                        a -> a.anyOverdueCounted(),
                        Applicant::countOverdue),
                rule("DEL-LONGEST", DERIVE,
                        a -> a.counts != null,
                        Applicant::findLongestOverdue),
                rule("DEL-1", RESTRICT,
                        a -> a.longestOverdue > OVERDUE_DAYS_FOR_BLOCK && a.longestOverdue <= OVERDUE_DAYS_FOR_FREEZE,
                        a -> a.restrict(Family.DELINQUENCY, RestrictionType.BLOCK_NEW_BORROWING)),
                rule("DEL-2", RESTRICT,
                        a -> a.longestOverdue > OVERDUE_DAYS_FOR_FREEZE,
                        a -> a.restrict(Family.DELINQUENCY, RestrictionType.BLOCK_NEW_BORROWING)
                                .restrict(Family.DELINQUENCY, RestrictionType.FREEZE_LIMIT)));
    }

    /**
     * The rules' names, sorted: the bundled DRL rules' ids, but RGD-WORST (the downturn that applies is looked up in
     * Java when the fact is made, as the engine's index of signals does).
     */
    public SortedSet<String> ruleNames() {
        SortedSet<String> names = new TreeSet<>();
        rules.forEach(r -> names.add(r.getName()));
        return names;
    }

    public Verdict decide(BorrowerProfile profile) {
        Applicant applicant = new Applicant(profile, signals);
        Facts facts = new Facts();
        facts.put(APPLICANT, applicant);
        engine.fire(rules, facts);
        return Verdict.of(profile.creditLimit(), applicant.restrictions, applicant.cut, applicant.exemptions);
    }

    private static Rule rule(String name, int priority, Predicate<Applicant> when, Consumer<Applicant> then) {
        return new RuleBuilder()
                .name(name)
                .priority(priority)
                .when(facts -> when.test(facts.get(APPLICANT)))
                .then(facts -> then.accept(facts.get(APPLICANT)))
                .build();
    }

    // ---- the thresholds, as parameters.drl has them ----------------------------------------------------------

    private static BigDecimal dtiCeiling(Segment segment) {
        return switch (segment) {
            case ORDINARY -> new BigDecimal("0.50");
            case SMALL_BUSINESS_OWNER -> new BigDecimal("0.60");
            case HIGH_NET_WORTH -> new BigDecimal("0.70");
            case FIRST_TIME -> new BigDecimal("0.40");
        };
    }

    private static final BigDecimal DTI_FAR_ABOVE_MARGIN = new BigDecimal("0.20");
    private static final BigDecimal REVENUE_COLLAPSE_SHARE = new BigDecimal("0.60");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final int LENDERS_FOR_REVIEW = 4;
    private static final int LENDERS_FOR_BLOCK = 6;
    private static final int SCORE_DROP_FOR_FREEZE = 50;
    private static final int SCORE_DROP_FOR_CUT = 100;
    private static final int OVERDUE_DAYS_FOR_BLOCK = 30;
    private static final int OVERDUE_DAYS_FOR_FREEZE = 90;

    /** The latest month's sales below 60% of the mean of the three months before (compared exactly). */
    private static boolean salesCollapsed(List<BigDecimal> revenue) {
        int n = revenue.size();
        if (n < 4) {
            return false;
        }
        BigDecimal base = revenue.get(n - 4).add(revenue.get(n - 3)).add(revenue.get(n - 2));
        return base.signum() > 0
                && revenue.get(n - 1).multiply(THREE).compareTo(REVENUE_COLLAPSE_SHARE.multiply(base)) < 0;
    }

    /**
     * The one fact the rules see: the borrower with the values the rules compare, worked out when it is made (as
     * the engine's {@code Borrower} fact does), and what the rules have found so far.
     */
    static final class Applicant {
        final BorrowerProfile profile;
        final Segment segment;
        final BigDecimal debtService;
        final BigDecimal dti;
        final int activeLenders;
        final Integer scoreDrop;
        final Severity downturn;
        /** The active overdue loans, and since when each is overdue. */
        private final Loan[] overdue;
        private final LocalDate[] overdueSince;
        private boolean[] excused;
        private boolean[] counts;

        BigDecimal dtiAboveCeiling;
        boolean dtiFarAboveCeiling;
        int longestOverdue;
        int restrictions;
        int cut;
        int exemptions;

        Applicant(BorrowerProfile profile, SignalIndex signals) {
            this.profile = profile;
            this.segment = profile.segment();
            BigDecimal service = BigDecimal.ZERO;
            List<Loan> loans = profile.loans();
            String[] lenders = new String[loans.size()];
            int distinct = 0;
            Loan[] overdueLoans = new Loan[loans.size()];
            int overdueCount = 0;
            for (Loan loan : loans) {
                if (!loan.isActive()) {
                    continue;
                }
                service = service.add(loan.monthlyPayment());
                distinct = HandWrittenPolicy.addDistinct(lenders, distinct, loan.lender().toLowerCase(Locale.ROOT));
                if (loan.daysPastDue() > 0) {
                    overdueLoans[overdueCount++] = loan;
                }
            }
            this.debtService = service;
            this.dti = profile.monthlyIncome().signum() > 0 ? service.divide(profile.monthlyIncome(), RATIO) : null;
            this.activeLenders = distinct;
            this.scoreDrop = profile.previousCreditScore() == null ? null
                    : profile.previousCreditScore() - profile.creditScore();
            this.downturn = signals.worstDownturn(profile.region());
            this.overdue = java.util.Arrays.copyOf(overdueLoans, overdueCount);
            this.overdueSince = new LocalDate[overdueCount];
            for (int i = 0; i < overdueCount; i++) {
                overdueSince[i] = signals.asOf.minusDays(overdue[i].daysPastDue());
            }
        }

        Applicant restrict(Family family, RestrictionType type) {
            restrictions |= Verdict.bit(family, type);
            return this;
        }

        Applicant reduce(Family family, int percent) {
            cut = Math.max(cut, percent);
            return restrict(family, RestrictionType.REDUCE_LIMIT);
        }

        boolean anyOverdueIn(SignalIndex signals) {
            if (!signals.hasOutages()) {
                return false;
            }
            for (LocalDate since : overdueSince) {
                if (signals.coveredByOutage(since)) {
                    return true;
                }
            }
            return false;
        }

        /** DEL-EXCUSED: loans overdue since an outage are excused. */
        void excuseOverdueIn(SignalIndex signals) {
            excused = new boolean[overdue.length];
            for (int i = 0; i < overdue.length; i++) {
                excused[i] = signals.coveredByOutage(overdueSince[i]);
            }
        }

        boolean anyExcused() {
            return excused != null;
        }

        /** DEL-0: each excused overdue is an exemption; identical exemptions are granted once. */
        void exemptExcused() {
            String[] granted = new String[overdue.length];
            for (int i = 0; i < overdue.length; i++) {
                if (excused[i]) {
                    exemptions = HandWrittenPolicy.addDistinct(granted, exemptions,
                            overdue[i].lender() + "/" + overdue[i].daysPastDue());
                }
            }
        }

        boolean anyOverdueCounted() {
            for (int i = 0; i < overdue.length; i++) {
                if (excused == null || !excused[i]) {
                    return true;
                }
            }
            return false;
        }

        /** DEL-COUNTS: the overdue loans no outage excuses count. */
        void countOverdue() {
            counts = new boolean[overdue.length];
            for (int i = 0; i < overdue.length; i++) {
                counts[i] = excused == null || !excused[i];
            }
        }

        /** DEL-LONGEST: the longest overdue among the loans that count. */
        void findLongestOverdue() {
            for (int i = 0; i < overdue.length; i++) {
                if (counts[i]) {
                    longestOverdue = Math.max(longestOverdue, overdue[i].daysPastDue());
                }
            }
        }
    }
}
