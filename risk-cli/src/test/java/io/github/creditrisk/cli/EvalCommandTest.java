package io.github.creditrisk.cli;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.json.RiskJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk eval")
class EvalCommandTest {

    private static final RiskJson JSON = RiskJson.create();

    private static final String HEALTHY = """
            {"id": "B-1", "segment": "ORDINARY", "region": "CN-GD-SZ", "monthlyIncome": 10000, "creditLimit": 50000, \
            "creditScore": 700}""";
    private static final String IN_P2P = """
            {"id": "B-2", "segment": "ORDINARY", "region": "CN-BJ", "sector": "P2P_LENDING", "monthlyIncome": 8000, \
            "creditLimit": 30000, "creditScore": 680}""";
    private static final String OVERBORROWED = """
            {"id": "B-3", "segment": "FIRST_TIME", "region": "CN-SC-CD", "monthlyIncome": 5000, "creditLimit": 10000, \
            "creditScore": 640, "loans": [{"lender": "Quick Loans", "outstanding": 20000, "monthlyPayment": 4000}]}""";
    private static final String SIGNALS = """
            [{"type": "SECTOR_BAN", "sector": "P2P_LENDING", "regulation": "Notice 7", "since": "2026-06-01"},
             {"type": "REGIONAL_DOWNTURN", "region": "CN-GD", "severity": "HIGH", "since": "2026-09-01"}]""";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<Evaluation> evaluations(Risk.Run run) {
        return run.lines().stream().map(JSON::readEvaluation).toList();
    }

    private static Decision decision(Evaluation e) {
        assertThat(e).isInstanceOf(Evaluation.Decided.class);
        return ((Evaluation.Decided) e).decision();
    }

