package io.github.creditrisk.spark;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.spi.Batches;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * Decides portfolios on Spark exactly as {@code risk eval} does: every line of a JSON Lines portfolio gets the
 * line {@code risk eval} would write for it (a decision, or an error line naming the line and the field), a blank
 * line gets none, and an id that already appeared on an earlier line is reported as repeated. Each partition
 * decides its borrowers in batches of 256 through the engine's batch API, with one engine per rule set per
 * executor JVM ({@link RuleFiles}).
 *
 * <p>The rows of {@link #decideJsonLines} keep the input's order (partition by partition); every row carries its
 * input line number, so {@code orderBy("line")} restores that order after any shuffle. Thread-safe; the methods only build Spark plans.
 */
public final class SparkDecisions {

    /** The columns of a decided line: its number in the input (from 1), the borrower's id, and the output line. */
    public static final StructType DECIDED_LINE = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("borrowerId", DataTypes.StringType, true)
            .add("decision", DataTypes.StringType, false);

    /** Amounts as Spark holds them: up to 10^15 with up to 10 decimal places, risk-json's default limits. */
    private static final DecimalType AMOUNT = DataTypes.createDecimalType(38, 10);

    /** The contract's borrower profile as columns, loans as an array of structs; for reading JSON or Parquet. */
    public static final StructType PROFILE = new StructType()
            .add("id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("sector", DataTypes.StringType)
            .add("monthlyIncome", AMOUNT)
            .add("creditLimit", AMOUNT)
            .add("creditScore", DataTypes.IntegerType)
            .add("previousCreditScore", DataTypes.IntegerType)
            .add("loans", DataTypes.createArrayType(new StructType()
                    .add("lender", DataTypes.StringType)
                    .add("outstanding", AMOUNT)
                    .add("monthlyPayment", AMOUNT)
                    .add("daysPastDue", DataTypes.IntegerType)))
            .add("monthlyRevenue", DataTypes.createArrayType(AMOUNT));

    private static final StructType REASON_FIELDS = new StructType()
            .add("reason", DataTypes.StringType)
            .add("remedies", DataTypes.createArrayType(DataTypes.StringType))
            .add("evidence", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

    /**
     * The contract's decision as columns, with {@code error} set (and only {@code borrowerId} beside it) for a row
     * that could not be decided; restrictions and exemptions are arrays of structs, a restriction's {@code lift}
     * present when recourse was asked for.
     */
    public static final StructType DECISION = new StructType()
            .add("borrowerId", DataTypes.StringType)
            .add("outcome", DataTypes.StringType)
            .add("creditLimit", AMOUNT)
            .add("recommendedLimit", AMOUNT)
            .add("restrictions", DataTypes.createArrayType(new StructType()
                    .add("type", DataTypes.StringType)
                    .add("family", DataTypes.StringType)
                    .add("rule", DataTypes.StringType)
                    .add("reasonCode", DataTypes.StringType)
                    .add("reductionPercent", DataTypes.IntegerType)
                    .add(REASON_FIELDS.fields()[0]).add(REASON_FIELDS.fields()[1]).add(REASON_FIELDS.fields()[2])
                    .add("lift", DataTypes.createArrayType(new StructType()
                            .add("actions", DataTypes.createArrayType(new StructType()
                                    .add("kind", DataTypes.StringType)
                                    .add("target", AMOUNT)
                                    .add("lenders", DataTypes.createArrayType(DataTypes.StringType))
                                    .add("signal", DataTypes.StringType)
                                    .add("until", DataTypes.StringType)))
                            .add("text", DataTypes.StringType)))))
            .add("exemptions", DataTypes.createArrayType(new StructType()
                    .add("family", DataTypes.StringType)
                    .add("rule", DataTypes.StringType)
                    .add("reasonCode", DataTypes.StringType)
                    .add(REASON_FIELDS.fields()[0]).add(REASON_FIELDS.fields()[1]).add(REASON_FIELDS.fields()[2])))
            .add("notice", DataTypes.StringType)
            .add("rulesetVersion", DataTypes.StringType)
            .add("error", DataTypes.StringType);

    /** How many borrowers of a partition are decided together. */
    static final int BATCH = 256;

    private SparkDecisions() {
    }

    /**
     * The decision lines of the JSON Lines portfolio at {@code path} (a file or a directory of files, any file
     * system Spark reads), one row per non-blank input line, with {@link #DECIDED_LINE}'s columns.
     */
    public static Dataset<Row> decideJsonLines(SparkSession spark, String path, RuleFiles rules,
                                               EvaluationContext context) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        JavaPairRDD<String, Long> numbered = Portfolios.lines(spark, path);
        Broadcast<Map<String, Long>> firsts = Portfolios.repeatedIds(spark, numbered);
        JavaRDD<Row> decided = numbered.mapPartitions(new DecidePartition(rules, new JobContext(context), true, firsts));
        return spark.createDataFrame(decided, DECIDED_LINE);
    }

    /**
     * The decisions of a {@code Dataset} of borrower profiles whose columns are the contract's fields
     * ({@link #PROFILE}; other columns are ignored, missing optional ones are absent), one row per profile with
     * {@link #DECISION}'s columns: the decision, or {@code error} with the message {@code risk eval} gives for the
     * same profile in a case file (a repeated id is reported as such). Amounts are read as exact decimals.
     */
    public static Dataset<Row> decide(Dataset<Row> profiles, RuleFiles rules, EvaluationContext context) {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        Dataset<String> lines = decideRowsAsLines(profiles, rules, context).select("decision").as(Encoders.STRING());
        return profiles.sparkSession().read().schema(DECISION).json(lines);
    }

    /**
     * The decisions of {@code profiles} as {@code risk eval}'s lines for the same profiles in a case file, with
     * {@link #DECIDED_LINE}'s columns ({@code line} is the row's position in the dataset, from 1).
     */
    public static Dataset<Row> decideRowsAsLines(Dataset<Row> profiles, RuleFiles rules, EvaluationContext context) {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        SparkSession spark = profiles.sparkSession();
        JavaPairRDD<String, Long> numbered = Portfolios.lines(profiles);
        Broadcast<Map<String, Long>> firsts = Portfolios.repeatedIds(spark, numbered);
        JavaRDD<Row> decided = numbered.mapPartitions(new DecidePartition(rules, new JobContext(context), false, firsts));
        return spark.createDataFrame(decided, DECIDED_LINE);
    }

    /** Decides one partition's numbered lines, in batches, in order. */
    private static final class DecidePartition implements FlatMapFunction<Iterator<Tuple2<String, Long>>, Row> {
        private static final long serialVersionUID = 1L;
        private final RuleFiles rules;
        private final JobContext context;
        private final boolean numberedLines;
        private final Broadcast<Map<String, Long>> firsts;

        /**
         * {@code numberedLines}: the input is a JSON Lines file, whose error lines name the line; {@code firsts}: the
         * ids that repeat, with their first line.
         */
        DecidePartition(RuleFiles rules, JobContext context, boolean numberedLines,
                        Broadcast<Map<String, Long>> firsts) {
            this.rules = rules;
            this.context = context;
            this.numberedLines = numberedLines;
            this.firsts = firsts;
        }

        @Override
        public Iterator<Row> call(Iterator<Tuple2<String, Long>> lines) {
            RiskJson json = Portfolios.JSON;
            RiskEngine engine = ExecutorEngines.engineFor(rules);
            EvaluationContext evaluationContext = context.context(json);
            return new Iterator<>() {
                private final List<Row> ready = new ArrayList<>();
                private int next;

                @Override
                public boolean hasNext() {
                    while (next == ready.size() && lines.hasNext()) {
                        ready.clear();
                        next = 0;
                        decideBatch(json, engine, evaluationContext);
                    }
                    return next < ready.size();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return ready.get(next++);
                }

                private void decideBatch(RiskJson json, RiskEngine engine, EvaluationContext ctx) {
                    List<BorrowerProfile> valid = new ArrayList<>(BATCH);
                    List<Long> validLines = new ArrayList<>(BATCH);
                    List<Row> rows = new ArrayList<>(BATCH);
                    List<Integer> places = new ArrayList<>(BATCH);
                    while (valid.size() < BATCH && lines.hasNext()) {
                        Tuple2<String, Long> t = lines.next();
                        String text = t._1();
                        long number = t._2() + 1;
                        if (text.length() > json.limits().maxLineLength()) {
                            rows.add(error(json, number, null, "is " + text.length()
                                    + " characters long; the limit is " + json.limits().maxLineLength()));
                            continue;
                        }
                        if (text.isBlank()) {
                            continue;
                        }
                        BorrowerInput in = json.readBorrowerLine(text);
                        Long first = in.borrowerId() == null ? null
                                : firsts.value().get(in.borrowerId());
                        if (first != null && first != number) {
                            rows.add(RowFactory.create(number, in.borrowerId(),
                                    json.writeEvaluation(Batches.repeated(in.borrowerId()))));
                        } else if (in instanceof BorrowerInput.Rejected r) {
                            rows.add(numberedLines ? error(json, number, r.borrowerId(), r.error())
                                    : RowFactory.create(number, r.borrowerId(), json.writeEvaluation(r.toEvaluation())));
                        } else {
                            BorrowerProfile profile = ((BorrowerInput.Valid) in).profile();
                            valid.add(numberedLines ? profile : Plain.amounts(profile));
                            validLines.add(number);
                            places.add(rows.size());
                            rows.add(null);
                        }
                    }
                    List<Evaluation> decided = valid.isEmpty() ? List.of() : engine.evaluateAll(valid, ctx);
                    for (int k = 0; k < decided.size(); k++) {
                        rows.set(places.get(k), RowFactory.create(validLines.get(k), valid.get(k).id(),
                                json.writeEvaluation(decided.get(k))));
                    }
                    ready.addAll(rows);
                }
            };
        }

        private static Row error(RiskJson json, long number, String id, String problem) {
            return RowFactory.create(number, id, json.writeEvaluation(new Evaluation.Failed(id, "line " + number
                    + ": " + problem)));
        }
    }
}
