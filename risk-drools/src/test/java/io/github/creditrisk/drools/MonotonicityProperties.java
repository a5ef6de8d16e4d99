package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monotonicity of the bundled policy over generated borrowers and signals: a borrower made worse in one way
 * (more debt, less income, a downturn where they live, a ban on their sector, a deeper score drop, a new
 * overdue) never ends with a less severe outcome (APPROVE &lt; REVIEW &lt; RESTRICT), nor, where the change
 * can only cut, with a higher recommended limit. And the other way round: an outage of the lender's can
 * only help.
 *
 * <p>One edge of the policy is not monotone, and the properties say exactly where it lies. DTI is defined
 * only for an income above 0; an income of 0 means "not verified", and then repayments lead to a manual
 * review (OVB-5) instead of the DTI rules. So lowering an income to 0 can turn RESTRICT (a DTI far above
 * the ceiling: block and cut 50%) into REVIEW with the full limit: an ordinary customer earning 1,000 and
 * repaying 800 a month is RESTRICT, 80,000 to 40,000; the same customer with no verified income is REVIEW,
 * 80,000 kept. Lowering income is therefore checked for new incomes above 0, and going to 0 has a property
 * of its own: with repayments due, it is never APPROVE.
 */
@Label("Worse inputs never give a milder decision")
class MonotonicityProperties extends GeneratedInputs {

    private static final LocalDate AS_OF = Generated.AS_OF;

