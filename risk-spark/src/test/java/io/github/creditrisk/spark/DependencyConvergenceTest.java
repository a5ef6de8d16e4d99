package io.github.creditrisk.spark;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark and Drools share ANTLR 4 and Jackson in one JVM: the versions the module pins are the ones loaded, Spark's
 * SQL parser and Drools' DRL parser both work with them, and risk-json reads and writes with Spark's Jackson.
 */
class DependencyConvergenceTest {

    @Test
    void sparksSqlParserAndDroolsDrlParserWorkSideBySideOnTheSameAntlrAndJackson() {
        SparkSession spark = LocalSpark.session();

        assertThat(org.antlr.v4.runtime.RuntimeMetaData.VERSION).isEqualTo("4.13.2");
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.20.");
        assertThat(spark.sql("SELECT 1 + 1 AS two").first().getInt(0)).isEqualTo(2); // Spark's ANTLR 4 grammar
        try (RiskEngine engine = RiskEngines.create(EngineSettings.defaults()  // Drools' ANTLR 4 grammar
                .withRulesDirectory(Path.of("..", "rules", "policy")))) {
            assertThat(engine.ruleSet().version()).isEqualTo(RuleFiles.bundled().version());
        }
        assertThat(spark.read().json(spark.createDataset(java.util.List.of("{\"a\": 1}"),
                org.apache.spark.sql.Encoders.STRING())).first().getLong(0)).isEqualTo(1L); // Spark's own Jackson use
    }
}
