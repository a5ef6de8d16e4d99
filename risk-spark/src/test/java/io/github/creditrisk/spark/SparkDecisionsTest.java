package io.github.creditrisk.spark;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.spi.Batches;
import io.github.creditrisk.testkit.PortfolioGenerator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark's decisions line for line against what risk eval writes for the same JSON Lines portfolio. */
class SparkDecisionsTest {

    private static final RiskJson JSON = RiskJson.create();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
    }

    private static List<Signal> signals() {
        return JSON.readSignals("""
                [{"type": "REGIONAL_DOWNTURN", "id": "DT-GD", "region": "CN-GD", "severity": "SEVERE", "since": "2026-09-01"},
                 {"type": "SECTOR_BAN", "sector": "P2P_LENDING", "regulation": "Regulatory Notice 2026-7", "since": "2026-06-01"},
                 {"type": "SERVICE_OUTAGE", "since": "2026-09-25", "until": "2026-09-28"}]""");
    }

    /**
     * What risk eval writes for {@code lines}, in order: each line read as risk eval reads it ("line N: " before a
     * rejected line's problem, nothing for a blank line), decided, and an id already seen reported as repeated.
     */
    private static List<String> whatRiskEvalWrites(List<String> lines, RiskEngine engine, EvaluationContext context) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            BorrowerInput in = JSON.readBorrowerLine(text);
            String id = in.borrowerId();
            String line;
            if (id != null && !seen.add(id)) {
                line = JSON.writeEvaluation(Batches.repeated(id));
            } else if (in instanceof BorrowerInput.Rejected r) {
                line = JSON.writeEvaluation(new io.github.creditrisk.Evaluation.Failed(id, "line " + (i + 1) + ": "
                        + r.error()));
            } else {
                line = JSON.writeEvaluation(engine.evaluateAll(List.of(((BorrowerInput.Valid) in).profile()), context)
                        .get(0));
            }
            out.add(line);
        }
        return out;
    }

    private Path portfolio(List<String> lines) throws IOException {
        Path file = dir.resolve("portfolio.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static List<String> generated(int count) {
        PortfolioGenerator generator = new PortfolioGenerator(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BorrowerProfile b = generator.borrower(i);
            lines.add(JSON.writeBorrower(b));
        }
        return lines;
    }

    private static List<String> decided(Path file, RuleFiles rules, EvaluationContext context) {
        List<String> out = new ArrayList<>();
        for (Row r : SparkDecisions.decideJsonLines(spark, file.toString(), rules, context).orderBy("line")
                .collectAsList()) {
            out.add(r.getString(2));
        }
        return out;
    }

    @Test
    void everyLineIsTheLineRiskEvalWrites() throws IOException {
        List<String> lines = generated(3000);
        lines.add(17, "");
        lines.add(100, "{\"id\": \"BAD-1\", \"segment\": \"ORDINARY\", \"region\": \"CN\", \"monthlyIncome\": -5}");
        lines.add(200, "not json");
        lines.add(2500, lines.get(40)); // a repeated id, far from the first, in another partition
        Path file = portfolio(lines);
        EvaluationContext context = new EvaluationContext(AS_OF, signals(), Language.EN);

        List<String> spark = decided(file, RuleFiles.bundled(), context);

        try (RiskEngine engine = RiskEngines.create()) {
            assertThat(spark).containsExactlyElementsOf(whatRiskEvalWrites(lines, engine, context));
        }
        assertThat(spark).hasSize(lines.size() - 1);
        assertThat(spark.get(99)).startsWith("{\"borrowerId\":\"BAD-1\",\"error\":\"line 101: monthlyIncome: -5 is negative");
        String repeated = JSON.readBorrowerLine(lines.get(2500)).borrowerId();
        assertThat(spark).containsOnlyOnce(JSON.writeEvaluation(Batches.repeated(repeated)));
    }

    @Test
    void aDirectoryOfRulesIsShippedAsTextAndCompiledOnTheExecutors() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Path source = Path.of("..", "rules", "policy");
        try (var files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path parameters = rules.resolve("parameters.drl");
        Files.writeString(parameters, Files.readString(parameters)
                .replace("function int lendersForBlock() { return 6; }", "function int lendersForBlock() { return 5; }"));
        RuleFiles shipped = RuleFiles.fromDirectory(rules);
        List<String> lines = generated(500);
        EvaluationContext context = new EvaluationContext(AS_OF, signals(), Language.ZH);

        List<String> spark = decided(portfolio(lines), shipped, context);

        try (RiskEngine engine = RiskEngines.create(io.github.creditrisk.EngineSettings.defaults()
                .withRulesDirectory(rules))) {
            assertThat(spark).containsExactlyElementsOf(whatRiskEvalWrites(lines, engine, context));
        }
        assertThat(shipped.files()).containsKeys("parameters.drl", "messages_zh.properties");
        assertThat(spark).allMatch(l -> l.contains("\"rulesetVersion\":\"" + shipped.version() + "\""));
    }

    @Test
    void aDatasetOfProfilesFromParquetIsDecidedAsTheEngineDecidesEachProfile() {
        List<String> lines = generated(1500);
        lines.add("{\"id\": \"BAD-1\", \"segment\": \"ORDINARY\", \"region\": \"CN\", \"monthlyIncome\": -5,"
                + " \"creditLimit\": 1000, \"creditScore\": 700}");
        lines.add(lines.get(3)); // a repeated id
        org.apache.spark.sql.Dataset<Row> profiles = spark.read().schema(SparkDecisions.PROFILE)
                .json(spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()))
                .withColumn("snapshot", org.apache.spark.sql.functions.lit("2026-11-01")); // a column of the lake's own
        String parquet = dir.resolve("profiles.parquet").toString();
        profiles.write().parquet(parquet);
        EvaluationContext context = new EvaluationContext(AS_OF, signals(), Language.EN);

        List<Row> rows = SparkDecisions.decide(spark.read().parquet(parquet), RuleFiles.bundled(), context).collectAsList();

        assertThat(rows).hasSize(lines.size());
        java.util.Map<String, List<Row>> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.computeIfAbsent(r.getAs("borrowerId"), k -> new ArrayList<>()).add(r));
        try (RiskEngine engine = RiskEngines.create()) {
            for (int i = 0; i < 1500; i++) {
                BorrowerProfile b = JSON.readBorrower(lines.get(i));
                io.github.creditrisk.Decision expected = engine.evaluate(b, context);
                List<Row> found = byId.get(b.id());
                Row r = i == 3 ? found.stream().filter(x -> x.getAs("error") == null).findFirst().orElseThrow()
                        : found.get(0);
                assertThat((String) r.getAs("outcome")).as(b.id()).isEqualTo(expected.outcome().name());
                assertThat((java.math.BigDecimal) r.getAs("recommendedLimit")).as(b.id())
                        .isEqualByComparingTo(expected.recommendedLimit());
                assertThat((String) r.getAs("notice")).as(b.id()).isEqualTo(expected.notice());
                List<Row> restrictions = r.getList(r.fieldIndex("restrictions"));
                assertThat(restrictions).extracting(x -> x.getAs("reasonCode") + " " + x.getAs("reason"))
                        .as(b.id()).containsExactlyElementsOf(expected.restrictions().stream()
                                .map(x -> x.reasonCode() + " " + x.reason()).toList());
                assertThat((String) r.getAs("rulesetVersion")).isEqualTo(engine.ruleSet().version());
            }
        }
        // the message shows the value as the decimal column holds it
        assertThat((String) byId.get("BAD-1").get(0).getAs("error"))
                .isEqualTo("monthlyIncome: -5.0000000000 is negative; expected a finite number ≥ 0");
        String repeated = JSON.readBorrowerLine(lines.get(3)).borrowerId();
        assertThat(byId.get(repeated)).extracting(x -> (String) x.getAs("error"))
                .containsExactlyInAnyOrder(null, Batches.repeated(repeated).error());
    }

    private static Risk job(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = RiskSparkJob.run(spark, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Risk(exit, out.toString(), err.toString());
    }

    private record Risk(int exit, String out, String err) {
    }

    /** The lines of the text files Spark wrote to {@code dir}, part by part. */
    private static List<String> written(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    @Test
    void theJobWritesRiskEvalsLinesInInputOrderAndParquetWithTheLineNumber() throws IOException {
        List<String> lines = generated(800);
        lines.add(5, "{\"id\": \"BAD-1\"}");
        Path input = portfolio(lines);
        Path signalsFile = Files.writeString(dir.resolve("signals.json"), JSON.writeSignals(signals()));

        Risk jsonl = job("decide", "--as-of", "2026-11-01", "--signals", signalsFile.toString(), "--lang", "zh",
                "--input", input.toString(), "--output", dir.resolve("out-jsonl").toString());
        Risk parquet = job("decide", "--as-of", "2026-11-01", "--input", input.toString(),
                "--output", dir.resolve("out-parquet").toString(), "--format", "parquet");

        assertThat(jsonl.exit()).as(jsonl.err()).isZero();
        try (RiskEngine engine = RiskEngines.create()) {
            assertThat(written(dir.resolve("out-jsonl"))).containsExactlyElementsOf(whatRiskEvalWrites(lines, engine,
                    new EvaluationContext(AS_OF, signals(), Language.ZH)));
        }
        assertThat(parquet.exit()).as(parquet.err()).isZero();
        List<Row> rows = spark.read().parquet(dir.resolve("out-parquet").toString()).orderBy("line").collectAsList();
        assertThat(rows).hasSize(lines.size());
        assertThat((String) rows.get(5).getAs("error")).startsWith("line 6: ");
        assertThat((String) rows.get(0).getAs("outcome")).isNotNull();
    }

    @Test
    void aBadOptionIsOneLineAndExitStatus2() {
        Risk run = job("decide", "--as-of", "2026-11-01", "--input", "x.jsonl", "--output", "out", "--format", "csv");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("risk-spark: --format csv is not a format; expected jsonl or parquet\n");
    }
}
