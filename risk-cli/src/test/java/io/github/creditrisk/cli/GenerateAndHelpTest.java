package io.github.creditrisk.cli;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Segment;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk generate, --help and --version")
class GenerateAndHelpTest {

    @Test
    void theSameSeedGivesTheSamePortfolioAndAnotherSeedAnother() {
        Risk.Run first = Risk.run("generate", "--count", "200", "--seed", "7");
        Risk.Run again = Risk.run("generate", "--count", "200", "--seed", "7");
        Risk.Run other = Risk.run("generate", "--count", "200", "--seed", "8");

        assertThat(first.exit()).isZero();
        assertThat(first.lines()).hasSize(200);
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void aGeneratedPortfolioIsValidAndSpreadRealistically() {
        RiskJson json = RiskJson.create();
        List<BorrowerProfile> borrowers = Risk.run("generate", "--count", "5000", "--seed", "3").lines().stream()
                .map(json::readBorrowerLine)
                .map(input -> ((BorrowerInput.Valid) input).profile())
                .toList();

        Map<Segment, Long> segments = borrowers.stream()
                .collect(Collectors.groupingBy(BorrowerProfile::segment, Collectors.counting()));
        assertThat(segments.get(Segment.ORDINARY)).isBetween(2500L, 3000L);
        assertThat(segments.get(Segment.HIGH_NET_WORTH)).isBetween(250L, 550L);
        assertThat(borrowers.stream().map(BorrowerProfile::region).distinct().count()).isEqualTo(20);
        assertThat(borrowers.stream().filter(b -> "P2P_LENDING".equals(b.sector())).count()).isBetween(50L, 150L);
        assertThat(borrowers.stream().map(BorrowerProfile::id).collect(Collectors.toSet())).hasSize(5000);
        assertThat(borrowers.stream().filter(b -> b.loans().size() >= 6).count()).isPositive();
        assertThat(borrowers.stream().filter(b -> b.loans().stream().anyMatch(l -> l.daysPastDue() > 90)).count())
                .isPositive();
        assertThat(borrowers.stream().map(BorrowerProfile::id).map(Function.identity()).findFirst())
                .contains("B-00000001");
    }

    @ParameterizedTest(name = "risk {0} --help")
    @ValueSource(strings = {"eval", "check", "test", "generate", "simulate"})
    void everyCommandExplainsItself(String command) {
        Risk.Run run = Risk.run(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: risk " + command).contains("Exit codes:").contains("--help")
                .doesNotContain("%%").doesNotContain("%n");
    }

    /** A lone % in a help text makes picocli warn on the process's standard error and print the text raw. */
    @Test
    void percentagesInAHelpTextAreWrittenAsPercentagesWithoutAWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        Risk.Run run;
        try {
            run = Risk.run("generate", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertThat(run.out()).contains("55% ordinary customers").contains("(2% P2P lending)");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void theTopLevelHelpListsTheCommandsAndVersionNamesTheRules() {
        assertThat(Risk.run("--help").out()).contains("eval", "check", "test", "generate");
        assertThat(Risk.run("--version").out()).containsPattern("bundled rules [0-9a-f]{16}");
    }

    @Test
    void anUnknownCommandIsABadUsage() {
        Risk.Run run = Risk.run("evaluate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("eval");
    }
}
