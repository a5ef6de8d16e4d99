package io.github.creditrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk simulate")
class SimulateCommandTest {

    /** The repository's rules folder (tests run in risk-cli/). */
    private static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
    private static final String AS_OF = "2026-11-01";

    private static final String P2P_BAN = """
            {"type": "SECTOR_BAN", "id": "BAN-1", "sector": "P2P_LENDING", "regulation": "Notice 7", \
            "since": "2026-06-01"}""";
    private static final String GUANGDONG_SEVERE = """
            {"type": "REGIONAL_DOWNTURN", "id": "DT-9", "region": "CN-GD", "severity": "SEVERE", \
            "since": "2026-10-01"}""";

    @TempDir
    Path dir;

    // ---- fixtures ------------------------------------------------------------------------------------

    /** A borrower with a comfortable income and one small loan with each of {@code lenders} lenders. */
    private static String borrower(String id, String segment, String region, String sector, int creditLimit,
                                   int lenders) {
        List<String> loans = new ArrayList<>();
        for (int i = 1; i <= lenders; i++) {
            loans.add("{\"lender\": \"Lender " + i + "\", \"outstanding\": 1000, \"monthlyPayment\": 100}");
        }
        return "{\"id\": \"" + id + "\", \"segment\": \"" + segment + "\", \"region\": \"" + region + "\""
                + (sector == null ? "" : ", \"sector\": \"" + sector + "\"")
                + ", \"monthlyIncome\": 20000, \"creditLimit\": " + creditLimit + ", \"creditScore\": 700"
                + ", \"loans\": [" + String.join(", ", loans) + "]}";
    }

    /**
     * Five lenders are a review under the bundled rules and a block once lendersForBlock is 5: the two
     * five-lender borrowers move from REVIEW to RESTRICT; the others stay where they are.
     */
    private Path lendersPortfolio() throws IOException {
        return write("lenders.jsonl", String.join("\n",
                borrower("L-FIVE", "ORDINARY", "CN-BJ", null, 50000, 5),
                borrower("L-FOUR", "ORDINARY", "CN-SH", null, 40000, 4),
                borrower("L-SIX", "FIRST_TIME", "CN-BJ", null, 10000, 6),
                borrower("L-NONE", "HIGH_NET_WORTH", "CN-SH", null, 300000, 0),
                borrower("L-FIVE-SBO", "SMALL_BUSINESS_OWNER", "CN-ZJ-HZ", null, 80000, 5)) + "\n");
    }

    /**
     * Under a P2P ban on both sides, a SEVERE Guangdong downturn on the candidate's side restricts each
     * Guangdong segment its own way (cut 40% and block; cut 20%; cut 20%; freeze), cuts further a Guangdong
     * borrower already blocked by the ban, and leaves Beijing and CN-GDX (not inside CN-GD) alone.
     */
    private Path guangdongPortfolio() throws IOException {
        return write("guangdong.jsonl", String.join("\n",
                borrower("G-SBO", "SMALL_BUSINESS_OWNER", "CN-GD-SZ", null, 100000, 1),
                borrower("B-ORD", "ORDINARY", "CN-BJ", null, 50000, 1),
                borrower("G-ORD", "ORDINARY", "CN-GD-GZ", null, 50000, 1),
                borrower("G-FT", "FIRST_TIME", "CN-GD", null, 10000, 0),
                borrower("X-ORD", "ORDINARY", "CN-GDX", null, 20000, 0),
                borrower("G-HNW", "HIGH_NET_WORTH", "CN-GD-SZ", null, 200000, 1),
                borrower("B-P2P", "ORDINARY", "CN-BJ", "P2P_LENDING", 30000, 1),
                borrower("G-P2P", "ORDINARY", "CN-GD-SZ", "P2P_LENDING", 30000, 1)) + "\n");
    }

