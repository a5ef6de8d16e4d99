package io.github.creditrisk.spark;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.simulate.Comparison;
import io.github.creditrisk.simulate.Impact;
import io.github.creditrisk.simulate.ImpactTally;
import io.github.creditrisk.simulate.Setup;
import io.github.creditrisk.simulate.Side;
import io.github.creditrisk.simulate.SideBySide;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Champion/challenger on Spark: every borrower of a portfolio decided under a baseline and a candidate (rules
 * and signals) in one pass, with the figures of {@code risk simulate}, which its reports write
 * ({@link io.github.creditrisk.simulate.JsonReport}, {@link io.github.creditrisk.simulate.TextReport},
 * {@link io.github.creditrisk.simulate.HtmlReport}). Each partition decides its borrowers 256 at a time under both
 * sides and adds them up; the driver merges the partitions' tallies in input order, so the figures, the sample
 * of changed borrowers and the first rejections are those {@code risk simulate} gives for the same file.
 *
 * <p>Thread-safe; each method runs one Spark job (after a pass over the ids).
 */
public final class SparkSimulation {

    private SparkSimulation() {
    }

    /**
     * The impact of the candidate on the JSON Lines portfolio at {@code path}, as {@code risk simulate} reports it.
     *
     * @param setup     the date, the language, each side's rules (named as the reports should show them, with
     *                  their version) and signals, and how the reports are cut
     * @param baseline  the rules in force, whose version is {@code setup.baseline().rulesetVersion()}
     * @param candidate the proposed rules, whose version is {@code setup.candidate().rulesetVersion()}
     * @throws IllegalArgumentException when a side's version is not its rules'
     */
    public static Impact simulateJsonLines(SparkSession spark, String path, Setup setup, RuleFiles baseline,
                                           RuleFiles candidate) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(path, "path");
        check(setup, baseline, candidate);
        return simulate(spark, Portfolios.lines(spark, path), setup, baseline, candidate, false);
    }

    /**
     * The impact of the candidate on a {@code Dataset} of profiles with the contract's fields as columns
     * ({@link SparkDecisions#PROFILE}); the lines a rejection names are the rows' positions, from 1.
     *
     * @see #simulateJsonLines
     */
    public static Impact simulate(Dataset<Row> profiles, Setup setup, RuleFiles baseline, RuleFiles candidate) {
        Objects.requireNonNull(profiles, "profiles");
        check(setup, baseline, candidate);
        return simulate(profiles.sparkSession(), Portfolios.lines(profiles), setup, baseline, candidate, true);
    }

    /** Describes a side for the reports: the rules (their directory, or {@code bundled rules}) and the signals. */
    public static Side side(String rulesName, RuleFiles rules, EvaluationContext context) {
        return new Side(rulesName, rules.version(), context.signals());
    }

    private static void check(Setup setup, RuleFiles baseline, RuleFiles candidate) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        requireVersion("baseline", setup.baseline(), baseline);
        requireVersion("candidate", setup.candidate(), candidate);
    }

    private static Impact simulate(SparkSession spark, JavaPairRDD<String, Long> lines, Setup setup,
                                   RuleFiles baseline, RuleFiles candidate, boolean columns) {
        Broadcast<Map<String, Long>> firsts = Portfolios.repeatedIds(spark, lines);
        Sides sides = new Sides(baseline, new JobContext(new EvaluationContext(setup.asOf(), setup.baseline().signals(),
                setup.language())), candidate, new JobContext(new EvaluationContext(setup.asOf(),
                setup.candidate().signals(), setup.language())), columns, setup.sampleSize(), firsts);
        List<ImpactTally> parts = lines.mapPartitions(sides).collect(); // one per partition, in input order
        ImpactTally whole = new ImpactTally(setup);
        parts.forEach(whole::merge);
        return whole.impact();
    }

    private static void requireVersion(String name, Side side, RuleFiles rules) {
        if (!side.rulesetVersion().equals(rules.version())) {
            throw new IllegalArgumentException("the " + name + " side names rules of version " + side.rulesetVersion()
                    + ", but its rules have version " + rules.version());
        }
    }

    /** Compares one partition's lines under both sides and adds them up: one tally per partition. */
    private static final class Sides implements FlatMapFunction<Iterator<Tuple2<String, Long>>, ImpactTally> {
        private static final long serialVersionUID = 1L;
        private final RuleFiles baseline;
        private final JobContext baselineContext;
        private final RuleFiles candidate;
        private final JobContext candidateContext;
        private final boolean columns;
        private final int sampleSize;
        private final Broadcast<Map<String, Long>> firsts;

        /** {@code columns}: the lines come from a dataset's columns, whose decimals are written with trailing zeros. */
        Sides(RuleFiles baseline, JobContext baselineContext, RuleFiles candidate, JobContext candidateContext,
              boolean columns, int sampleSize, Broadcast<Map<String, Long>> firsts) {
            this.baseline = baseline;
            this.baselineContext = baselineContext;
            this.candidate = candidate;
            this.candidateContext = candidateContext;
            this.columns = columns;
            this.sampleSize = sampleSize;
            this.firsts = firsts;
        }

        @Override
        public Iterator<ImpactTally> call(Iterator<Tuple2<String, Long>> lines) {
            RiskEngine before = ExecutorEngines.engineFor(baseline);
            RiskEngine after = baseline.equals(candidate) ? before : ExecutorEngines.engineFor(candidate);
            SideBySide work = new SideBySide(Portfolios.JSON, before, baselineContext.context(Portfolios.JSON),
                    after, candidateContext.context(Portfolios.JSON));
            ImpactTally tally = new ImpactTally(sampleSize);
            List<SideBySide.Entry> batch = new ArrayList<>(SparkDecisions.BATCH);
            while (lines.hasNext()) {
                Tuple2<String, Long> line = lines.next();
                SideBySide.Entry entry = work.read(line._2() + 1, line._1());
                if (entry != null) {
                    batch.add(columns && entry.input() instanceof BorrowerInput.Valid v
                            ? new SideBySide.Entry(entry.line(), new BorrowerInput.Valid(Plain.amounts(v.profile())))
                            : entry);
                }
                if (batch.size() == SparkDecisions.BATCH || !lines.hasNext()) {
                    for (Comparison c : work.compare(batch)) {
                        tally.accept(firstOfItsId(c));
                    }
                    batch.clear();
                }
            }
            return List.of(tally).iterator();
        }

        /** As in {@code risk simulate}: a borrower compared under an id first seen on an earlier line is a repeat. */
        private Comparison firstOfItsId(Comparison c) {
            Long first = c.borrowerId() == null ? null : firsts.value().get(c.borrowerId());
            return first == null || first == c.line() || c instanceof Comparison.Rejected ? c
                    : Comparison.repeated(c.line(), c.borrowerId());
        }
    }
}
