package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.testkit.ReferenceRestriction;
import io.github.creditrisk.testkit.SignalIndex;
import io.github.creditrisk.testkit.Verdict;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
import static io.github.creditrisk.testkit.ReferenceThresholds.DTI_FAR_ABOVE_MARGIN;
import static io.github.creditrisk.testkit.ReferenceThresholds.LENDERS_FOR_BLOCK;
import static io.github.creditrisk.testkit.ReferenceThresholds.LENDERS_FOR_REVIEW;
import static io.github.creditrisk.testkit.ReferenceThresholds.OVERDUE_DAYS_FOR_BLOCK;
import static io.github.creditrisk.testkit.ReferenceThresholds.OVERDUE_DAYS_FOR_FREEZE;
import static io.github.creditrisk.testkit.ReferenceThresholds.REVENUE_BASE_MONTHS;
import static io.github.creditrisk.testkit.ReferenceThresholds.REVENUE_COLLAPSE_SHARE;
import static io.github.creditrisk.testkit.ReferenceThresholds.SCORE_DROP_FOR_CUT;
import static io.github.creditrisk.testkit.ReferenceThresholds.SCORE_DROP_FOR_FREEZE;
import static io.github.creditrisk.testkit.ReferenceThresholds.dtiCeiling;

/**
 * The reference policy in Easy Rules 4.1, the lightweight Java rules engine the target names ("faster
 * than Easy Rules"): what a team would write instead of Drools, measured in the same run as the engine.
 *
 * <p>It follows the bundled DRL rule for rule: one Easy Rules rule per DRL rule, named by its id, with its
 * condition and action as lambdas over one fact, the {@link Applicant}. As in the engine, the values the rules
 * compare (debt service, the debt-to-income ratio to 34 digits, the distinct active lenders, the downturn that
 * applies) are worked out in Java when the fact is made, and the rules that classify (OVB-ABOVE and OVB-FAR-ABOVE
 * place the debt-to-income against the ceiling, DEL-EXCUSED and DEL-COUNTS sort the overdue loans, DEL-LONGEST
 * finds the longest that counts) run first, by priority. It compares with the thresholds
 * of {@link io.github.creditrisk.testkit.ReferenceThresholds}, reads the signals through the same
 * {@link SignalIndex} as the reference policy, and like it writes no sentences, so it does less than the
 * engine; it gives the reference policy's {@link Verdict}s (tested on 100,000 borrowers). Thread-safe: the
 * rules hold no state, and each decision has its own facts.
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
                        a -> a.impose(OVERBORROWING_REDUCE_LIMIT_30)),
                rule("OVB-2", RESTRICT,
                        a -> a.dtiFarAboveCeiling,
                        a -> a.impose(OVERBORROWING_BLOCK_NEW_BORROWING, OVERBORROWING_REDUCE_LIMIT_50)),
                rule("OVB-3", RESTRICT,
                        a -> a.activeLenders >= LENDERS_FOR_REVIEW && a.activeLenders < LENDERS_FOR_BLOCK,
                        a -> a.impose(OVERBORROWING_MANUAL_REVIEW)),
                rule("OVB-4", RESTRICT,
                        a -> a.activeLenders >= LENDERS_FOR_BLOCK,
                        a -> a.impose(OVERBORROWING_BLOCK_NEW_BORROWING)),
                rule("OVB-5", RESTRICT,
                        a -> a.profile.monthlyIncome().signum() == 0 && a.debtService.signum() > 0,
                        a -> a.impose(OVERBORROWING_MANUAL_REVIEW)),
                rule("REV-1", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && salesCollapsed(a.profile.monthlyRevenue()),
                        a -> a.impose(REVENUE_DECLINE_REDUCE_LIMIT_30)),
                rule("RGD-1", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.MEDIUM,
                        a -> a.impose(REGIONAL_DOWNTURN_FREEZE_LIMIT)),
                rule("RGD-2", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.HIGH,
                        a -> a.impose(REGIONAL_DOWNTURN_REDUCE_LIMIT_20)),
                rule("RGD-3", RESTRICT,
                        a -> a.segment == Segment.SMALL_BUSINESS_OWNER && a.downturn == Severity.SEVERE,
                        a -> a.impose(REGIONAL_DOWNTURN_REDUCE_LIMIT_40, REGIONAL_DOWNTURN_BLOCK_NEW_BORROWING)),
                rule("RGD-4", RESTRICT,
                        a -> (a.segment == Segment.ORDINARY || a.segment == Segment.FIRST_TIME)
                                && a.downturn == Severity.HIGH,
                        a -> a.impose(REGIONAL_DOWNTURN_FREEZE_LIMIT)),
                rule("RGD-5", RESTRICT,
                        a -> (a.segment == Segment.ORDINARY || a.segment == Segment.FIRST_TIME)
                                && a.downturn == Severity.SEVERE,
                        a -> a.impose(REGIONAL_DOWNTURN_REDUCE_LIMIT_20)),
                rule("RGD-6", RESTRICT,
                        a -> a.segment == Segment.HIGH_NET_WORTH && a.downturn == Severity.SEVERE,
                        a -> a.impose(REGIONAL_DOWNTURN_FREEZE_LIMIT)),
                rule("SEC-1", RESTRICT,
                        a -> signals.banned(a.profile.sector()),
                        a -> a.impose(SECTOR_BAN_BLOCK_NEW_BORROWING)),
                rule("SCD-1", RESTRICT,
                        a -> a.scoreDrop != null && a.scoreDrop >= SCORE_DROP_FOR_FREEZE && a.scoreDrop < SCORE_DROP_FOR_CUT,
                        a -> a.impose(SCORE_DROP_FREEZE_LIMIT)),
                rule("SCD-2", RESTRICT,
                        a -> a.scoreDrop != null && a.scoreDrop >= SCORE_DROP_FOR_CUT,
                        a -> a.impose(SCORE_DROP_REDUCE_LIMIT_50, SCORE_DROP_MANUAL_REVIEW)),
                rule("DEL-EXCUSED", CLASSIFY,
                        a -> a.anyOverdueIn(signals),
                        a -> a.excuseOverdueIn(signals)),
                rule("DEL-0", RESTRICT,
                        a -> a.excused != null,
                        Applicant::exemptExcused),
                rule("DEL-COUNTS", CLASSIFY_FURTHER,
                        a -> a.overdue.length > 0,
                        Applicant::countOverdue),
                rule("DEL-LONGEST", DERIVE,
                        a -> a.anyOverdueCounted(),
                        Applicant::findLongestOverdue),
                rule("DEL-1", RESTRICT,
                        a -> a.longestOverdue > OVERDUE_DAYS_FOR_BLOCK && a.longestOverdue <= OVERDUE_DAYS_FOR_FREEZE,
                        a -> a.impose(DELINQUENCY_BLOCK_NEW_BORROWING)),
                rule("DEL-2", RESTRICT,
                        a -> a.longestOverdue > OVERDUE_DAYS_FOR_FREEZE,
                        a -> a.impose(DELINQUENCY_BLOCK_NEW_BORROWING, DELINQUENCY_FREEZE_LIMIT)));
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
        return Verdict.of(profile.creditLimit(), applicant.restrictions, applicant.exemptions);
    }

    private static Rule rule(String name, int priority, Predicate<Applicant> when, Consumer<Applicant> then) {
        return new RuleBuilder()
                .name(name)
                .priority(priority)
                .when(facts -> when.test(facts.get(APPLICANT)))
                .then(facts -> then.accept(facts.get(APPLICANT)))
                .build();
    }

    /** The latest month's sales below 60% of the mean of the three months before (compared exactly). */
    private static boolean salesCollapsed(List<BigDecimal> revenue) {
        int latest = revenue.size() - 1;
        if (latest < REVENUE_BASE_MONTHS) {
            return false;
        }
        BigDecimal base = BigDecimal.ZERO;
        for (int month = latest - REVENUE_BASE_MONTHS; month < latest; month++) {
            base = base.add(revenue.get(month));
        }
        return base.signum() > 0 && revenue.get(latest).multiply(BigDecimal.valueOf(REVENUE_BASE_MONTHS))
                .compareTo(REVENUE_COLLAPSE_SHARE.multiply(base)) < 0;
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
        final Set<ReferenceRestriction> restrictions = EnumSet.noneOf(ReferenceRestriction.class);
        int exemptions;

        Applicant(BorrowerProfile profile, SignalIndex signals) {
            this.profile = profile;
            this.segment = profile.segment();
            BigDecimal service = BigDecimal.ZERO;
            List<Loan> loans = profile.loans();
            Set<String> lenders = new HashSet<>();
            Loan[] overdueLoans = new Loan[loans.size()];
            int overdueCount = 0;
            for (Loan loan : loans) {
                if (!loan.isActive()) {
                    continue;
                }
                service = service.add(loan.monthlyPayment());
                lenders.add(loan.lender().toLowerCase(Locale.ROOT));
                if (loan.daysPastDue() > 0) {
                    overdueLoans[overdueCount++] = loan;
                }
            }
            this.debtService = service;
            this.dti = profile.monthlyIncome().signum() > 0 ? service.divide(profile.monthlyIncome(), RATIO) : null;
            this.activeLenders = lenders.size();
            this.scoreDrop = profile.previousCreditScore() == null ? null
                    : profile.previousCreditScore() - profile.creditScore();
            this.downturn = signals.worstDownturn(profile.region()).orElse(null);
            this.overdue = Arrays.copyOf(overdueLoans, overdueCount);
            this.overdueSince = new LocalDate[overdueCount];
            for (int i = 0; i < overdueCount; i++) {
                overdueSince[i] = signals.asOf().minusDays(overdue[i].daysPastDue());
            }
        }

        void impose(ReferenceRestriction... found) {
            Collections.addAll(restrictions, found);
        }

        boolean anyOverdueIn(SignalIndex signals) {
            if (!signals.hasOutages()) {
                return false;
            }
            for (LocalDate since : overdueSince) {
                if (signals.duringOutage(since)) {
                    return true;
                }
            }
            return false;
        }

        /** DEL-EXCUSED: loans overdue since an outage are excused. */
        void excuseOverdueIn(SignalIndex signals) {
            excused = new boolean[overdue.length];
            for (int i = 0; i < overdue.length; i++) {
                excused[i] = signals.duringOutage(overdueSince[i]);
            }
        }

        /** DEL-0: each excused overdue is an exemption; identical exemptions are granted once. */
        void exemptExcused() {
            Set<String> granted = new HashSet<>();
            for (int i = 0; i < overdue.length; i++) {
                if (excused[i]) {
                    granted.add(overdue[i].lender() + "/" + overdue[i].daysPastDue());
                }
            }
            exemptions = granted.size();
        }

        /** DEL-COUNTS: the overdue loans no outage excuses count. */
        void countOverdue() {
            counts = new boolean[overdue.length];
            for (int i = 0; i < overdue.length; i++) {
                counts[i] = excused == null || !excused[i];
            }
        }

        boolean anyOverdueCounted() {
            for (int i = 0; counts != null && i < overdue.length; i++) {
                if (counts[i]) {
                    return true;
                }
            }
            return false;
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