    @Provide
    Arbitrary<Loan> newDebts() {
        return net.jqwik.api.Combinators.combine(
                Arbitraries.of("Ant Credit", "bank a", "New Lender", "Another Lender", "Star Loans"),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("200000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(2))
                .as((lender, outstanding, payment) -> new Loan(lender, outstanding, payment, 0));
    }

    @Provide
    Arbitrary<Severity> severities() {
        return Arbitraries.of(Severity.class);
    }

    private static Decision decide(BorrowerProfile b, List<Signal> signals) {
        return Engines.BUNDLED.evaluate(b, EvaluationContext.of(AS_OF, signals));
    }

    private static int severity(Outcome o) {
        return switch (o) {
            case APPROVE -> 0;
            case REVIEW -> 1;
            case RESTRICT -> 2;
        };
    }

    /** {@code worse} is at least as severe as {@code before}. */
    private static void assertNoMilder(Decision before, Decision worse) {
        assertThat(severity(worse.outcome())).as("%s became %s", before.outcome(), worse.outcome())
                .isGreaterThanOrEqualTo(severity(before.outcome()));
    }

    /** {@code worse} is at least as severe, and its recommended limit no higher. */
    private static void assertNoMilderAndNoHigherLimit(Decision before, Decision worse) {
        assertNoMilder(before, worse);
        assertThat(worse.recommendedLimit()).isLessThanOrEqualTo(before.recommendedLimit());
    }

    private static List<Signal> plus(List<Signal> signals, Signal extra) {
        List<Signal> more = new ArrayList<>(signals);
        more.add(extra);
        return more;
    }

    @Property(tries = 300)
    @Label("more debt on a new active loan never makes the decision milder or the limit higher")
    void moreDebt(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                  @ForAll("newDebts") Loan debt) {
        BorrowerProfile worse = b.toBuilder().loan(debt).build();

        assertNoMilderAndNoHigherLimit(decide(b, s), decide(worse, s));
    }

    @Property(tries = 300)
    @Label("a lower income, still above 0, never makes the decision milder or the limit higher")
    void lowerIncome(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                     @ForAll @IntRange(min = 1, max = 100) int percentKept) {
        Assume.that(b.monthlyIncome().signum() > 0);
        BigDecimal lower = b.monthlyIncome().multiply(BigDecimal.valueOf(percentKept))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN).max(new BigDecimal("0.01"))
                .min(b.monthlyIncome());
        BorrowerProfile worse = b.toBuilder().monthlyIncome(lower).build();

        assertNoMilderAndNoHigherLimit(decide(b, s), decide(worse, s));
    }

    @Property(tries = 200)
    @Label("an income that drops to 0 (unverified) never approves a borrower who has repayments due")
    void incomeToZero(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        BorrowerProfile unverified = b.toBuilder().monthlyIncome(BigDecimal.ZERO).build();
        Decision d = decide(unverified, s);

        boolean repays = b.loans().stream().anyMatch(l -> l.isActive() && l.monthlyPayment().signum() > 0);
        if (repays) {
            assertThat(d.outcome()).isNotEqualTo(Outcome.APPROVE);
        }
    }

    @Example
    @Label("the exception: an income dropping to 0 can make the decision milder")
    void anIncomeDroppingToZeroCanMakeTheDecisionMilder() {
        // The documented exception to monotonicity: DTI is undefined at 0, and OVB-5 reviews instead.
        BorrowerProfile earning = Borrowers.ordinary().monthlyIncome("1000").creditLimit("80000")
                .loans(List.of(Loan.of("Home Bank", "20000", "800"))).build();

        Decision before = decide(earning, List.of());
        Decision unverified = decide(earning.toBuilder().monthlyIncome("0").build(), List.of());

        assertThat(before.outcome()).isEqualTo(Outcome.RESTRICT);
        assertThat(before.recommendedLimit()).isEqualByComparingTo("40000");
        assertThat(unverified.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(unverified.recommendedLimit()).isEqualByComparingTo("80000");
    }

    @Property(tries = 300)
    @Label("a matching active downturn, of any severity, never makes the decision milder or the limit higher")
    void aDownturnWhereTheBorrowerLives(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                                         @ForAll("severities") Severity severity,
                                         @ForAll @IntRange(min = 0, max = 3) int levelsUp, @ForAll boolean openEnded) {
        // The borrower's region or one that contains it (CN-GD for CN-GD-SZ), in any case.
        String[] parts = b.region().split("-");
        String region = String.join("-", java.util.Arrays.copyOf(parts, Math.max(1, parts.length - levelsUp)));
        region = levelsUp % 2 == 0 ? region : region.toLowerCase(Locale.ROOT);
        RegionalDownturn downturn = new RegionalDownturn(null, region, severity, AS_OF.minusDays(levelsUp),
                openEnded ? null : AS_OF.plusDays(levelsUp), "added");

        assertNoMilderAndNoHigherLimit(decide(b, s), decide(b, plus(s, downturn)));
    }

    @Property(tries = 300)
    @Label("a matching severe downturn is always a restriction")
    void aSevereDownturnAlwaysRestricts(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        Decision d = decide(b, plus(s, new RegionalDownturn(null, b.region(), Severity.SEVERE, AS_OF, null, null)));

        assertThat(d.outcome()).isEqualTo(Outcome.RESTRICT);
    }

    @Property(tries = 300)
    @Label("a matching active ban on the borrower's sector always restricts, and never moves the limit")
    void aBanOnTheBorrowersSector(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                                  @ForAll boolean lowerCase, @ForAll boolean openEnded) {
        Assume.that(b.sector() != null);
        String sector = lowerCase ? b.sector().toLowerCase(Locale.ROOT) : b.sector().toUpperCase(Locale.ROOT);
        SectorBan ban = new SectorBan(null, sector, "Notice 9", AS_OF, openEnded ? null : AS_OF);

        Decision before = decide(b, s);
        Decision banned = decide(b, plus(s, ban));

        assertNoMilder(before, banned);
        assertThat(banned.outcome()).isEqualTo(Outcome.RESTRICT);
        assertThat(banned.recommendedLimit()).isEqualByComparingTo(before.recommendedLimit());
    }

    @Property(tries = 300)
    @Label("a deeper score drop never makes the decision milder or the limit higher")
    void aDeeperScoreDrop(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                          @ForAll @IntRange(min = 0, max = 650) int fall) {
        Assume.that(b.previousCreditScore() != null);
        BorrowerProfile worse = b.toBuilder().creditScore(Math.max(300, b.creditScore() - fall)).build();

        assertNoMilderAndNoHigherLimit(decide(b, s), decide(worse, s));
    }

    @Property(tries = 200)
    @Label("a thin file (no previous score) is decided the same whatever its score")
    void aThinFileIsNotJudgedByItsScore(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                                        @ForAll @IntRange(min = 300, max = 950) int score) {
        BorrowerProfile thin = b.toBuilder().previousCreditScore(null).build();

        assertThat(decide(thin.toBuilder().creditScore(score).build(), s)).isEqualTo(decide(thin, s));
    }

    @Property(tries = 300)
    @Label("a new overdue loan never makes the decision milder or the limit higher")
    void aNewOverdue(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                     @ForAll @IntRange(min = 1, max = 400) int daysPastDue) {
        BorrowerProfile worse = b.toBuilder().loan(new Loan("Overdue Lender", new BigDecimal("500"),
                new BigDecimal("50"), daysPastDue)).build();

        assertNoMilderAndNoHigherLimit(decide(b, s), decide(worse, s));
    }

    @Property(tries = 300)
    @Label("an outage of the lender's can only help: never a harsher decision, never a lower limit")
    void anOutageOnlyHelps(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                           @ForAll @IntRange(min = 0, max = 120) int daysBack, @ForAll @IntRange(max = 30) int length) {
        ServiceOutage outage = new ServiceOutage(null, AS_OF.minusDays(daysBack),
                AS_OF.minusDays(daysBack).plusDays(length), null);

        Decision without = decide(b, s);
        Decision with = decide(b, plus(s, outage));

        assertThat(severity(with.outcome())).isLessThanOrEqualTo(severity(without.outcome()));
        assertThat(with.recommendedLimit()).isGreaterThanOrEqualTo(without.recommendedLimit());
    }
}