    private Path copyOfTheBundledRules(String name) throws IOException {
        Path copy = Files.createDirectory(dir.resolve(name));
        try (Stream<Path> files = Files.list(RULES.resolve("policy"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private Path rulesBlockingAtFiveLenders() throws IOException {
        Path rules = copyOfTheBundledRules("candidate");
        Path parameters = rules.resolve("parameters.drl");
        String text = Files.readString(parameters);
        assertThat(text).contains("function int lendersForBlock() { return 6; }");
        Files.writeString(parameters, text.replace("function int lendersForBlock() { return 6; }",
                "function int lendersForBlock() { return 5; }"));
        return rules;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path signals(String name, String... signals) throws IOException {
        return write(name, "[" + String.join(", ", signals) + "]");
    }

    private Risk.Run simulateTheGuangdongDownturn(String... more) throws IOException {
        return simulateTheGuangdongDownturn(guangdongPortfolio(), more);
    }

    private Risk.Run simulateTheGuangdongDownturn(Path portfolio, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("simulate", "--as-of", AS_OF,
                "--signals", signals("in-force.json", P2P_BAN).toString(),
                "--candidate-signals", signals("proposed.json", P2P_BAN, GUANGDONG_SEVERE).toString()));
        args.addAll(List.of(more));
        args.add(portfolio.toString());
        return Risk.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    // ---- a changed threshold -------------------------------------------------------------------------

    @Test
    void aCandidateThatOnlyLowersTheLenderThresholdMovesExactlyTheFiveLenderBorrowersFromReviewToRestrict()
            throws IOException {
        Path candidate = rulesBlockingAtFiveLenders();
        Path json = dir.resolve("impact.json");

        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--candidate", candidate.toString(),
                "--json", json.toString(), lendersPortfolio().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode figures = json(json);
        assertThat(transitions(figures)).containsOnly(
                entry("APPROVE", "APPROVE", 1), entry("REVIEW", "REVIEW", 1), entry("REVIEW", "RESTRICT", 2),
                entry("RESTRICT", "RESTRICT", 1));
        assertThat(restrictions(figures)).containsExactly(
                "OVERBORROWING BLOCK_NEW_BORROWING +2 -0 ~0",
                "OVERBORROWING MANUAL_REVIEW +0 -2 ~0");
        assertThat(figures.at("/total/changed").asLong()).isEqualTo(2);
        assertThat(figures.at("/total/newlyRestricted").asLong()).isEqualTo(2);
        assertThat(figures.at("/total/limitRemoved").decimalValue()).isZero(); // a block cuts nothing
        assertThat(figures.at("/restrictedShareChange").decimalValue()).isEqualByComparingTo("40");
        assertThat(figures.at("/candidate/rulesetVersion").asText())
                .isNotEqualTo(figures.at("/baseline/rulesetVersion").asText());
        assertThat(figures.get("sample")).extracting(s -> s.get("borrowerId").asText())
                .containsExactly("L-FIVE", "L-FIVE-SBO");
        assertThat(run.out()).contains(
                "  L-FIVE      ORDINARY              CN-BJ     REVIEW → RESTRICT  50,000 → 50,000",
                "      + BLOCK_NEW_BORROWING OVERBORROWING (OVB-4 OVB_TOO_MANY_LENDERS): You currently have loans"
                        + " with 5 different lenders, more than we can responsibly lend alongside.",
                "      - MANUAL_REVIEW OVERBORROWING (OVB-3 OVB_MANY_LENDERS): You currently have loans with 5"
                        + " different lenders.");
    }

    // ---- an added signal -----------------------------------------------------------------------------

    @Test
    void aCandidateThatOnlyAddsADownturnSignalRestrictsEachGuangdongSegmentItsOwnWay() throws IOException {
        Path json = dir.resolve("impact.json");

        Risk.Run run = simulateTheGuangdongDownturn("--json", json.toString());

        assertThat(run.exit()).isZero();
        JsonNode figures = json(json);
        assertThat(figures.at("/baseline/rulesetVersion")).isEqualTo(figures.at("/candidate/rulesetVersion"));
        assertThat(transitions(figures)).containsOnly(
                entry("APPROVE", "APPROVE", 2), entry("APPROVE", "RESTRICT", 4), entry("RESTRICT", "RESTRICT", 2));
        assertThat(restrictions(figures)).containsExactly(
                "REGIONAL_DOWNTURN REDUCE_LIMIT +4 -0 ~0",
                "REGIONAL_DOWNTURN BLOCK_NEW_BORROWING +1 -0 ~0",
                "REGIONAL_DOWNTURN FREEZE_LIMIT +1 -0 ~0");
        // 100,000 cut 40%, 50,000 and 10,000 and 30,000 cut 20%; the freeze cuts nothing.
        assertThat(figures.at("/total/limitRemoved").decimalValue()).isEqualByComparingTo("58000");
        assertThat(figures.at("/total/limitRestored").decimalValue()).isZero();
        assertThat(figures.at("/total/changed").asLong()).isEqualTo(5);
        assertThat(figures.at("/total/newlyRestricted").asLong()).isEqualTo(4);
        assertThat(groups(figures.get("segments"), "segment")).containsExactly(
                "ORDINARY borrowers=5 changed=2 newlyRestricted=1 removed=16000",
                "SMALL_BUSINESS_OWNER borrowers=1 changed=1 newlyRestricted=1 removed=40000",
                "HIGH_NET_WORTH borrowers=1 changed=1 newlyRestricted=1 removed=0",
                "FIRST_TIME borrowers=1 changed=1 newlyRestricted=1 removed=2000");
        assertThat(groups(figures.get("regions"), "region")).containsExactly(
                "CN-GD-SZ borrowers=3 changed=3 newlyRestricted=2 removed=46000",
                "CN-GD borrowers=1 changed=1 newlyRestricted=1 removed=2000",
                "CN-GD-GZ borrowers=1 changed=1 newlyRestricted=1 removed=10000",
                "CN-BJ borrowers=2 changed=0 newlyRestricted=0 removed=0",
                "CN-GDX borrowers=1 changed=0 newlyRestricted=0 removed=0");
        assertThat(run.out()).contains("signal only in the candidate: REGIONAL_DOWNTURN CN-GD SEVERE from 2026-10-01"
                + " (DT-9)").doesNotContain("only in the baseline");
    }

    @Test
    void theSampleKeepsTheFirstChangedBorrowersInInputOrderWithTheirReasons() throws IOException {
        Risk.Run run = simulateTheGuangdongDownturn("--sample", "2");

        assertThat(run.out()).contains("Changed borrowers: the first 2 of 5, in input order")
                .contains("  G-SBO  SMALL_BUSINESS_OWNER  CN-GD-SZ  APPROVE → RESTRICT  100,000 → 60,000")
                .contains("      + REDUCE_LIMIT REGIONAL_DOWNTURN (RGD-3 RGD_REGIONAL_DOWNTURN 40%): Region CN-GD,"
                        + " where you live or do business, has been in an economic downturn since 1 October 2026"
                        + " (severity: severe).\n")
                .contains("  G-ORD  ORDINARY              CN-GD-GZ  APPROVE → RESTRICT  50,000 → 40,000")
                .doesNotContain("G-FT ");
    }

    @Test
    void theSampleIsInChineseWhenAsked() throws IOException {
        Risk.Run run = simulateTheGuangdongDownturn("--lang", "zh", "--sample", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("\\+ REDUCE_LIMIT REGIONAL_DOWNTURN"
                + " \\(RGD-3 RGD_REGIONAL_DOWNTURN 40%\\): [^\\n]*CN-GD[^\\n]*。\\n");
    }

    // ---- the guard -----------------------------------------------------------------------------------

    @Test
    void theGuardStopsACandidateThatRestrictsMoreThanTheGivenShareBeyondTheBaseline() throws IOException {
        // Four of the eight borrowers are newly restricted: 50 points.
        Risk.Run above = simulateTheGuangdongDownturn("--max-restricted-share", "49.9");
        Risk.Run atTheLimit = simulateTheGuangdongDownturn("--max-restricted-share", "50");

        assertThat(above.exit()).isEqualTo(3);
        assertThat(above.err()).contains("risk simulate: the candidate restricts +50.00% of the portfolio beyond the"
                + " baseline, above --max-restricted-share 49.9");
        assertThat(above.out()).contains("Guard: the candidate restricts +50.00 points of the portfolio beyond the"
                + " baseline; the limit is 49.9: EXCEEDED (exit code 3)");
        assertThat(atTheLimit.exit()).isZero();
        assertThat(atTheLimit.err()).isEmpty();
        assertThat(atTheLimit.out()).contains("the limit is 50: within");
    }

    @Test
    void aCandidateThatRestrictsFewerPassesAnyGuard() throws IOException {
        // The reverse question: withdrawing the downturn releases four borrowers.
        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--max-restricted-share", "0",
                "--signals", signals("in-force.json", P2P_BAN, GUANGDONG_SEVERE).toString(),
                "--candidate-signals", signals("proposed.json", P2P_BAN).toString(), guangdongPortfolio().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("signal only in the baseline: REGIONAL_DOWNTURN CN-GD SEVERE")
                .contains("restricted share 75.00% → 25.00% (-50.00 points)")
                .containsPattern("(?m)^  restored\\s+58,000$");
    }

    @Test
    void aGuardOutsideZeroToAHundredIsABadOption() throws IOException {
        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--max-restricted-share", "150",
                lendersPortfolio().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--max-restricted-share 150.0 is not a percentage");
    }

    // ---- the reports ---------------------------------------------------------------------------------

    @Test
    void theHtmlReportIsOneSelfContainedPageWithTheHeatMapChartsAndTablesAndEscapesInput() throws IOException {
        Path html = dir.resolve("impact.html");
        Path portfolio = guangdongPortfolio();
        Files.writeString(portfolio, Files.readString(portfolio)
                + borrower("G-<script>alert('x')</script>&", "ORDINARY", "CN-GD-<b>", null, 1000, 0) + "\n");

        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--candidate-signals",
                signals("proposed.json", P2P_BAN, GUANGDONG_SEVERE).toString(), "--report", html.toString(),
                portfolio.toString());

        assertThat(run.exit()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg class=\"heatmap\"")
                .contains("<rect class=\"cell\" data-from=\"APPROVE\" data-to=\"RESTRICT\"")
                .contains("Borrowers newly and no longer affected, by family and restriction type")
                .contains("Borrowers newly and no longer affected, by segment")
                .contains("<section id=\"regions\">", "<section id=\"sample\">", "<table")
                .contains("G-&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;", "CN-GD-&lt;b&gt;")
                .doesNotContain("<script", "<b>", "<link", "<img", "@import", "url(");
        assertThat(Pattern.compile("<rect class=\"cell\"").matcher(page).results().count()).isEqualTo(9);
        Matcher references = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?([^\"' >]*)").matcher(page);
        while (references.find()) {
            assertThat(references.group(2)).doesNotContainIgnoringCase("http");
        }
        assertThat(page).doesNotContainIgnoringCase("http");
    }

    @Test
    void theJsonFiguresAreTheTextFigures() throws IOException {
        Path json = dir.resolve("impact.json");

        Risk.Run run = simulateTheGuangdongDownturn("--json", json.toString());

        JsonNode figures = json(json);
        // The transition matrix: each text cell "count (share%)" equals the JSON cell.
        List<String> textCells = new ArrayList<>();
        for (String outcome : List.of("APPROVE", "REVIEW", "RESTRICT")) {
            String row = run.lines().stream().filter(l -> l.startsWith("  " + outcome + " ")).findFirst().orElseThrow();
            Matcher cell = Pattern.compile("([\\d,]+) \\(([\\d.]+)%\\)").matcher(row);
            for (int i = 0; i < 3 && cell.find(); i++) {
                textCells.add(cell.group(1).replace(",", "") + " " + cell.group(2));
            }
        }
        List<String> jsonCells = new ArrayList<>();
        figures.get("transitions").forEach(t -> jsonCells.add(t.get("borrowers").asLong() + " "
                + t.get("share").decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()));
        assertThat(textCells).containsExactlyElementsOf(jsonCells);
        // Families and types, segments and the credit limit.
        for (JsonNode r : figures.get("restrictions")) {
            assertThat(run.out()).containsPattern("(?m)^  " + r.get("family").asText() + "\\s+" + r.get("type").asText()
                    + "\\s+" + r.get("newlyAffected").asLong() + "\\s+" + r.get("noLongerAffected").asLong() + "\\s+"
                    + r.get("modified").asLong() + "$");
        }
        for (JsonNode s : figures.get("segments")) {
            assertThat(run.out()).containsPattern("(?m)^  " + s.get("segment").asText() + "\\s+" + s.get("borrowers")
                    + "\\s+" + s.get("changed") + "\\s+" + s.get("restrictedBefore") + "\\s+" + s.get("restrictedAfter")
                    + "\\s+" + s.get("newlyRestricted") + "\\s+" + s.get("noLongerRestricted") + "\\s+"
                    + s.get("newlyAffected") + "\\s+" + s.get("noLongerAffected") + "\\s+"
                    + grouped(s.get("limitRemoved").asLong()) + "\\s+" + grouped(s.get("limitRestored").asLong())
                    + "$");
        }
        assertThat(run.out())
                .containsPattern("(?m)^  removed\\s+" + grouped(figures.at("/creditLimit/removed").asLong()) + "$")
                .contains("restricted share " + twoDecimals(figures.at("/restrictedShareBaseline")) + "% → "
                        + twoDecimals(figures.at("/restrictedShareCandidate")) + "%");
    }

    // ---- bad input and set-up ------------------------------------------------------------------------

    @Test
    void badLinesAreCountedAndShownButDoNotStopTheRun() throws IOException {
        Path portfolio = guangdongPortfolio();
        String good = Files.readString(portfolio);
        Files.writeString(portfolio, good.replace("\n", "\n\n")   // blank lines are skipped
                + "{\"id\": \"BROKEN\", \"segment\": \n"
                + borrower("NEGATIVE", "ORDINARY", "CN-GD", null, 1000, 0).replace("20000", "-5") + "\n"
                + borrower("G-SBO", "ORDINARY", "CN-BJ", null, 1000, 0) + "\n");
        Path json = dir.resolve("impact.json");

        Risk.Run run = simulateTheGuangdongDownturn(portfolio, "--json", json.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("risk simulate: 3 lines were rejected; the figures cover the 8 borrowers compared");
        assertThat(run.out()).contains("8 borrowers compared, 3 lines rejected", "Rejected lines: 3")
                .contains("  line 17: ", "  line 18: monthlyIncome: -5 is negative")
                .contains("  line 19: id: 'G-SBO' appears more than once");
        JsonNode figures = json(json);
        assertThat(figures.at("/rejected").asLong()).isEqualTo(3);
        assertThat(figures.at("/total/newlyRestricted").asLong()).isEqualTo(4);
        assertThat(figures.get("rejections")).extracting(r -> r.get("line").asLong()).containsExactly(17L, 18L, 19L);
    }

    @Test
    void aTrippedGuardWinsOverRejectedLines() throws IOException {
        Path portfolio = guangdongPortfolio();
        Files.writeString(portfolio, Files.readString(portfolio) + "not json\n");

        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--max-restricted-share", "10", "--candidate-signals",
                signals("proposed.json", GUANGDONG_SEVERE).toString(), portfolio.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("1 line was rejected", "above --max-restricted-share 10");
    }

    @Test
    void brokenCandidateRulesStopTheRunWithEveryErrorAsFileAndLine() throws IOException {
        Path candidate = copyOfTheBundledRules("candidate");
        Files.writeString(candidate.resolve("x.drl"),
                "package policy;\nrule \"X-1 Broken\"\nwhen\n  Nothing( )\nthen\nend\n");

        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--candidate", candidate.toString(),
                lendersPortfolio().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern("(?m)^x\\.drl:4: ")
                .contains("risk simulate: the candidate rules in " + candidate + " do not compile (1 error)");
    }

    @Test
    void aPortfolioWithoutADateIsRefused() throws IOException {
        Risk.Run run = Risk.run("simulate", lendersPortfolio().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("risk simulate: no evaluation date: give --as-of DATE");
    }

    @Test
    void aMalformedCandidateSignalFileStopsTheRunBeforeAnyEvaluation() throws IOException {
        Path signals = write("proposed.json",
                "[{\"type\": \"REGIONAL_DOWNTURN\", \"region\": \"CN-GD\", \"since\": \"2026-10-01\"}]");

        Risk.Run run = Risk.run("simulate", "--as-of", AS_OF, "--candidate-signals", signals.toString(),
                lendersPortfolio().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).hasLineCount(1).contains("signals " + signals, "severity");
    }

    @Test
    void theSameRulesUnderTheSameSignalsChangeNothing() throws IOException {
        Risk.Run run = Risk.runWithInput(Files.readString(lendersPortfolio()), "simulate", "--as-of", AS_OF,
                "--max-restricted-share", "0", "-");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("5 borrowers compared", "No borrower is decided differently.",
                "no restriction changes for anyone", "restricted share 20.00% → 20.00% (+0.00 points)");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String entry(String from, String to, long n) {
        return from + "→" + to + "=" + n;
    }

    /** The non-empty cells of the transition matrix. */
    private static List<String> transitions(JsonNode figures) {
        List<String> cells = new ArrayList<>();
        figures.get("transitions").forEach(t -> {
            if (t.get("borrowers").asLong() > 0) {
                cells.add(entry(t.get("baseline").asText(), t.get("candidate").asText(), t.get("borrowers").asLong()));
            }
        });
        return cells;
    }

    private static List<String> restrictions(JsonNode figures) {
        List<String> rows = new ArrayList<>();
        figures.get("restrictions").forEach(r -> rows.add(r.get("family").asText() + " " + r.get("type").asText()
                + " +" + r.get("newlyAffected") + " -" + r.get("noLongerAffected") + " ~" + r.get("modified")));
        return rows;
    }

    private static List<String> groups(JsonNode groups, String name) {
        List<String> rows = new ArrayList<>();
        groups.forEach(g -> rows.add(g.get(name).asText() + " borrowers=" + g.get("borrowers") + " changed="
                + g.get("changed") + " newlyRestricted=" + g.get("newlyRestricted") + " removed="
                + g.get("limitRemoved").decimalValue().toPlainString()));
        return rows;
    }

    private static String twoDecimals(JsonNode share) {
        return share.decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
