package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.spi.Batches;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code evaluateAll} (which {@code risk eval} uses, 256 borrowers at a time) must give each borrower exactly
 * what {@code evaluate} gives it alone, whatever the rules and whoever else is in the batch: the same
 * decision, or the same failure. {@link BatchTest} shows it for the bundled rules; this class for rules that
 * go wrong and for rules an analyst may write.
 */
@DisplayName("A batch decides every borrower as it is decided alone")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchLikeOneByOneTest {

    private static final EvaluationContext CONTEXT = EvaluationContext.of(Signals.AS_OF,
            List.of(Signals.downturn("CN-GD", Severity.SEVERE), Signals.p2pLendingBan(), Signals.septemberUpgradeOutage()));

    @TempDir
    Path dir;

    /** What {@code engine} gives each borrower alone, with the batch's rule for repeated ids. */
    private static List<String> oneByOne(RiskEngine engine, List<BorrowerProfile> borrowers) {
        List<String> results = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (BorrowerProfile b : borrowers) {
            Evaluation e;
            if (!seen.add(b.id())) {
                e = Batches.repeated(b.id());
            } else {
                try {
                    e = new Evaluation.Decided(engine.evaluate(b, CONTEXT));
                } catch (EvaluationException failure) {
                    e = new Evaluation.Failed(b.id(), failure.getMessage());
                }
            }
            results.add(outcomeOf(e));
        }
        return results;
    }

    private static List<String> batch(RiskEngine engine, List<BorrowerProfile> borrowers) {
        return engine.evaluateAll(borrowers, CONTEXT).stream().map(BatchLikeOneByOneTest::outcomeOf).toList();
    }

    /** The decision's content, or that it failed (failure messages may word the cause differently). */
    private static String outcomeOf(Evaluation e) {
        return e instanceof Evaluation.Decided d ? HostileRules.content(d.decision()) : "FAILED " + e.borrowerId();
    }

    /** 300 generated borrowers (two batches) with {@code victim} inserted at 17 and 280, and a repeated id. */
    private static List<BorrowerProfile> portfolioWith(BorrowerProfile victim) {
        List<BorrowerProfile> borrowers = new ArrayList<>();
        int n = 0;
        for (BorrowerProfile b : Generated.borrowers().sampleStream().limit(300).toList()) {
            borrowers.add(b.toBuilder().id("P-" + n++).build());
        }
        borrowers.add(17, victim);
        borrowers.add(280, victim.toBuilder().id(victim.id() + "-2").build());
        borrowers.add(150, borrowers.get(3));
        return borrowers;
    }

    @ParameterizedTest(name = "shared sessions: {0}")
    @ValueSource(booleans = {false, true})
    void aRuleThatThrowsForOneBorrowerOfABatchFailsOnlyThatBorrower(boolean sharedSessions) {
        RiskEngine engine = hostile(sharedSessions);
        List<BorrowerProfile> borrowers = portfolioWith(HostileRules.victim("THROWER", HostileRules.THROW, 0));

        assertThat(batch(engine, borrowers)).isEqualTo(oneByOne(engine, borrowers))
                .contains("FAILED THROWER", "FAILED THROWER-2");
    }

    @ParameterizedTest(name = "shared sessions: {0}")
    @ValueSource(booleans = {false, true})
    void aBorrowerWhoseRulesExplodeFailsInABatchAsItFailsAlone(boolean sharedSessions) {
        RiskEngine engine = hostile(sharedSessions);
        List<BorrowerProfile> borrowers = portfolioWith(HostileRules.victim("PAIRS", HostileRules.PAIRS, 150));

        assertThat(batch(engine, borrowers)).isEqualTo(oneByOne(engine, borrowers))
                .contains("FAILED PAIRS", "FAILED PAIRS-2");
    }

    @ParameterizedTest(name = "shared sessions: {0}")
    @ValueSource(booleans = {false, true})
    void aRunawayBorrowerInABatchIsStoppedAfterTheFireLimitNotTheBatchTimesIt(boolean sharedSessions) {
        RiskEngine engine = hostile(sharedSessions);
        List<BorrowerProfile> borrowers = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            borrowers.add(Borrowers.ordinary().id("OK-" + i).build());
        }
        borrowers.add(HostileRules.victim("GROW", HostileRules.GROW, 0));

        List<Evaluation> results = engine.evaluateAll(borrowers, CONTEXT);

        // Once in the batch, once alone to find the culprit, each time under one evaluation's fire limit (a rule
        // cannot count its own firings: rules keep no state, so the limit is read back from the error).
        assertThat(results.get(255)).isInstanceOfSatisfying(Evaluation.Failed.class, f -> assertThat(f.error())
                .contains("more than " + EngineSettings.DEFAULT_FIRE_LIMIT + " times"));
        assertThat(results.subList(0, 255)).allSatisfy(r -> assertThat(r).isInstanceOf(Evaluation.Decided.class));
    }

    private static RiskEngine hostile(boolean sharedSessions) {
        return sharedSessions ? HostileRules.ENGINE_SHARED : HostileRules.ENGINE;
    }

    /** The bundled rules and SAM-1, which pairs any two overdue loans with one lender, whoever's they are. */
    private void writeRulesRelatingTwoBorrowers() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("same-lender.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.OverdueLoan;
                import io.github.creditrisk.drools.facts.Restrict;

                rule "SAM-1 Two overdue loans with one lender: manual review"
                    @family("SAME_LENDER")
                when
                    $a : OverdueLoan( )
                    $b : OverdueLoan( this != $a, lender == $a.lender )
                then
                    insertLogical( Restrict.manualReview( $a.getBorrower(), "SAM_TWO_OVERDUE" )
                                           .with( "lender", $a.getLender() ) );
                end
                """);
        Files.writeString(dir.resolve("messages_en.properties"), Files.readString(dir.resolve("messages_en.properties"))
                + "\nreason.SAM_TWO_OVERDUE = You have two overdue loans with {lender}.\n");
        Files.writeString(dir.resolve("messages_zh.properties"), Files.readString(dir.resolve("messages_zh.properties"))
                + "\nreason.SAM_TWO_OVERDUE = 您在{lender}有两笔逾期贷款。\n");
    }

    private static io.github.creditrisk.EvaluationListener recorder(List<String> events) {
        return new io.github.creditrisk.EvaluationListener() {
            @Override
            public void ruleFired(String borrowerId, String ruleName) {
                events.add(borrowerId + " " + ruleName);
            }

            @Override
            public void decided(io.github.creditrisk.Decision decision) {
                events.add(decision.borrowerId() + " decided " + decision.outcome());
            }
        };
    }

    @Test
    void aRuleThatRelatesTwoFactsDecidesInABatchAsAlone() throws IOException {
        writeRulesRelatingTwoBorrowers();
        List<BorrowerProfile> borrowers = List.of(
                Borrowers.ordinary().id("A").loans(List.of(Loan.of("Bank Z", "1000", "10").overdueBy(5))).build(),
                Borrowers.ordinary().id("B").loans(List.of(Loan.of("Bank Z", "1000", "10").overdueBy(6))).build(),
                Borrowers.ordinary().id("C").loans(List.of(Loan.of("Bank Z", "1000", "10").overdueBy(5),
                        Loan.of("Bank Z", "500", "10").overdueBy(7))).build());

        // Fired together, SAM-1 would pair A's loan with B's, and give both a review neither gets alone: the rules
        // match loans not tied to one borrower, so each borrower is decided in a session of its own.
        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            assertThat(engine.sharesSessions()).isFalse();
            assertThat(batch(engine, borrowers)).isEqualTo(oneByOne(engine, borrowers));
            assertThat(batch(engine, borrowers).get(0)).doesNotContain("SAM-1");
        }
    }

    @Test
    void rulesProvenToKeepBorrowersApartShareSessionsAndTheOthersDoNot() throws IOException {
        assertThat(Engines.BUNDLED.sharesSessions()).isTrue();
        assertThat(HostileRules.ENGINE_SHARED.sharesSessions()).isTrue();
        assertThat(HostileRules.ENGINE.sharesSessions()).isFalse();
        RuleDirs.copyBundledRulesTo(dir);
        try (DroolsRiskEngine copy = DroolsRiskEngine.create(EngineSettings.defaults().withRulesDirectory(dir)
                .withOption(DroolsRiskEngine.BUILD_OPTION, "executable-model"))) {
            assertThat(copy.sharesSessions()).isTrue();
        }
    }

    @Test
    void aListenerOfASharedSessionHearsOnlyItsOwnBorrowersFirings() {
        BorrowerProfile a = Borrowers.ordinary().id("A").loans(List.of(Loan.of("Bank Z", "1000", "10").overdueBy(5)))
                .build();
        BorrowerProfile b = Borrowers.ordinary().id("B").loans(List.of(Loan.of("Bank Z", "1000", "10").overdueBy(6),
                Loan.of("Bank Y", "1000", "10").overdueBy(40))).build();
        List<String> alone = new ArrayList<>();
        try (DroolsRiskEngine fresh = DroolsRiskEngine.bundled()) {
            fresh.evaluate(b, CONTEXT, recorder(alone));
        }
        assertThat(alone).isNotEmpty();

        List<String> heard = new ArrayList<>();
        try (DroolsRiskEngine shared = DroolsRiskEngine.bundled()) {
            shared.evaluate(a, CONTEXT);
            shared.evaluate(b, CONTEXT, recorder(heard));
        }
        assertThat(heard).isEqualTo(alone);
    }
}
