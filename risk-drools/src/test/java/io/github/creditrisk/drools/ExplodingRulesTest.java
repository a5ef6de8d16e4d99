package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that explode: a cross product over one borrower's facts, and facts that beget facts. The fire limit
 * stops them; the borrower gets an error naming the rule; the engine decides the next borrower exactly as
 * before. (A loop that re-triggers itself is {@link RunawayRulesTest}.) Each test also fails rather than
 * hangs the build should the guard ever stop working.
 */
@DisplayName("Rules that explode are stopped by the fire limit, for that borrower only")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExplodingRulesTest {

    private static final EvaluationContext CONTEXT = EvaluationContext.of(Signals.AS_OF,
            List.of(Signals.downturn("CN-GD", Severity.HIGH), Signals.septemberUpgradeOutage()));

    @Test
    void aCrossProductOverOneBorrowersLoansIsStoppedAtTheFireLimit() {
        // 150 overdue loans make 22,500 pairs: more than twice the default limit of 10,000 firings.
        BorrowerProfile pairs = HostileRules.victim("PAIRS", HostileRules.PAIRS, 150);

        assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(pairs, CONTEXT))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.borrowerId()).isEqualTo("PAIRS");
                    assertThat(e.getMessage()).contains(String.valueOf(EngineSettings.DEFAULT_FIRE_LIMIT))
                            .contains("HST-3");
                });
    }

    @Test
    void factsThatBegetFactsAreStoppedAtTheFireLimit() {
        // Unchecked, 2^61 nodes.
        BorrowerProfile grow = HostileRules.victim("GROW", HostileRules.GROW, 0);

        assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(grow, CONTEXT))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.borrowerId()).isEqualTo("GROW");
                    assertThat(e.getMessage()).contains(String.valueOf(EngineSettings.DEFAULT_FIRE_LIMIT))
                            .contains("HST-5");
                });
    }

    @Test
    void afterAnExplosionTheNextBorrowersAreDecidedExactlyAsTheBundledRulesDecideThem() {
        List<BorrowerProfile> ordinary = Generated.borrowers().sampleStream().limit(40).toList();
        for (BorrowerProfile b : List.of(HostileRules.victim("PAIRS", HostileRules.PAIRS, 150),
                HostileRules.victim("GROW", HostileRules.GROW, 0), HostileRules.victim("LOOP", HostileRules.LOOP, 0),
                HostileRules.victim("THROW", HostileRules.THROW, 0))) {
            assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(b, CONTEXT)).isInstanceOf(EvaluationException.class);

            for (BorrowerProfile o : ordinary) {
                assertThat(HostileRules.content(HostileRules.ENGINE.evaluate(o, CONTEXT)))
                        .isEqualTo(HostileRules.content(Engines.BUNDLED.evaluate(o, CONTEXT)));
            }
        }
    }

    @Test
    void theLargestBorrowerTheJsonLimitsAdmitIsDecidedByTheBundledRulesAsThePolicySays() {
        // risk-json's default limits: 1,000 loans and 600 months of revenue a borrower, 10,000 signals a file.
        // Every loan overdue, a hundred outages, downturns and bans over many regions and sectors (a few of
        // them the borrower's): the most facts and joins a realistic signal file gives the bundled rules.
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            LocalDate day = Signals.AS_OF.minusDays(1 + (i % 800));
            signals.add(switch (i % 3) {
                case 0 -> i % 100 == 0 ? new ServiceOutage("O-" + i, day, day.plusDays(2), null)
                        : new SectorBan("B-" + i, "SECTOR-" + i, "Notice " + i, day, null);
                case 1 -> new RegionalDownturn("D-" + i, "CN-R" + i, Severity.values()[i % 4], day, null, null);
                default -> new SectorBan("B-" + i, "SECTOR-" + i, "Notice " + i, day, null);
            });
        }
        signals.set(1, Signals.downturn("CN-GD", Severity.SEVERE));
        signals.set(2, new SectorBan("B-RETAIL", "RETAIL", "Notice on retail", Signals.AS_OF.minusDays(9), null));
        BorrowerProfile largest = largestBorrower();

        Decision d = Engines.BUNDLED.evaluate(largest, EvaluationContext.of(Signals.AS_OF, signals));

        assertMatchesTheReferencePolicy(d, largest, signals);
    }

    @Test
    void theLargestBorrowerIsDecidedEvenWhenThousandsOfSignalsMatchIt() {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            LocalDate day = Signals.AS_OF.minusDays(1 + (i % 800));
            signals.add(switch (i % 3) {
                case 0 -> new ServiceOutage("O-" + i, day, day, null);
                case 1 -> new RegionalDownturn("D-" + i, i % 2 == 0 ? "CN-GD" : "CN-ZJ", Severity.values()[i % 4], day,
                        null, null);
                default -> new SectorBan("B-" + i, i % 2 == 0 ? "RETAIL" : "MINING", "Notice " + i, day, null);
            });
        }
        BorrowerProfile largest = largestBorrower();
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, signals);
        // Under the default fire limit; the time it takes depends on the machine, so it is given time to spare
        // here and measured apart (docs/reliability.md), never raced against the clock in a test.
        try (DroolsRiskEngine engine = DroolsRiskEngine.create(EngineSettings.defaults()
                .withTimeBudget(Duration.ofMinutes(2)))) {
            assertMatchesTheReferencePolicy(engine.evaluate(largest, context), largest, signals);
        }
    }

    /** A small-business owner in Shenzhen with 1,000 overdue loans and 600 months of revenue. */
    private static BorrowerProfile largestBorrower() {
        List<Loan> loans = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            loans.add(new Loan("Lender " + i, new BigDecimal("1000.50"), new BigDecimal("1.25"), 1 + i % 400));
        }
        return Borrowers.clean("LARGEST", Segment.SMALL_BUSINESS_OWNER).loans(loans)
                .previousCreditScore(800).creditScore(650)
                .monthlyRevenue(java.util.Collections.nCopies(600, new BigDecimal("1000"))).build();
    }

    private static void assertMatchesTheReferencePolicy(Decision d, BorrowerProfile b, List<Signal> signals) {
        Verdict expected = ReferencePolicy.decide(b, EvaluationContext.of(Signals.AS_OF, signals));
        assertThat(expected.differencesFrom(d)).isEmpty();
    }
}
