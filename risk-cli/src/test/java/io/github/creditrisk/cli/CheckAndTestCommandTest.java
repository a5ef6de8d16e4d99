package io.github.creditrisk.cli;

import io.github.creditrisk.testkit.RuleDirectories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk check and risk test")
class CheckAndTestCommandTest {

    /** The repository's rules folder (tests run in risk-cli/). */
    private static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path copyOfTheBundledRules() throws IOException {
        Path copy = Files.createDirectory(dir.resolve("policy"));
        try (Stream<Path> files = Files.list(RULES.resolve("policy"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void checkSummarisesTheBundledRules() {
        Risk.Run run = Risk.run("check");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rules    bundled rules", "rules    24, in the families DELINQUENCY,",
                "overborrowing.drl", "OVB-1 OVB-2 OVB-3 OVB-4 OVB-5").endsWith("OK\n");
        assertThat(run.out()).containsPattern("version  [0-9a-f]{16}");
    }

    /** A Maven module's folder after a build: the rules and scenarios, and copies of them under target/. */
    private Path aBuiltModule() throws IOException {
        Path module = Files.createDirectory(dir.resolve("module"));
        RuleDirectories.copy(RULES.resolve("policy"), module.resolve("policy"));
        RuleDirectories.copy(RULES.resolve("policy"), module.resolve("target/classes/io/github/creditrisk/rules"));
        return module;
    }

    @Test
    void checkReadsAModuleFolderWithoutItsBuildOutput() throws IOException {
        Path module = aBuiltModule();

        Risk.Run run = Risk.run("check", "--rules", module.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rules    24, in the families DELINQUENCY,", "policy/overborrowing.drl")
                .doesNotContain("target/").endsWith("OK\n");
    }

    @Test
    void testRunsEachScenarioFileOnceWithoutTheCopiesInTheBuildOutput() throws IOException {
        Path module = aBuiltModule();

        Risk.Run run = Risk.run("test", "--rules", module.toString(), module.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rule coverage: 24 of 24 rules fired", "OK: 8 scenarios passed")
                .doesNotContain("target/");
    }

    @Test
    void checkListsEveryErrorWithFileAndLineAndFails() throws IOException {
        Path rules = copyOfTheBundledRules();
        Files.writeString(rules.resolve("broken.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                rule "BRK-1 Typo"
                when
                    Borrower( salary > 3 )
                then
                end
                """);
        Path zh = rules.resolve("messages_zh.properties");
        Files.writeString(zh, Files.readString(zh).replace("reason.OVB_MANY_LENDERS", "reason.OVB_MANY_LENDER"));

        Risk.Run run = Risk.run("check", "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^broken\\.drl:5: ")
                .contains("messages_zh.properties:0: lacks the key reason.OVB_MANY_LENDERS")
                .containsPattern("(?m)^overborrowing\\.drl:\\d+: reason code OVB_MANY_LENDERS has no customer sentence");
    }

    @Test
    void theShippedScenariosPassAndMakeEveryRuleFire() {
        Risk.Run run = Risk.run("test", RULES.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PASS  OVERBORROWING", "PASS  REGIONAL_DOWNTURN", "PASS  DELINQUENCY",
                "PASS  SECTOR_BAN", "PASS  SCORE_DROP", "PASS  REVENUE_DECLINE", "PASS  Merging",
                "rule coverage: 24 of 24 rules fired").doesNotContain("FAIL").doesNotContain("never fired");
    }

    @Test
    void aChangedThresholdFailsTheScenariosWithAReadableDifference() throws IOException {
        Path rules = copyOfTheBundledRules();
        Path parameters = rules.resolve("parameters.drl");
        Files.writeString(parameters, Files.readString(parameters)
                .replace("function int lendersForBlock() { return 6; }", "function int lendersForBlock() { return 7; }"));

        Risk.Run run = Risk.run("test", "--rules", rules.toString(), RULES.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL  OVERBORROWING")
                .contains("OVB-6-LENDERS: outcome: expected RESTRICT, got REVIEW")
                .contains("OVB-6-LENDERS: restrictions: missing OVERBORROWING BLOCK_NEW_BORROWING;"
                        + " unexpected OVERBORROWING MANUAL_REVIEW")
                .contains("MRG-ONE-BLOCK-PER-FAMILY: restrictions: unexpected OVERBORROWING MANUAL_REVIEW")
                .contains("REC-SIX-LENDERS: lift of OVERBORROWING BLOCK_NEW_BORROWING: the decision has no such"
                        + " restriction")
                .contains("FAILED: 3 of 8 scenarios failed");
    }

    @Test
    void rulesThatNoScenarioFiresAreNamed() throws IOException {
        Path scenarios = Files.createDirectory(dir.resolve("only-bans"));
        Files.copy(RULES.resolve("policy/scenarios/sector-ban.scenario.json"),
                scenarios.resolve("sector-ban.scenario.json"));

        Risk.Run run = Risk.run("test", scenarios.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rule coverage: 1 of 24 rules fired")
                .contains("never fired: OVB-1 Repayments above the segment's debt-to-income ceiling: cut the line 30%"
                        + "  (overborrowing.drl)");
    }

    @Test
    void aMalformedScenarioFileIsReportedByFileAndField() throws IOException {
        Path bad = dir.resolve("bad.scenario.json");
        Files.writeString(bad, """
                {"asOf": "2026-11-01",
                 "borrowers": [{"id": "B-1", "segment": "ORDINARY", "region": "CN", "monthlyIncome": 1,
                                "creditLimit": 1, "creditScore": 700}],
                 "expect": {"B-1": {"outcome": "DENY"}}}
                """);

        Risk.Run run = Risk.run("test", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.scenario.json: expect.B-1.outcome: 'DENY' is not an outcome");
    }

    @Test
    void aDirectoryWithoutScenariosIsReported() {
        Risk.Run run = Risk.run("test", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("holds no scenario files (*.scenario.json)");
    }
}
