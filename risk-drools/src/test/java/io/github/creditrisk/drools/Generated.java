package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated borrowers and signals for property tests. Values crowd around the policy's boundaries (a DTI of
 * exactly a ceiling, 30 and 31 days overdue, a drop of 49, 50, 99 and 100 points, an overdue that began on
 * the first or last day of an outage) so that the properties probe where mistakes hide.
 */
final class Generated {

    static final LocalDate AS_OF = Signals.AS_OF;
    private static final List<String> REGIONS = List.of("CN", "CN-GD", "CN-GD-SZ", "CN-GD-GZ", "cn-gd-sz", "CN-GDX",
            "CN-ZJ", "CN-ZJ-HZ");
    private static final List<String> LENDERS = List.of("Ant Credit", "ANT CREDIT", "Bank A", "bank a", "Bank B",
            "WeLend", "Quick Loans", "Home Bank", "Micro Finance", "Star Loans");

    private Generated() {
    }

    static Arbitrary<BorrowerProfile> borrowers() {
        Arbitrary<Segment> segment = Arbitraries.of(Segment.class);
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        Arbitrary<String> sector = Arbitraries.of("RETAIL", "P2P_LENDING", "p2p_lending", "MANUFACTURING")
                .injectNull(0.2);
        Arbitrary<BigDecimal> income = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new BigDecimal("10000"))),
                net.jqwik.api.Tuple.of(5, Arbitraries.bigDecimals().between(new BigDecimal("500"),
                        new BigDecimal("60000")).ofScale(2)));
        Arbitrary<BigDecimal> limit = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300000"))
                .ofScale(2);
        Arbitrary<Integer> score = Arbitraries.integers().between(300, 950);
        Arbitrary<Integer> drop = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(49, 50, 99, 100, 0, -20)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-200, 300)));
        Arbitrary<Boolean> hasHistory = Arbitraries.of(true, true, false);
        Arbitrary<List<Loan>> loans = loan().list().ofMaxSize(8);
        Arbitrary<List<BigDecimal>> revenue = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(List.of())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(new BigDecimal("100"), new BigDecimal("60"),
                        new BigDecimal("59.99"), new BigDecimal("0"), new BigDecimal("101")).list().ofMinSize(3)
                        .ofMaxSize(6)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                        new BigDecimal("200000")).ofScale(2).list().ofMaxSize(6)));
        Arbitrary<Identity> identity = Combinators.combine(segment, region, sector,
                Arbitraries.integers().between(1, 1_000_000)).as(Identity::new);
        Arbitrary<Money> money = Combinators.combine(income, limit, score, drop, hasHistory).as(Money::new);
        Arbitrary<Debts> debts = Combinators.combine(loans, revenue, dtiTarget()).as(Debts::new);
        return Combinators.combine(identity, money, debts).as(Generated::borrower);
    }

    private record Identity(Segment segment, String region, String sector, int n) {
    }

    private record Money(BigDecimal income, BigDecimal limit, int score, int drop, boolean hasHistory) {
    }

    private record Debts(List<Loan> loans, List<BigDecimal> revenue, BigDecimal dtiTarget) {
    }

    private static BorrowerProfile borrower(Identity id, Money m, Debts d) {
        Integer previous = m.hasHistory() ? Math.max(300, Math.min(950, m.score() + m.drop())) : null;
        List<Loan> loans = new ArrayList<>(d.loans());
        if (d.dtiTarget() != null && m.income().signum() > 0) {
            // One loan that puts the borrower exactly on (or just off) a DTI boundary.
            loans.clear();
            loans.add(new Loan("Home Bank", new BigDecimal("50000"), d.dtiTarget().multiply(m.income()), 0));
        }
        return new BorrowerProfile("G-" + id.n(), id.segment(), id.region(), id.sector(), m.income(), m.limit(),
                m.score(), previous, loans, d.revenue());
    }

    /** Half the time a debt-to-income to aim at: a boundary, or just either side of one. */
    private static Arbitrary<BigDecimal> dtiTarget() {
        return Arbitraries.of("0.40", "0.4001", "0.50", "0.5001", "0.60", "0.6001", "0.70", "0.7001", "0.80",
                "0.8001", "0.90", "0.9001", "0.3999", "0.6999").map(BigDecimal::new).injectNull(0.5);
    }

    private static Arbitrary<Loan> loan() {
        Arbitrary<String> lender = Arbitraries.of(LENDERS);
        Arbitrary<BigDecimal> outstanding = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                net.jqwik.api.Tuple.of(5, Arbitraries.bigDecimals().between(new BigDecimal("0.01"),
                        new BigDecimal("200000")).ofScale(2)));
        Arbitrary<BigDecimal> payment = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("8000"))
                .ofScale(2);
        Arbitrary<Integer> dpd = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(30, 31, 33, 34, 37, 38, 90, 91)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 400)));
        return Combinators.combine(lender, outstanding, payment, dpd).as(Loan::new);
    }

    static Arbitrary<List<Signal>> signals() {
        Arbitrary<LocalDate> since = Arbitraries.of(AS_OF.minusDays(400), AS_OF.minusDays(30), AS_OF,
                AS_OF.plusDays(1));
        Arbitrary<LocalDate> until = Arbitraries.of(AS_OF.minusDays(1), AS_OF, AS_OF.plusDays(60)).injectNull(0.5);
        Arbitrary<Signal> downturn = Combinators.combine(Arbitraries.of(REGIONS), Arbitraries.of(Severity.class),
                since, until).as((r, s, from, to) -> new RegionalDownturn(null, r, s, from,
                to != null && to.isBefore(from) ? null : to, null));
        Arbitrary<Signal> ban = Combinators.combine(Arbitraries.of("P2P_LENDING", "retail", "MINING"), since, until)
                .as((s, from, to) -> new SectorBan(null, s, "Notice " + s, from, to != null && to.isBefore(from) ? null : to));
        // Outages around the days that the generated overdue loans begin (asOf minus 30..38 days).
        Arbitrary<Signal> outage = Combinators.combine(Arbitraries.integers().between(28, 40),
                Arbitraries.integers().between(0, 5)).as((back, length) -> new ServiceOutage(null,
                AS_OF.minusDays(back), AS_OF.minusDays(back).plusDays(length), null));
        return Arbitraries.oneOf(downturn, downturn, ban, outage).list().ofMaxSize(5);
    }
}
