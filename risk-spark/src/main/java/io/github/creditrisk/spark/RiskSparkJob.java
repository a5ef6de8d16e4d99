package io.github.creditrisk.spark;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.RiskJson;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

/**
 * The Spark job's command line, the same locally and on a cluster ({@code spark-submit --class
 * io.github.creditrisk.spark.RiskSparkJob risk-spark.jar decide …}). Exit codes: 0 done, 2 a bad option or input,
 * rules that do not compile.
 */
@Command(name = "risk-spark", mixinStandardHelpOptions = true, subcommands = RiskSparkJob.Decide.class,
        description = "Decides portfolios on Apache Spark with the creditrisk engine.")
public final class RiskSparkJob implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: decide");
    }

    public static void main(String[] args) {
        System.exit(run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the job on {@code spark}, or on a session of its own ({@code null}: made from the submitted
     * configuration, and stopped at the end).
     */
    static int run(SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RiskSparkJob(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == Decide.class ? cls.cast(new Decide(spark)) : CommandLine.defaultFactory().create(cls);
            }
        });
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("risk-spark: " + e.getMessage());
            return 2;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("risk-spark: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Decides every borrower of a JSON Lines portfolio (one profile per line) or of a Parquet"
                    + " dataset of profiles (a path ending in .parquet), and writes the decisions to DIR.",
                    "As JSON Lines, each output line is the line risk eval writes for that input line, in input"
                    + " order; as Parquet, the decision's fields are columns, with the input line number (JSON Lines"
                    + " input) and an error column for a borrower that could not be decided."})
    static final class Decide implements Callable<Integer> {
        private final SparkSession given;

        @Option(names = "--rules", paramLabel = "DIR", description = "The rules directory (default: the bundled rules).")
        Path rules;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
                description = "Language of reasons and notices (default: ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "Evaluation date (YYYY-MM-DD).")
        LocalDate asOf;

        @Option(names = "--signals", paramLabel = "FILE", description = "A JSON array of signals (read on the driver).")
        Path signals;

        @Option(names = "--recourse", description = "Also say what lifts each restriction.")
        boolean recourse;

        @Option(names = "--input", paramLabel = "PATH", required = true,
                description = "The portfolio: JSON Lines, or Parquet when the path ends in .parquet; any file system"
                        + " Spark reads.")
        String input;

        @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where to write the decisions.")
        String output;

        @Option(names = "--master", paramLabel = "URL",
                description = "The Spark master, such as local[2]; by default the one spark-submit gives.")
        String master;

        @Option(names = "--format", paramLabel = "jsonl|parquet", defaultValue = "jsonl",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        Decide(SparkSession given) {
            this.given = given;
        }

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl") && !format.equals("parquet")) {
                throw new RiskException("--format " + format + " is not a format; expected jsonl or parquet");
            }
            RiskJson json = RiskJson.create();
            List<Signal> signalList = signals == null ? List.of() : json.readSignals(Files.readString(signals));
            EvaluationContext context = new EvaluationContext(asOf, signalList, Language.fromTag(language), recourse);
            RuleFiles ruleFiles;
            try {
                ruleFiles = rules == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(rules);
            } catch (RuleCompilationException e) {
                StringBuilder errors = new StringBuilder();
                e.errors().forEach(error -> errors.append(error).append('\n'));
                throw new RiskException(errors + "the rules in " + rules + " do not compile (" + e.errors().size()
                        + " errors)");
            }
            SparkSession spark = given;
            if (spark == null) {
                SparkSession.Builder builder = SparkSession.builder().appName("risk-spark decide");
                spark = (master == null ? builder : builder.master(master)).getOrCreate();
            }
            try {
                if (input.endsWith(".parquet")) {
                    Dataset<Row> profiles = spark.read().parquet(input);
                    if (format.equals("parquet")) {
                        SparkDecisions.decide(profiles, ruleFiles, context).write().parquet(output);
                    } else {
                        SparkDecisions.decideRowsAsLines(profiles, ruleFiles, context).orderBy("line")
                                .select("decision").write().text(output);
                    }
                } else {
                    Dataset<Row> lines = SparkDecisions.decideJsonLines(spark, input, ruleFiles, context); // input order
                    if (format.equals("jsonl")) {
                        lines.select("decision").write().text(output);
                    } else {
                        Dataset<Row> parsed = lines.withColumn("parsed", org.apache.spark.sql.functions.from_json(
                                col("decision"), SparkDecisions.DECISION));
                        parsed.select(col("line"), col("parsed.*")).write().parquet(output);
                    }
                }
            } finally {
                if (given == null) {
                    spark.stop();
                }
            }
            return 0;
        }
    }
}
