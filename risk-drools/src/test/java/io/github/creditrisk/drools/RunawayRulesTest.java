package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Rules that go wrong for one borrower")
class RunawayRulesTest {

    /** A rule that re-triggers itself for borrowers with a score below 500, and only for them. */
    private static final String LOOP = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;

            declare Tick
                borrower : Borrower
                n : int
            end

            rule "LOOP-1 Start ticking for low scores"
            when
                $b : Borrower( creditScore < 500 )
            then
                insert( new Tick( $b, 0 ) );
            end

            rule "LOOP-2 Tick forever"
            when
                $t : Tick( n >= 0 )
            then
                modify( $t ) { setN( $t.getN() + 1 ) }
            end
            """;

    @TempDir
    Path dir;

    @Test
    void aRuleThatFiresWithoutEndIsStoppedAndReportedForThatBorrowerOnly() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("loop.drl"), LOOP);
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF);
        BorrowerProfile looping = Borrowers.ordinary().id("LOOPER").creditScore(450).build();
        BorrowerProfile fine = Borrowers.ordinary().id("FINE").build();

        try (DroolsRiskEngine engine = DroolsRiskEngine.create(
                EngineSettings.defaults().withRulesDirectory(dir).withFireLimit(500))) {

            assertThatThrownBy(() -> engine.evaluate(looping, context))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.borrowerId()).isEqualTo("LOOPER");
                        assertThat(e.getMessage()).contains("more than 500 times", "LOOP-2 Tick forever");
                    });
            Decision afterwards = engine.evaluate(fine, context);
            assertThat(afterwards.outcome()).isEqualTo(Outcome.APPROVE);

            List<Evaluation> batch = engine.evaluateAll(List.of(fine, looping,
                    Borrowers.ordinary().id("FINE-2").build()), context);
            assertThat(batch).extracting(Evaluation::borrowerId).containsExactly("FINE", "LOOPER", "FINE-2");
            assertThat(batch.get(0)).isInstanceOf(Evaluation.Decided.class);
            assertThat(batch.get(1)).isInstanceOfSatisfying(Evaluation.Failed.class,
                    f -> assertThat(f.error()).contains("more than 500 times"));
            assertThat(batch.get(2)).isInstanceOf(Evaluation.Decided.class);
        }
    }

    @Test
    void aRuleThatThrowsFailsOnlyThatBorrower() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("throws.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                rule "THR-1 Divide by the number of lenders"
                when
                    $b : Borrower( )
                then
                    int perLender = 100 / $b.getActiveLenders();
                end
                """);
        BorrowerProfile noLoans = Borrowers.ordinary().id("NO-LOANS").loans(List.of()).build();

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            assertThatThrownBy(() -> engine.evaluate(noLoans, EvaluationContext.of(Signals.AS_OF)))
                    .isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("NO-LOANS").hasMessageContaining("/ by zero");
            assertThat(engine.evaluate(Borrowers.ordinary().build(), EvaluationContext.of(Signals.AS_OF)).outcome())
                    .isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void aFindingFromARuleWithoutAFamilyIsReported() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("nofamily.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                import io.github.creditrisk.drools.facts.Restrict;
                rule "NOF-1 A restriction without a family"
                when
                    $b : Borrower( creditScore < 400 )
                then
                    insertLogical( Restrict.freezeLimit( $b, "SCD_SCORE_DROP" ) );
                end
                """);

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            assertThatThrownBy(() -> engine.evaluate(Borrowers.ordinary().creditScore(350).build(),
                    EvaluationContext.of(Signals.AS_OF)))
                    .isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("NOF-1").hasMessageContaining("@family");
        }
    }

    @Test
    void aSentenceThatCitesEvidenceTheRuleDidNotGiveIsReported() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("noevidence.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                import io.github.creditrisk.drools.facts.Restrict;
                rule "NOE-1 A restriction without its evidence"
                    @family("SCORE_DROP")
                when
                    $b : Borrower( creditScore < 400 )
                then
                    insertLogical( Restrict.freezeLimit( $b, "SCD_SCORE_DROP" ) );
                end
                """);

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            assertThatThrownBy(() -> engine.evaluate(Borrowers.ordinary().creditScore(350).build(),
                    EvaluationContext.of(Signals.AS_OF)))
                    .isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("NOE-1").hasMessageContaining("{drop}");
        }
    }

    @Test
    void aRuleSetThatRunsPastItsTimeBudgetIsStoppedForThatBorrowerOnly() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("slow.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;

                declare Tock
                    n : int
                end

                rule "SLOW-1 Start for low scores"
                when
                    Borrower( creditScore < 500 )
                then
                    insert( new Tock( 0 ) );
                end

                rule "SLOW-2 Take a little time, forever"
                when
                    $t : Tock( n >= 0 )
                then
                    java.math.BigInteger.valueOf( 7 ).pow( 30000 ); // a few milliseconds of work
                    modify( $t ) { setN( $t.getN() + 1 ) }
                end
                """);
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF);
        try (DroolsRiskEngine engine = DroolsRiskEngine.create(EngineSettings.defaults().withRulesDirectory(dir)
                .withFireLimit(1_000_000).withTimeBudget(java.time.Duration.ofMillis(200)))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> engine.evaluate(Borrowers.ordinary().id("SLOW").creditScore(450).build(), context))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.borrowerId()).isEqualTo("SLOW");
                        assertThat(e.getMessage()).contains("ran past their time budget");
                    });

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(engine.evaluate(Borrowers.ordinary().build(), context).outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void recursionTheCheckCannotSeeEndsInAStackOverflowForThatBorrowerOnly() throws IOException {
        // a function object that calls itself: no method of the rule set calls itself, so the check lets it by
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("hidden-recursion.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                import java.util.function.IntUnaryOperator;

                rule "HID-1 Recurse through a function object for low scores"
                when
                    $b : Borrower( creditScore < 400 )
                then
                    java.util.List<IntUnaryOperator> self = new java.util.ArrayList<>();
                    self.add( n -> self.get( 0 ).applyAsInt( n + 1 ) );
                    self.get( 0 ).applyAsInt( 0 );
                end
                """);
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF);

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            assertThatThrownBy(() -> engine.evaluate(Borrowers.ordinary().id("DEEP").creditScore(350).build(), context))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.borrowerId()).isEqualTo("DEEP");
                        assertThat(e.getMessage()).contains("they ran out of stack (StackOverflowError)");
                    });
            List<Evaluation> batch = engine.evaluateAll(List.of(Borrowers.ordinary().id("A").build(),
                    Borrowers.ordinary().id("DEEP").creditScore(350).build(), Borrowers.ordinary().id("B").build()),
                    context);
            assertThat(batch).extracting(Evaluation::borrowerId).containsExactly("A", "DEEP", "B");
            assertThat(batch.get(1)).isInstanceOf(Evaluation.Failed.class);
            assertThat(List.of(batch.get(0), batch.get(2))).allSatisfy(r -> assertThat(r)
                    .isInstanceOfSatisfying(Evaluation.Decided.class,
                            d -> assertThat(HostileRules.content(d.decision())).isEqualTo(HostileRules.content(
                                    Engines.BUNDLED.evaluate(Borrowers.ordinary().id(d.decision().borrowerId()).build(),
                                            context)))));
        }
    }
}