    @Test
    void aCaseFileGivesOneDecisionPerBorrowerInInputOrder() throws IOException {
        Path file = write("case.json", "{\"asOf\": \"2026-11-01\", \"signals\": " + SIGNALS + ", \"borrowers\": ["
                + HEALTHY + ", " + IN_P2P + ", " + OVERBORROWED + "]}");

        Risk.Run run = Risk.run("eval", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        List<Evaluation> results = evaluations(run);
        assertThat(results).extracting(Evaluation::borrowerId).containsExactly("B-1", "B-2", "B-3");
        assertThat(decision(results.get(0)).restrictions()).extracting(r -> r.family() + " " + r.type())
                .containsExactly("REGIONAL_DOWNTURN FREEZE_LIMIT");
        assertThat(decision(results.get(1)).restrictions().get(0).reason()).contains("Notice 7");
        assertThat(decision(results.get(2)).recommendedLimit()).isEqualByComparingTo("5000");
    }

    @Test
    void aJsonLinesPortfolioTakesItsDateAndSignalsFromTheOptions() throws IOException {
        Path portfolio = write("portfolio.jsonl", HEALTHY + "\n" + IN_P2P + "\n" + OVERBORROWED + "\n");
        Path signals = write("signals.json", SIGNALS);

        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", "--signals", signals.toString(), portfolio.toString());

        assertThat(run.exit()).isZero();
        assertThat(evaluations(run)).extracting(e -> decision(e).outcome())
                .containsExactly(Outcome.RESTRICT, Outcome.RESTRICT, Outcome.RESTRICT);
    }

    /** However many workers decide, the output is the same lines in the same order (256 borrowers a chunk). */
    @Test
    void anyNumberOfWorkersWritesTheSameLinesInInputOrder() throws IOException {
        Risk.Run generated = Risk.run("generate", "--count", "3000", "--seed", "11");
        StringBuilder lines = new StringBuilder();
        List<String> borrowers = generated.lines();
        for (int i = 0; i < borrowers.size(); i++) {
            lines.append(i % 397 == 5 ? "{\"id\": \"broken-" + i + "\"}" : borrowers.get(i)).append('\n');
        }
        Path portfolio = write("many.jsonl", lines.toString());
        Path signals = write("signals.json", SIGNALS);

        Risk.Run one = Risk.run("eval", "--threads", "1", "--as-of", "2026-11-01", "--signals", signals.toString(),
                portfolio.toString());
        Risk.Run three = Risk.run("eval", "--threads", "3", "--as-of", "2026-11-01", "--signals", signals.toString(),
                portfolio.toString());

        assertThat(one.lines()).hasSize(3000);
        assertThat(one.lines().get(5)).contains("broken-5");
        assertThat(three.out()).isEqualTo(one.out());
        assertThat(three.exit()).isEqualTo(one.exit());
    }

    @Test
    void standardInputCanCarryJsonLinesOrACaseFile() {
        Risk.Run lines = Risk.runWithInput(HEALTHY + "\n" + IN_P2P + "\n", "eval", "--as-of", "2026-11-01", "-");
        Risk.Run caseFile = Risk.runWithInput("{\n  \"asOf\": \"2026-11-01\",\n  \"borrowers\": [\n" + HEALTHY + "\n]\n}\n",
                "eval", "-");

        assertThat(lines.exit()).isZero();
        assertThat(evaluations(lines)).extracting(Evaluation::borrowerId).containsExactly("B-1", "B-2");
        assertThat(caseFile.exit()).isZero();
        assertThat(evaluations(caseFile)).extracting(Evaluation::borrowerId).containsExactly("B-1");
    }

    @Test
    void reasonsAreInChineseWhenAsked() throws IOException {
        Path portfolio = write("p.jsonl", OVERBORROWED + "\n");

        Risk.Run run = Risk.run("eval", "--lang", "zh", "--as-of", "2026-11-01", portfolio.toString());

        Decision d = decision(evaluations(run).get(0));
        assertThat(d.notice()).contains("申诉");
        assertThat(d.restrictions().get(0).reason()).contains("首次借款客户");
    }

    @Test
    void asOfOnTheCommandLineOverridesTheCaseFile() throws IOException {
        // The ban starts on 2026-06-01: before it, the P2P borrower is not blocked.
        Path file = write("case.json", "{\"asOf\": \"2026-11-01\", \"signals\": " + SIGNALS + ", \"borrowers\": ["
                + IN_P2P + "]}");

        Risk.Run run = Risk.run("eval", "--as-of", "2026-05-31", file.toString());

        assertThat(decision(evaluations(run).get(0)).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aRejectedBorrowerBecomesAnErrorLineInItsPlaceAndTheRestAreStillDecided() throws IOException {
        String badIncome = HEALTHY.replace("\"B-1\"", "\"B-BAD\"").replace("10000", "-5");
        String notJson = "{\"id\": \"B-BROKEN\", \"segment\": ";
        String unknownField = HEALTHY.replace("\"B-1\"", "\"B-TYPO\"").replace("creditScore", "creditScor");
        Path portfolio = write("p.jsonl", HEALTHY + "\n" + badIncome + "\n" + notJson + "\n\n" + unknownField + "\n"
                + IN_P2P + "\n" + HEALTHY + "\n");

        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        List<Evaluation> results = evaluations(run);
        assertThat(results).extracting(Evaluation::borrowerId)
                .containsExactly("B-1", "B-BAD", "B-BROKEN", "B-TYPO", "B-2", "B-1");
        assertThat(results.get(0)).isInstanceOf(Evaluation.Decided.class);
        assertThat(((Evaluation.Failed) results.get(1)).error()).contains("line 2", "monthlyIncome", "-5");
        assertThat(((Evaluation.Failed) results.get(2)).error()).contains("line 3");
        assertThat(((Evaluation.Failed) results.get(3)).error()).contains("line 5", "creditScor");
        assertThat(results.get(4)).isInstanceOf(Evaluation.Decided.class);
        assertThat(((Evaluation.Failed) results.get(5)).error()).contains("'B-1' appears more than once");
    }

    @Test
    void aBadBorrowerInACaseFileCostsOnlyThatBorrower() throws IOException {
        Path file = write("case.json", "{\"asOf\": \"2026-11-01\", \"borrowers\": [" + HEALTHY + ", "
                + IN_P2P.replace("\"ORDINARY\"", "\"VIP\"") + ", " + OVERBORROWED + "]}");

        Risk.Run run = Risk.run("eval", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        List<Evaluation> results = evaluations(run);
        assertThat(results).hasSize(3);
        assertThat(((Evaluation.Failed) results.get(1)).error()).contains("segment", "VIP");
        assertThat(results.get(2)).isInstanceOf(Evaluation.Decided.class);
    }

    @Test
    void aMalformedSignalFileStopsTheRunBeforeAnyEvaluation() throws IOException {
        Path portfolio = write("p.jsonl", HEALTHY + "\n");
        Path signals = write("signals.json", "[{\"type\": \"SECTOR_BAN\", \"sector\": \"P2P\", \"since\": \"2026-06-01\"}]");

        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", "--signals", signals.toString(), portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).hasLineCount(1).contains("signals", "regulation");
    }

    @Test
    void signalsWithUntilBeforeSinceAreRejected() throws IOException {
        Path portfolio = write("p.jsonl", HEALTHY + "\n");
        Path signals = write("signals.json", "[{\"type\": \"SERVICE_OUTAGE\", \"since\": \"2026-06-10\","
                + " \"until\": \"2026-06-01\"}]");

        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", "--signals", signals.toString(), portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("until", "before since");
    }

    @Test
    void anUnreadableInputStopsTheRunWithOneLine() {
        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", dir.resolve("missing.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).hasLineCount(1).contains("missing.jsonl", "no such file");
    }

    @Test
    void anUnknownOptionStopsTheRunWithAClearMessage() {
        Risk.Run run = Risk.run("eval", "--asof", "2026-11-01", "x.jsonl");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--asof'").contains("Possible solutions: --as-of");
    }

    @Test
    void aMalformedDateIsABadOption() {
        Risk.Run run = Risk.run("eval", "--as-of", "01/11/2026", "x.jsonl");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'01/11/2026' is not a date; expected YYYY-MM-DD");
    }

    @Test
    void aPortfolioWithoutADateIsRefused() throws IOException {
        Path portfolio = write("p.jsonl", HEALTHY + "\n");

        Risk.Run run = Risk.run("eval", portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no evaluation date: give --as-of DATE");
    }

    @Test
    void rulesThatDoNotCompileStopTheRunListingEveryError() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("x.drl"), "package policy;\nrule \"X-1 Broken\"\nwhen\n  Nothing( )\nthen\nend\n");
        Path portfolio = write("p.jsonl", HEALTHY + "\n");

        Risk.Run run = Risk.run("eval", "--rules", rules.toString(), "--as-of", "2026-11-01", portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("x.drl:4:").contains("do not compile");
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedWithoutReadingItIntoMemory() throws IOException {
        String huge = "{\"id\": \"" + "x".repeat(2_000_000) + "\"}";
        Path portfolio = write("p.jsonl", huge + "\n" + HEALTHY + "\n");

        Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", portfolio.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("line 1: is 2000010 characters long");
        assertThat(run.lines().get(1)).contains("\"borrowerId\":\"B-1\"");
    }

    @Test
    void inputLimitsCanBeChangedOnTheCommandLine() throws IOException {
        String twoLoans = OVERBORROWED.replace("\"loans\": [", "\"loans\": [{\"lender\": \"Bank\", \"outstanding\": 1,"
                + " \"monthlyPayment\": 1}, ");
        Path portfolio = write("p.jsonl", twoLoans + "\n");

        Risk.Run lowered = Risk.run("eval", "--as-of", "2026-11-01", "--limit", "maxLoans=1", portfolio.toString());
        Risk.Run unknown = Risk.run("eval", "--as-of", "2026-11-01", "--limit", "maxLoanz=1", portfolio.toString());
        Risk.Run invalid = Risk.run("eval", "--as-of", "2026-11-01", "--limit", "maxLoans=0", portfolio.toString());

        assertThat(lowered.exit()).isEqualTo(2);
        assertThat(lowered.out()).contains("loans: has 2 entries; expected at most 1 loans");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("maxLoans: 0 is too small; expected at least 1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'maxLoanz=1' is not a limit").contains("maxLoans");
    }

    @Test
    void theTimeBudgetIsGivenInMillisecondsSecondsMinutesOrIso8601() throws IOException {
        Path portfolio = write("p.jsonl", HEALTHY + "\n" + OVERBORROWED + "\n");

        for (String budget : List.of("500ms", "5s", "2m", "PT5S")) {
            Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", "--time-budget", budget, portfolio.toString());

            assertThat(run.exit()).as(budget + ": " + run.err()).isZero();
            assertThat(evaluations(run)).extracting(e -> decision(e).outcome())
                    .containsExactly(Outcome.APPROVE, Outcome.RESTRICT);
        }
    }

    @Test
    void aTimeBudgetThatIsNotAPositiveDurationIsABadOptionNamingWhatIsAccepted() throws IOException {
        Path portfolio = write("p.jsonl", HEALTHY + "\n");

        for (String budget : List.of("5x", "5", "0s", "-1s", "PT-5S")) {
            Risk.Run run = Risk.run("eval", "--as-of", "2026-11-01", "--time-budget", budget, portfolio.toString());

            assertThat(run.exit()).as(budget).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--time-budget", "'" + budget + "'", "500ms, 5s or 2m", "PT5S");
        }
    }

    @Test
    void theFireLimitStopsABorrowerWhoseRulesFireMoreAndMustBeAtLeastOne() throws IOException {
        // an overdue loan fires two rules: the one finding the longest overdue, and the one blocking on it
        String overdue = OVERBORROWED.replace("\"monthlyPayment\": 4000}",
                "\"monthlyPayment\": 4000, \"daysPastDue\": 45}");
        Path portfolio = write("p.jsonl", HEALTHY + "\n" + overdue + "\n");

        Risk.Run one = Risk.run("eval", "--as-of", "2026-11-01", "--fire-limit", "1", portfolio.toString());
        Risk.Run zero = Risk.run("eval", "--as-of", "2026-11-01", "--fire-limit", "0", portfolio.toString());

        assertThat(one.exit()).isEqualTo(2);
        List<Evaluation> results = evaluations(one);
        assertThat(results.get(0)).isInstanceOf(Evaluation.Decided.class);
        assertThat(((Evaluation.Failed) results.get(1)).error()).contains("B-3", "fired more than 1 times");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--fire-limit 0 is below 1");
    }
}
