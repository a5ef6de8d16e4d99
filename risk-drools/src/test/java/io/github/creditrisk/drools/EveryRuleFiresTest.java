package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rule coverage of the bundled rules")
class EveryRuleFiresTest {

    /** One scenario per policy row: a borrower and the signals in force. */
    private record Scenario(BorrowerProfile borrower, List<Signal> signals) {
        static Scenario of(BorrowerProfile borrower, Signal... signals) {
            return new Scenario(borrower, List.of(signals));
        }
    }

    private static List<Scenario> scenarios() {
        return List.of(
                Scenario.of(Borrowers.withDebtToIncome(Segment.ORDINARY, "0.60")),
                Scenario.of(Borrowers.withDebtToIncome(Segment.ORDINARY, "0.80")),
                Scenario.of(Borrowers.withLenders(4)),
                Scenario.of(Borrowers.withLenders(6)),
                Scenario.of(Borrowers.ordinary().monthlyIncome("0").build()),
                Scenario.of(Borrowers.smallRetailerWithCollapsingSales()),
                Scenario.of(Borrowers.smallBusinessOwner().build(), Signals.downturn("CN-GD", Severity.MEDIUM)),
                Scenario.of(Borrowers.smallBusinessOwner().build(), Signals.downturn("CN-GD", Severity.HIGH)),
                Scenario.of(Borrowers.smallBusinessOwner().build(), Signals.downturn("CN-GD", Severity.SEVERE)),
                Scenario.of(Borrowers.ordinary().build(), Signals.downturn("CN", Severity.HIGH)),
                Scenario.of(Borrowers.firstTime().build(), Signals.downturn("CN", Severity.SEVERE)),
                Scenario.of(Borrowers.highNetWorth().build(), Signals.downturn("CN", Severity.SEVERE)),
                Scenario.of(Borrowers.ordinary().sector("P2P_LENDING").build(), Signals.p2pLendingBan()),
                Scenario.of(Borrowers.ordinary().previousCreditScore(700).creditScore(640).build()),
                Scenario.of(Borrowers.ordinary().previousCreditScore(700).creditScore(590).build()),
                Scenario.of(Borrowers.overdueBy(45)),
                Scenario.of(Borrowers.overdueBy(120)),
                Scenario.of(Borrowers.ordinary().loans(List.of(Loan.of("Outage Bank", "100", "10").overdueBy(35)))
                        .build(), Signals.septemberUpgradeOutage()));
    }

    @Test
    void everyRuleOfTheBundledRulesFiresInSomeScenario() {
        Set<String> fired = new ConcurrentSkipListSet<>();
        EvaluationListener coverage = new EvaluationListener() {
            @Override
            public void ruleFired(String borrowerId, String ruleName) {
                fired.add(ruleName);
            }
        };

        for (Scenario s : scenarios()) {
            Engines.BUNDLED.evaluate(s.borrower(), EvaluationContext.of(Signals.AS_OF, s.signals()), coverage);
        }

        Set<String> all = new TreeSet<>(Engines.BUNDLED.ruleSet().ruleNames());
        assertThat(all).hasSize(24);
        assertThat(new TreeSet<>(fired)).as("rules that fired").isEqualTo(all);
    }
}
