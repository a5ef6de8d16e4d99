package io.github.creditrisk.spark;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.simulate.Comparison;
import io.github.creditrisk.simulate.HtmlReport;
import io.github.creditrisk.simulate.Impact;
import io.github.creditrisk.simulate.ImpactTally;
import io.github.creditrisk.simulate.JsonReport;
import io.github.creditrisk.simulate.Setup;
import io.github.creditrisk.simulate.Side;
import io.github.creditrisk.simulate.SideBySide;
import io.github.creditrisk.simulate.TextReport;
import io.github.creditrisk.testkit.PortfolioGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Champion/challenger on Spark against what risk simulate reports for the same portfolio and sides. */
class SparkSimulationTest {

    private static final RiskJson JSON = RiskJson.create();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static Path candidateRules;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.session();
        candidateRules = dir.resolve("candidate");
        Files.createDirectories(candidateRules);
        try (var files = Files.list(Path.of("..", "rules", "policy"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, candidateRules.resolve(f.getFileName()));
            }
        }
        Path parameters = candidateRules.resolve("parameters.drl");
        Files.writeString(parameters, Files.readString(parameters)
                .replace("function int lendersForBlock() { return 6; }", "function int lendersForBlock() { return 5; }")
                .replace("function int dtiAboveCeilingCut() { return 30; }",
                        "function int dtiAboveCeilingCut() { return 40; }"));
    }

    private static List<Signal> baselineSignals() {
        return JSON.readSignals("""
                [{"type": "SECTOR_BAN", "sector": "P2P_LENDING", "regulation": "Regulatory Notice 2026-7", "since": "2026-06-01"},
                 {"type": "SERVICE_OUTAGE", "since": "2026-09-25", "until": "2026-09-28"}]""");
    }

    private static List<Signal> candidateSignals() {
        List<Signal> signals = new ArrayList<>(baselineSignals());
        signals.addAll(JSON.readSignals("""
                [{"type": "REGIONAL_DOWNTURN", "id": "DT-GD", "region": "CN-GD", "severity": "SEVERE", "since": "2026-10-01"}]"""));
        return signals;
    }

    private static List<String> generated(int count) {
        PortfolioGenerator generator = new PortfolioGenerator(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(JSON.writeBorrower(generator.borrower(i)));
        }
        return lines;
    }

    private static Setup setup(RuleFiles baseline, RuleFiles candidate, Double guard) {
        return new Setup(AS_OF, Language.EN, new Side("bundled rules", baseline.version(), baselineSignals()),
                new Side(candidateRules.toString(), candidate.version(), candidateSignals()), guard, 20, 10);
    }

    /**
     * What risk simulate reports for {@code lines}: each line read and compared under both sides in input order, a
     * borrower compared under an id seen on an earlier line rejected as repeated, all added up in one tally.
     */
    private static Impact whatRiskSimulateReports(List<String> lines, Setup setup) {
        try (RiskEngine before = RiskEngines.create();
             RiskEngine after = RiskEngines.create(EngineSettings.defaults().withRulesDirectory(candidateRules))) {
            SideBySide work = new SideBySide(JSON, before, new EvaluationContext(AS_OF, baselineSignals(), Language.EN),
                    after, new EvaluationContext(AS_OF, candidateSignals(), Language.EN));
            ImpactTally tally = new ImpactTally(setup);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                SideBySide.Entry entry = work.read(i + 1, lines.get(i));
                if (entry == null) {
                    continue;
                }
                Comparison c = work.compare(List.of(entry)).get(0);
                boolean first = c.borrowerId() == null || seen.add(c.borrowerId());
                tally.accept(first || c instanceof Comparison.Rejected ? c : Comparison.repeated(c.line(), c.borrowerId()));
            }
            return tally.impact();
        }
    }

    @Test
    void theFiguresOfAJsonLinesPortfolioAreRiskSimulatesFigures() throws IOException {
        List<String> lines = generated(3000);
        lines.add(11, "");
        lines.add(120, "{\"id\": \"DUP-1\", \"segment\": \"ORDINARY\"}"); // rejected, and its id counts as seen
        lines.add(300, "not json");
        lines.add(2200, lines.get(40)); // a repeated id in another partition
        lines.add(2600, lines.get(40).replace(JSON.readBorrower(lines.get(40)).id(), "DUP-1"));
        Path file = Files.write(dir.resolve("portfolio.jsonl"), lines);
        RuleFiles baseline = RuleFiles.bundled();
        RuleFiles candidate = RuleFiles.fromDirectory(candidateRules);
        Setup setup = setup(baseline, candidate, null);

        Impact spark = SparkSimulation.simulateJsonLines(SparkSimulationTest.spark, file.toString(), setup, baseline,
                candidate);

        Impact expected = whatRiskSimulateReports(lines, setup);
        assertThat(JsonReport.write(spark)).isEqualTo(JsonReport.write(expected));
        assertThat(TextReport.write(spark)).isEqualTo(TextReport.write(expected));
        assertThat(HtmlReport.write(spark)).isEqualTo(HtmlReport.write(expected));
        assertThat(spark.rejected()).isEqualTo(4);
        assertThat(spark.evaluated()).isEqualTo(3000);
        assertThat(spark.total().changed()).isGreaterThan(100);
        assertThat(spark.sample()).hasSize(20);
        assertThat(spark.firstRejections()).extracting(Comparison.Rejected::line).containsExactly(121L, 301L, 2201L, 2601L);
    }

    @Test
    void theFiguresOfADatasetFromParquetAreThoseOfTheSameProfilesAsLines() {
        List<String> lines = generated(1500);
        lines.add(lines.get(9)); // a repeated id
        Dataset<Row> profiles = spark.read().schema(SparkDecisions.PROFILE)
                .json(spark.createDataset(lines, Encoders.STRING()));
        String parquet = dir.resolve("profiles.parquet").toString();
        profiles.coalesce(1).write().parquet(parquet); // one file: rows in the lines' order, as the sample needs
        RuleFiles baseline = RuleFiles.bundled();
        RuleFiles candidate = RuleFiles.fromDirectory(candidateRules);
        Setup setup = setup(baseline, candidate, null);

        Impact spark = SparkSimulation.simulate(SparkSimulationTest.spark.read().parquet(parquet), setup, baseline,
                candidate);

        Impact expected = whatRiskSimulateReports(lines, setup);
        assertThat(JsonReport.write(spark)).isEqualTo(JsonReport.write(expected));
        assertThat(spark.rejected()).isEqualTo(1);
    }

    @Test
    void theJobWritesTheJsonReportAndExitsWith3WhenTheGuardTrips() throws IOException {
        List<String> lines = generated(600);
        Path input = Files.write(dir.resolve("small.jsonl"), lines);
        Path signals = Files.writeString(dir.resolve("signals.json"), JSON.writeSignals(baselineSignals()));
        Path candidateSignals = Files.writeString(dir.resolve("candidate-signals.json"),
                JSON.writeSignals(candidateSignals()));
        Path report = dir.resolve("impact.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = RiskSparkJob.run(spark, new PrintWriter(out, true), new PrintWriter(err, true), "simulate",
                "--as-of", "2026-11-01", "--signals", signals.toString(), "--candidate", candidateRules.toString(),
                "--candidate-signals", candidateSignals.toString(), "--input", input.toString(),
                "--json", report.toString(), "--max-restricted-share", "0.5");

        Impact expected = whatRiskSimulateReports(lines, setup(RuleFiles.bundled(),
                RuleFiles.fromDirectory(candidateRules), 0.5));
        assertThat(expected.restrictedShareChange()).isGreaterThan(0.5);
        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(Files.readString(report)).isEqualTo(JsonReport.write(expected));
        assertThat(out.toString()).isEqualTo(TextReport.write(expected));
        assertThat(err.toString()).contains("above --max-restricted-share 0.5");
    }

    @Test
    void aSideWhoseVersionIsNotItsRulesIsRefused() {
        RuleFiles bundled = RuleFiles.bundled();
        Setup setup = new Setup(AS_OF, Language.EN, new Side("bundled rules", "v0", List.of()),
                new Side("bundled rules", bundled.version(), List.of()), null, 20, 10);

        assertThatThrownBy(() -> SparkSimulation.simulateJsonLines(spark, "unused.jsonl", setup, bundled, bundled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline side names rules of version v0, but its rules have version " + bundled.version());
    }

}
