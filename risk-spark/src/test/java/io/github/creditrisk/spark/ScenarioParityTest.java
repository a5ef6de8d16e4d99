package io.github.creditrisk.spark;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.scenarios.Scenario;
import io.github.creditrisk.scenarios.ScenarioReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario file of the bundled policy, decided on Spark as JSON Lines and as a Parquet dataset, in both
 * languages and with recourse: the same lines the engine writes for each borrower (in input order for JSON Lines).
 */
class ScenarioParityTest {

    private static final RiskJson JSON = RiskJson.create();
    private static SparkSession spark;
    private static RiskEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        engine = RiskEngines.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static List<Path> scenarioFiles() {
        List<Path> files = ScenarioReader.findIn(Path.of("..", "rules", "policy", "scenarios"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    void everyBorrowerOfTheScenarioIsDecidedAsTheEngineDecidesIt(Path file) throws IOException {
        Scenario scenario = new ScenarioReader(JSON).read(file);
        CaseFile cases = scenario.cases();
        List<BorrowerProfile> borrowers = cases.validBorrowers();
        List<String> lines = borrowers.stream().map(JSON::writeBorrower).toList();
        Path input = Files.write(dir.resolve("scenario.jsonl"), lines);
        Dataset<Row> profiles = spark.read().schema(SparkDecisions.PROFILE)
                .json(spark.createDataset(lines, Encoders.STRING()));
        String parquet = dir.resolve("scenario.parquet").toString();
        profiles.write().parquet(parquet);

        for (Language language : Language.values()) {
            EvaluationContext context = new EvaluationContext(cases.asOf(), cases.signals(), language, true);
            List<String> expected = engine.evaluateAll(borrowers, context).stream().map(JSON::writeEvaluation).toList();

            assertThat(decisions(SparkDecisions.decideJsonLines(spark, input.toString(), RuleFiles.bundled(), context)))
                    .as("%s as JSON Lines, %s", scenario.name(), language).containsExactlyElementsOf(expected);
            assertThat(decisions(SparkDecisions.decideRowsAsLines(spark.read().parquet(parquet), RuleFiles.bundled(),
                    context))).as("%s from Parquet, %s", scenario.name(), language) // Spark reads a dataset's files in its own order
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> decisions(Dataset<Row> decided) {
        return decided.orderBy("line").select("decision").as(Encoders.STRING()).collectAsList();
    }
}
