package io.github.creditrisk.drools;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Compiling a rule directory")
class RuleSetCompilationTest {

    @TempDir
    Path dir;

    @Test
    void theBundledRulesCompiledFromTheirSourceDirectoryHaveTheBundledVersion() {
        try (DroolsRiskEngine fromSource = DroolsRiskEngine.fromDirectory(RuleDirs.SOURCE)) {
            assertThat(fromSource.ruleSet().version()).isEqualTo(Engines.BUNDLED.ruleSet().version());
            assertThat(fromSource.ruleSet().files()).contains("overborrowing.drl", "messages_zh.properties");
        }
    }

    @Test
    void buildOutputAndHiddenCopiesOfTheRulesAreNotPartOfTheRuleSet() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        RuleDirs.copyBundledRulesTo(Files.createDirectories(dir.resolve("target/classes/io/github/creditrisk/rules")));
        RuleDirs.copyBundledRulesTo(Files.createDirectories(dir.resolve(".hidden")));

        try (DroolsRiskEngine module = DroolsRiskEngine.fromDirectory(dir)) {
            assertThat(module.ruleSet().version()).isEqualTo(Engines.BUNDLED.ruleSet().version());
            assertThat(module.ruleSet().rules()).hasSameSizeAs(Engines.BUNDLED.ruleSet().rules());
        }
    }

    @Test
    void aRuleDirectoryNamedTargetIsRead() throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        RuleDirs.copyBundledRulesTo(target);

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(target)) {
            assertThat(engine.ruleSet().version()).isEqualTo(Engines.BUNDLED.ruleSet().version());
        }
    }

    @Test
    void aRuleCopiedIntoASecondFileIsReportedOnceWithBothPlaces() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        String original = Files.readString(dir.resolve("overborrowing.drl"));
        int start = original.indexOf("rule \"OVB-1 ");
        Files.createDirectory(dir.resolve("copy"));
        Files.writeString(dir.resolve("copy/overborrowing.drl"), "package policy;\n\n"
                + original.substring(start, original.indexOf("\nend\n", start) + 5));

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors())
                        .containsExactly(new RuleError("overborrowing.drl", lineOf(original, start), "rule \"OVB-1"
                                + " Repayments above the segment's debt-to-income ceiling: cut the line 30%\" is defined"
                                + " twice: here and at copy/overborrowing.drl:3; rule names must be unique")));
    }

    @Test
    void aRuleDefinedTwiceInOneFileIsReportedOnceWithBothPlaces() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("twice.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;

                rule "TWC-1 Pasted twice"
                when
                    Borrower( creditScore < 0 )
                then
                end

                rule "TWC-1 Pasted twice"
                when
                    Borrower( creditScore < 0 )
                then
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors())
                        .containsExactly(new RuleError("twice.drl", 10, "rule \"TWC-1 Pasted twice\" is defined twice:"
                                + " here and at twice.drl:4; rule names must be unique")));
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).lines().count() + 1;
    }

    @Test
    void anyEditChangesTheVersion() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Path file = dir.resolve("score-drop.drl");
        Files.writeString(file, Files.readString(file) + "\n// an analyst's comment\n");

        try (DroolsRiskEngine edited = DroolsRiskEngine.fromDirectory(dir)) {
            assertThat(edited.ruleSet().version()).isNotEqualTo(Engines.BUNDLED.ruleSet().version());
        }
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("broken.drl"), """
                package policy;

                import io.github.creditrisk.drools.facts.Borrower;

                rule "BRK-1 A rule with a typo"
                when
                    $b : Borrower( creditScore >> 3 )
                then
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).isNotEmpty().allSatisfy(err -> {
                        assertThat(err.file()).isEqualTo("broken.drl");
                        assertThat(err.line()).isEqualTo(7);
                    });
                    assertThat(e.getMessage()).contains("broken.drl:7: ");
                });
    }

    @Test
    void everyErrorOfEveryFileIsReported() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("a-unknown-field.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                rule "BRK-2 Unknown field"
                when
                    Borrower( salaryOf( 1 ) > 3 )
                then
                end
                """);
        // (an unknown type stops Drools' executable model before it reads any constraint, so both are constraints)
        Files.writeString(dir.resolve("b-unknown-method.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                rule "BRK-3 Unknown method"
                when
                    Borrower( bonusOf( 3 ) > 3 )
                then
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.errors()).extracting(RuleError::file)
                                .contains("a-unknown-field.drl", "b-unknown-method.drl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Block everybody\"", "BlockEverybody"})
    void aRuleWithoutAnIdIsRejectedOnItsLine(String name) throws IOException {
        List<RuleError> errors = refused("no-id.drl", """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;

                rule NAME
                when
                    Borrower( )
                then
                end
                """.replace("NAME", name));

        assertThat(errors).containsExactly(new RuleError("no-id.drl", 4, "rule \"" + name.replace("\"", "")
                + "\" does not start with an id; name rules like \"OVB-1 Debt service above the ceiling\""));
    }

    @Test
    void twoRulesWithTheSameIdAreRejected() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("dup.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;

                rule "OVB-1 Another rule that reuses an id"
                when
                    Borrower( creditScore < 0 )
                then
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.getMessage())
                        .contains("rule id OVB-1 is used twice"));
    }

    /** A rule whose consequence is {@code THEN}, at line 10 of unexplained.drl. */
    private static final String UNEXPLAINED = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;
            import io.github.creditrisk.drools.facts.Restrict;

            rule "UNX-1 A restriction nobody explained"
                @family("UNEXPLAINED")
            when
                $b : Borrower( creditScore < 400 )
            then
                THEN
            end
            """;

    @Test
    void aReasonCodeWithoutACustomerSentenceIsRejected() throws IOException {
        List<RuleError> errors = refused("unexplained.drl",
                UNEXPLAINED.replace("THEN", "insertLogical( Restrict.freezeLimit( $b, \"UNX_NO_SENTENCE\" ) );"));

        assertThat(errors).containsExactly(new RuleError("unexplained.drl", 10, "reason code UNX_NO_SENTENCE has no"
                + " customer sentence; add reason.UNX_NO_SENTENCE to every messages_LANG.properties"));
    }

    @Test
    void reasonCodesInCommentsNeedNoSentenceButCodesAfterAUrlDo() throws IOException {
        List<RuleError> errors = refused("unexplained.drl", UNEXPLAINED.replace("THEN", """
                // was: insertLogical( Restrict.freezeLimit( $b, "UNX_RETIRED" ) );
                    /* insertLogical( Restrict.freezeLimit( $b, "UNX_DRAFT" ) ); */
                    String see = "https://example.com/policy"; insertLogical( Restrict.freezeLimit( $b, "UNX_LINKED" ) );\
                """));

        assertThat(errors).containsExactly(new RuleError("unexplained.drl", 12, "reason code UNX_LINKED has no"
                + " customer sentence; add reason.UNX_LINKED to every messages_LANG.properties"));
    }

    /** The errors of the bundled rules with {@code drl} added as {@code file}, which they must be refused for. */
    private List<RuleError> refused(String file, String drl) throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve(file), drl);
        return org.junit.jupiter.api.Assertions.assertThrows(RuleCompilationException.class,
                () -> DroolsRiskEngine.fromDirectory(dir)).errors();
    }

    @Test
    void aSentenceMissingInOneLanguageIsRejected() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Path en = dir.resolve("messages_en.properties");
        Files.writeString(en, Files.readString(en) + "\nreason.NEW_CODE = A new reason.\n");

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.getMessage())
                        .contains("messages_zh.properties:0: lacks the key reason.NEW_CODE, which"
                                + " messages_en.properties has"));
    }

    @Test
    void aMissingDirectoryIsReportedAsSuch() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(missing))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aDirectoryWithoutRulesIsReportedAsSuch() {
        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("holds no .drl file");
    }

    @Test
    void rulesThatReadTheClockOrChanceAreRejected() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("clock.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                import java.time.LocalDate;

                // LocalDate.now() in a comment is harmless
                rule "CLK-1 Overdue today"
                when
                    $b : Borrower( asOf.isBefore( LocalDate.now() ) )
                then
                    double roll = Math.random();
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).extracting(RuleError::line).containsExactly(8, 10);
                    assertThat(e.errors().get(0).message()).startsWith("rule \"CLK-1\" may not call java.time.LocalDate.now")
                            .contains("reads the clock");
                    assertThat(e.errors().get(1).message()).contains("Math.random").contains("chance");
                });
    }

    @Test
    void theAnalystsGuidesExampleRuleCompilesAndFires() throws IOException {
        String guide = Files.readString(RuleDirs.SOURCE.resolveSibling("README.md"));
        int start = guide.indexOf("rule \"OVB-6");
        String rule = guide.substring(start, guide.indexOf("end\n", start) + 4);
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("example.drl"), """
                package policy;
                import io.github.creditrisk.Segment;
                import io.github.creditrisk.drools.facts.Borrower;
                import io.github.creditrisk.drools.facts.Restrict;
                """ + rule);
        for (String lang : new String[] {"en", "zh"}) {
            Path messages = dir.resolve("messages_" + lang + ".properties");
            Files.writeString(messages, Files.readString(messages)
                    + "\nreason.OVB_FIRST_TIME_STRETCHED = {lenders} lenders, {dti,percent}\n");
        }
        io.github.creditrisk.BorrowerProfile borrower = Borrowers.firstTime().loans(java.util.List.of(
                io.github.creditrisk.Loan.of("A", "100", "1500"), io.github.creditrisk.Loan.of("B", "100", "1500"),
                io.github.creditrisk.Loan.of("C", "100", "1500"))).build();

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            io.github.creditrisk.Decision d = engine.evaluate(borrower,
                    io.github.creditrisk.EvaluationContext.of(Signals.AS_OF));
            assertThat(d.restrictions()).filteredOn(r -> r.rule().equals("OVB-6")).singleElement()
                    .satisfies(r -> assertThat(r.reason()).startsWith("3 lenders, 45%"));
        }
    }

    @Test
    void anErrorInAFunctionsBodyIsReportedAtItsLineInTheDrl() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("function.drl"), """
                package policy;
                import io.github.creditrisk.Loan;

                function java.math.BigDecimal owed( Loan loan ) {
                    return loan.balance();
                }
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors())
                        .singleElement().hasToString("function.drl:5: The method balance() is undefined for the type Loan"));
    }

    @Test
    void drlThatDroolsCannotCompileIsReportedNotThrown() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("array.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                rule "ARR-1 Writes a function object into an array"
                when
                    $b : Borrower( )
                then
                    java.util.function.IntUnaryOperator[] f = new java.util.function.IntUnaryOperator[1];
                    f[0] = n -> f[0].applyAsInt( n );
                end
                """);

        assertThatThrownBy(() -> DroolsRiskEngine.fromDirectory(dir))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).startsWith("Drools cannot compile these rules: ")));
    }
}
