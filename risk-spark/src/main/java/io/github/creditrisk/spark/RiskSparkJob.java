package io.github.creditrisk.spark;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.simulate.HtmlReport;
import io.github.creditrisk.simulate.Impact;
import io.github.creditrisk.simulate.JsonReport;
import io.github.creditrisk.simulate.Setup;
import io.github.creditrisk.simulate.Side;
import io.github.creditrisk.simulate.TextReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

/**
 * The Spark job's command line, the same locally and on a cluster ({@code spark-submit --class
 * io.github.creditrisk.spark.RiskSparkJob risk-spark.jar decide …}). Exit codes: 0 done, 2 a bad option or input,
 * rules that do not compile (or, for {@code simulate}, a rejected line), 3 the guard of {@code simulate} tripped.
 */
@Command(name = "risk-spark", mixinStandardHelpOptions = true, subcommands = {RiskSparkJob.Decide.class, RiskSparkJob.Simulate.class},
        description = "Decides portfolios on Apache Spark with the creditrisk engine.")
public final class RiskSparkJob implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: decide or simulate");
    }

    public static void main(String[] args) {
        System.exit(run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the job on {@code spark}, or on a session of its own ({@code null}: made from the submitted
     * configuration, and stopped at the end).
     */
    static int run(@Nullable SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RiskSparkJob(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == Decide.class) {
                    return cls.cast(new Decide(spark));
                }
                return cls == Simulate.class ? cls.cast(new Simulate(spark)) : CommandLine.defaultFactory().create(cls);
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
            EvaluationContext context = new EvaluationContext(asOf, signals(signals), Language.fromTag(language),
                    recourse);
            RuleFiles ruleFiles = ruleFiles("", rules);
            SparkSession spark = given != null ? given : session("risk-spark decide", master);
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

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Champion/challenger: decides every borrower of a JSON Lines portfolio (or of a Parquet"
                    + " dataset, a path ending in .parquet) under the baseline (the rules and signals in force) and"
                    + " under the candidate, in one pass, and reports what would change with the figures of"
                    + " risk simulate: text on standard output, --json and --report as files."},
            footer = {"", "Exit codes: 0 every line compared and the guard (if any) respected; 2 bad usage or set-up,"
                    + " or any line rejected; 3 the candidate restricts more than --max-restricted-share percent of the"
                    + " portfolio beyond the baseline."})
    static final class Simulate implements Callable<Integer> {
        private final SparkSession given;

        @Option(names = "--baseline", paramLabel = "DIR", description = "The rules in force (default: the bundled rules).")
        Path baselineRules;

        @Option(names = "--candidate", paramLabel = "DIR", description = "The proposed rules (default: the bundled rules).")
        Path candidateRules;

        @Option(names = "--signals", paramLabel = "FILE",
                description = "The signals in force; both sides use them unless --candidate-signals is given.")
        Path signalsFile;

        @Option(names = "--candidate-signals", paramLabel = "FILE", description = "The candidate's signals.")
        Path candidateSignalsFile;

        @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "Evaluation date (YYYY-MM-DD).")
        LocalDate asOf;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
                description = "Language of the reasons in the sample (default: ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (any file system).")
        String jsonFile;

        @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as an HTML page.")
        String htmlFile;

        @Option(names = "--max-restricted-share", paramLabel = "P",
                description = "Guard: exit with 3 when the candidate restricts more than P percent of the compared"
                        + " borrowers beyond the baseline.")
        BigDecimal maxRestrictedShare;

        @Option(names = "--sample", paramLabel = "N", defaultValue = "20",
                description = "How many changed borrowers to show, the first by input order (default: ${DEFAULT-VALUE}).")
        int sample;

        @Option(names = "--top-regions", paramLabel = "N", defaultValue = "10",
                description = "How many regions the text and HTML reports list (default: ${DEFAULT-VALUE}).")
        int topRegions;

        @Option(names = "--input", paramLabel = "PATH", required = true,
                description = "The portfolio: JSON Lines, or Parquet when the path ends in .parquet.")
        String input;

        @Option(names = "--master", paramLabel = "URL",
                description = "The Spark master, such as local[2]; by default the one spark-submit gives.")
        String master;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Simulate(SparkSession given) {
            this.given = given;
        }

        @Override
        public Integer call() throws IOException {
            if (maxRestrictedShare != null && (maxRestrictedShare.signum() < 0
                    || maxRestrictedShare.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new RiskException("--max-restricted-share " + maxRestrictedShare.toPlainString()
                        + " is not a percentage; expected a number from 0 to 100");
            }
            if (sample < 0 || topRegions < 0) {
                throw new RiskException((sample < 0 ? "--sample " + sample : "--top-regions " + topRegions)
                        + " is negative; expected a number ≥ 0");
            }
            List<Signal> baselineSignals = signals(signalsFile);
            List<Signal> candidateSignals = candidateSignalsFile == null ? baselineSignals : signals(candidateSignalsFile);
            RuleFiles baseline = ruleFiles("baseline ", baselineRules);
            RuleFiles candidate = ruleFiles("candidate ", candidateRules);
            Setup setup = new Setup(asOf, Language.fromTag(language),
                    new Side(describe(baselineRules), baseline.version(), baselineSignals),
                    new Side(describe(candidateRules), candidate.version(), candidateSignals),
                    maxRestrictedShare == null ? null : maxRestrictedShare.doubleValue(), sample, topRegions);
            SparkSession spark = given != null ? given : session("risk-spark simulate", master);
            Impact impact;
            try {
                impact = input.endsWith(".parquet")
                        ? SparkSimulation.simulate(spark.read().parquet(input), setup, baseline, candidate)
                        : SparkSimulation.simulateJsonLines(spark, input, setup, baseline, candidate);
                if (jsonFile != null) {
                    write(spark, jsonFile, JsonReport.write(impact));
                }
                if (htmlFile != null) {
                    write(spark, htmlFile, HtmlReport.write(impact));
                }
            } finally {
                if (given == null) {
                    spark.stop();
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            out.print(TextReport.write(impact));
            out.flush();
            impact.warnings().forEach(w -> err.println("risk-spark: " + w));
            return impact.exitStatus();
        }

        private static String describe(Path rules) {
            return rules == null ? "bundled rules" : rules.toString();
        }

        /** Writes {@code text} to {@code file} on the file system its name gives (a local path by default). */
        private static void write(SparkSession spark, String file, String text) throws IOException {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
            try (OutputStream out = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The signals in {@code file} (a JSON array, or a case file whose signals are taken); none without a file. */
    private static List<Signal> signals(Path file) throws IOException {
        if (file == null) {
            return List.of();
        }
        try {
            return Portfolios.JSON.readSignals(Files.readString(file));
        } catch (InvalidValueException e) {
            throw new RiskException("signals " + file + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new RiskException("cannot read the signals " + file + ": no such file", e);
        }
    }

    /** The rules in {@code directory}, or the bundled rules; those that do not compile are reported with every error. */
    private static RuleFiles ruleFiles(String side, Path directory) {
        try {
            return directory == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(directory);
        } catch (RuleCompilationException e) {
            StringBuilder errors = new StringBuilder();
            e.errors().forEach(error -> errors.append(error).append('\n'));
            throw new RiskException(errors + "the " + side + "rules in " + directory + " do not compile ("
                    + e.errors().size() + (e.errors().size() == 1 ? " error)" : " errors)"));
        }
    }

    private static SparkSession session(String name, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        return (master == null ? builder : builder.master(master)).getOrCreate();
    }
}
