package io.github.creditrisk.drools;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.drools.internal.CompiledRuleSet;
import io.github.creditrisk.drools.internal.PrecompiledRules;
import io.github.creditrisk.drools.internal.RuleSetCompiler;
import io.github.creditrisk.drools.internal.RuleSetSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The bundled rules are precompiled at build time, and used only for exactly their files")
class PrecompiledRulesTest {

    @TempDir
    Path dir;

    @Test
    void theBundledEngineLoadsThePrecompiledRulesInsteadOfCompilingThem() {
        List<String> messages = logOf(PrecompiledRules.class, DroolsRiskEngine::bundled);

        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("loaded 24 precompiled rules of bundled rules"));
    }

    @Test
    void thePrecompiledRuleSetDescribesTheBundledRules() {
        RuleSetSource bundled = RuleSetSource.bundled();
        try (CompiledRuleSet rules = PrecompiledRules.load(bundled).orElseThrow()) {
            assertThat(rules.info().version()).isEqualTo(bundled.version());
            assertThat(rules.info().rules()).hasSize(24);
            assertThat(rules.info()).isEqualTo(Engines.BUNDLED.ruleSet());
            try (CompiledRuleSet compiled = RuleSetCompiler.compile(bundled)) {
                // what the build found in the DRL stands in for parsing it at start-up
                assertThat(rules.info()).isEqualTo(compiled.info());
                assertThat(rules.rules()).isEqualTo(compiled.rules());
                assertThat(rules.isolationDoubt()).isEqualTo(compiled.isolationDoubt()).isEmpty();
            }
        }
    }

    @Test
    void anUnchangedCopyOfTheBundledRulesInADirectoryIsServedPrecompiled() {
        RuleDirs.copyBundledRulesTo(dir);

        List<String> messages = logOf(PrecompiledRules.class, () -> DroolsRiskEngine.fromDirectory(dir));

        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("loaded 24 precompiled rules of " + dir));
    }

    @Test
    void aChangedRuleSetIsCompiledNotServedFromThePrecompiledClasses() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Path parameters = dir.resolve("parameters.drl");
        Files.writeString(parameters, Files.readString(parameters)
                .replace("function int lendersForReview() { return 4; }", "function int lendersForReview() { return 3; }"));
        RuleSetSource changed = RuleSetSource.fromDirectory(dir);

        assertThat(PrecompiledRules.load(changed)).isEmpty();
        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            // the edit is in force: three lenders now call for a review, as they do not with the bundled rules
            var threeLenders = Borrowers.withLenders(3);
            EvaluationContext context = EvaluationContext.of(Signals.AS_OF, List.of());
            assertThat(engine.evaluate(threeLenders, context).outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(Engines.BUNDLED.evaluate(threeLenders, context).outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void theGeneratedClassesStayOffTheClassPathSoARuleSetCompiledAtRunTimeCanDeclareTheSameTypes() throws IOException {
        assertThatThrownBy(() -> Class.forName("policy.LongestOverdueThatCounts"))
                .isInstanceOf(ClassNotFoundException.class);

        // an analyst's edit that reshapes a type the bundled rules declare compiles and decides with its own type
        RuleDirs.copyBundledRulesTo(dir);
        Path delinquency = dir.resolve("delinquency.drl");
        Files.writeString(delinquency, Files.readString(delinquency).replace("""
                declare LongestOverdueThatCounts
                    borrower : Borrower
                    loan     : OverdueLoan
                end""", """
                declare LongestOverdueThatCounts
                    borrower : Borrower
                    loan     : OverdueLoan
                    note     : String
                end""").replace("new LongestOverdueThatCounts( $b, $loan )",
                "new LongestOverdueThatCounts( $b, $loan, \"longest\" )"));
        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            var overdue = Borrowers.overdueBy(45);
            EvaluationContext context = EvaluationContext.of(Signals.AS_OF, List.of());
            Decision decision = engine.evaluate(overdue, context);
            assertThat(decision.restrictions()).extracting(r -> r.rule()).containsExactly("DEL-1");
            assertThat(decision.restrictions()).isEqualTo(Engines.BUNDLED.evaluate(overdue, context).restrictions());
        }
    }

    @Test
    void theBuildStepWritesTheClassesAndAnIndexNamingTheVersion() throws IOException {
        RuleSetSource bundled = RuleSetSource.bundled();

        int classes = PrecompiledRules.write(bundled, dir);

        String index = Files.readString(dir.resolve("META-INF/creditrisk/precompiled/index.properties"));
        assertThat(index).contains("version=" + bundled.version() + "\n").contains("classes=" + classes + "\n")
                .containsPattern("models=policy\\.Rules[0-9A-F]+\n");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class")).count()).isEqualTo(classes);
        }
        assertThat(classes).isGreaterThan(20);
        assertThat(index).contains("file.DEL-1=delinquency.drl\n").doesNotContain("isolationDoubt");
    }

    @Test
    void theIndexKeepsWhyRulesAreNotProvenToKeepBorrowersApart() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("any-overdue.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.OverdueLoan;
                rule "ANY-1 Two overdue loans with one lender, whoever's they are"
                when
                    $a : OverdueLoan( )
                    OverdueLoan( this != $a, lender == $a.lender )
                then
                end
                """);
        RuleSetSource source = RuleSetSource.fromDirectory(dir);
        Path out = Files.createDirectory(dir.resolve("out"));

        PrecompiledRules.write(source, out);

        String index = Files.readString(out.resolve("META-INF/creditrisk/precompiled/index.properties"));
        try (CompiledRuleSet compiled = RuleSetCompiler.compile(source)) {
            assertThat(compiled.isolationDoubt()).isPresent();
            Properties read = new Properties();
            read.load(new java.io.StringReader(index));
            assertThat(read.getProperty("isolationDoubt")).isEqualTo(compiled.isolationDoubt().get());
            assertThat(read.getProperty("file.ANY-1")).isEqualTo("any-overdue.drl");
        }
    }

    @Test
    void anExplicitBuildModeCompilesAtRunTimeEvenForTheBundledRules() {
        List<String> messages = logOf(PrecompiledRules.class, () -> DroolsRiskEngine.create(EngineSettings.defaults()
                .withOption(DroolsRiskEngine.BUILD_OPTION, "executable-model")));

        assertThat(messages).noneSatisfy(m -> assertThat(m).contains("precompiled"));
    }

    /** The messages {@code source}'s logger writes while {@code action} makes an engine (closed afterwards). */
    private static List<String> logOf(Class<?> source, java.util.function.Supplier<DroolsRiskEngine> action) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        var level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(captured);
        try (DroolsRiskEngine ignored = action.get()) {
            return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            logger.detachAppender(captured);
            logger.setLevel(level);
        }
    }
}
