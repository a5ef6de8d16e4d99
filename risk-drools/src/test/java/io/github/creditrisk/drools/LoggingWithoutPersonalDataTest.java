package io.github.creditrisk.drools;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What reaches the log when borrowers are decided, and when their rules fail: borrower ids, never incomes,
 * limits, scores, loans or revenue. Everything the engine and Drools log is captured at DEBUG (every logger
 * lowered to DEBUG for the test, whatever logback-test.xml says), and each message, each argument and each
 * exception's message is searched for the borrower's distinctive values.
 */
@DisplayName("Logging without personal data")
class LoggingWithoutPersonalDataTest {

    private static final String ID = "LOG-ID-4242";
    private static final String LENDER = "SECRET-LENDER-XYZ";
    /** The borrower's distinctive numbers, each as it could be written: plain, or grouped. */
    private static final List<String> AMOUNTS = List.of("987654", "987,654", "876543", "876,543", "765432", "765,432",
            "65432", "65,432", "543210", "543,210");
    /** Score 617, previous 833, so a drop of 216: as whole numbers, not inside longer ones. */
    private static final Pattern SCORES = Pattern.compile("(?<![0-9.,])(617|833|216)(?![0-9])");

    private static final EvaluationContext CONTEXT = EvaluationContext.of(Signals.AS_OF,
            List.of(Signals.downturn("CN-GD", Severity.SEVERE), Signals.septemberUpgradeOutage()));

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<Logger, Level> levels = new HashMap<>();
    private Logger root;

    @TempDir
    Path dir;

    @BeforeEach
    void captureEverythingAtDebug() {
        // Compile before capturing: compilation logs rule files, not borrowers.
        HostileRules.ENGINE.ruleSet();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restoreTheLevels() {
        root.detachAppender(captured);
        levels.forEach(Logger::setLevel);
    }

    /** A borrower whose every number is distinctive, with overdue loans at a distinctive lender. */
    private static BorrowerProfile.Builder distinctive(String region) {
        return BorrowerProfile.builder(ID, Segment.SMALL_BUSINESS_OWNER, region)
                .sector("RETAIL")
                .monthlyIncome("987654.32")
                .creditLimit("876543.21")
                .creditScore(617)
                .previousCreditScore(833)
                .loan(new Loan(LENDER, new BigDecimal("765432.19"), new BigDecimal("65432.17"), 45))
                .loan(new Loan(LENDER + "-2", new BigDecimal("765432.18"), new BigDecimal("65432.16"), 120))
                .monthlyRevenue("543210.98", "543210.97", "543210.96", "43210.95");
    }

    /** Every text that reached the log: messages as written and as formatted, arguments, exception messages. */
    private List<String> logged() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            texts.add(e.getMessage());
            texts.add(e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object a : e.getArgumentArray()) {
                    texts.add(String.valueOf(a));
                }
            }
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
            texts.addAll(e.getMDCPropertyMap().values());
        }
        return texts;
    }

    private void assertNoPersonalDataLogged() {
        List<String> texts = logged();
        assertThat(texts).as("what was logged").isNotEmpty();
        for (String text : texts) {
            String t = String.valueOf(text);
            assertThat(t).as("a logged text").doesNotContain(LENDER).doesNotContain(AMOUNTS);
            assertThat(SCORES.matcher(t).find()).as("a score in the logged text: %s", t).isFalse();
        }
    }

    private void assertIdLogged(String level) {
        assertThat(captured.list).as("%s events naming the borrower", level)
                .anySatisfy(e -> {
                    assertThat(e.getLevel().toString()).isEqualTo(level);
                    assertThat(e.getFormattedMessage()).contains(ID);
                });
    }

    @Test
    void aDecisionIsLoggedWithTheBorrowersIdOnly() {
        HostileRules.ENGINE.evaluate(distinctive("CN-GD-SZ").build(), CONTEXT);

        assertIdLogged("DEBUG");
        assertNoPersonalDataLogged();
    }

    @Test
    void aBatchIsLoggedWithIdsOnly() {
        List<BorrowerProfile> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(distinctive(i % 10 == 3 ? HostileRules.THROW : "CN-GD-SZ").id(ID + "-" + i).build());
        }

        HostileRules.ENGINE.evaluateAll(batch, CONTEXT);

        assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(ID + "-13"));
        assertNoPersonalDataLogged();
    }

    @Test
    void aRuleThatThrowsIsLoggedWithTheBorrowersIdOnly() {
        assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(distinctive(HostileRules.THROW).build(), CONTEXT))
                .isInstanceOf(EvaluationException.class);

        assertIdLogged("WARN");
        assertNoPersonalDataLogged();
    }

    @Test
    void rulesStoppedByTheFireLimitAreLoggedWithTheBorrowersIdOnly() {
        for (String marker : List.of(HostileRules.LOOP, HostileRules.PAIRS, HostileRules.GROW)) {
            BorrowerProfile.Builder b = distinctive(marker);
            List<Loan> overdue = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                overdue.add(new Loan(LENDER + "-" + i, new BigDecimal("765432.19"), new BigDecimal("65432.17"), 31));
            }
            assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(b.loans(overdue).build(), CONTEXT))
                    .isInstanceOf(EvaluationException.class);
        }

        assertIdLogged("WARN");
        assertNoPersonalDataLogged();
    }

    @Test
    void aSentenceCitingEvidenceTheRuleDidNotGiveIsLoggedWithoutTheEvidence() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        // A rule that gives the score drop as evidence under the wrong name: the sentence cannot be written.
        Files.writeString(dir.resolve("wrong-evidence.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                import io.github.creditrisk.drools.facts.Restrict;
                rule "WEV-1 A score drop cited under the wrong name"
                    @family("SCORE_DROP")
                when
                    $b : Borrower( scoreDrop != null, scoreDrop > 200 )
                then
                    insertLogical( Restrict.freezeLimit( $b, "SCD_SCORE_DROP" ).with( "fall", $b.getScoreDrop() )
                                           .with( "income", $b.getMonthlyIncome() ) );
                end
                """);
        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            captured.list.clear();

            assertThatThrownBy(() -> engine.evaluate(distinctive("CN-GD-SZ").build(), CONTEXT))
                    .isInstanceOf(EvaluationException.class);
        }

        assertIdLogged("WARN");
        assertNoPersonalDataLogged();
    }

    @Test
    void aBorrowerIdCannotForgeALogLine() {
        String forged = "B-1\n03:00:00.000 INFO  i.g.c.d.internal.Evaluator - decided borrower B-2: APPROVE";

        assertThatThrownBy(() -> HostileRules.ENGINE.evaluate(distinctive(HostileRules.THROW).id(forged).build(),
                CONTEXT)).isInstanceOf(EvaluationException.class);
        HostileRules.ENGINE.evaluate(distinctive("CN-GD-SZ").id(forged).build(), CONTEXT);

        assertThat(captured.list).isNotEmpty().allSatisfy(e ->
                assertThat(e.getFormattedMessage()).doesNotContain("\n", "\r", "\u2028", "\u2029"));
    }
}
