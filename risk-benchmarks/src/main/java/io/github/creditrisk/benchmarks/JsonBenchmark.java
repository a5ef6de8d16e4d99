package io.github.creditrisk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one line of {@code risk eval} costs apart from deciding, in steady state: reading a borrower line into a
 * profile, writing a decision line, and the plain Jackson read-tree-and-write of the same line that
 * {@link EvalThroughput} compares the whole command with.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JsonBenchmark {

    static final int LINES = EngineBenchmark.PORTFOLIO; // walked by EngineBenchmark.Cursor

    @State(Scope.Benchmark)
    public static class Lines {
        RiskJson json;
        ObjectMapper mapper;
        String[] lines;
        Evaluation[] evaluations;

        @Setup(Level.Trial)
        public void setUp() {
            json = RiskJson.create();
            mapper = new ObjectMapper();
            List<BorrowerProfile> portfolio = Fixtures.portfolio(LINES, 42);
            lines = new String[LINES];
            for (int i = 0; i < LINES; i++) {
                lines[i] = json.writeBorrower(portfolio.get(i));
            }
            try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
                EvaluationContext context = Fixtures.context("bundled");
                evaluations = engine.evaluateAll(portfolio, context).toArray(new Evaluation[0]);
            }
        }
    }

    @Benchmark
    public BorrowerInput readLine(Lines s, EngineBenchmark.Cursor c) {
        return s.json.readBorrowerLine(s.lines[c.advance(1)]);
    }

    @Benchmark
    public String writeLine(Lines s, EngineBenchmark.Cursor c) {
        return s.json.writeEvaluation(s.evaluations[c.advance(1)]);
    }

    /** The I/O limit's work per line: Jackson's tree read of a borrower line and its write. */
    @Benchmark
    public String jacksonCopy(Lines s, EngineBenchmark.Cursor c) throws IOException {
        return s.mapper.writeValueAsString(s.mapper.readTree(s.lines[c.advance(1)]));
    }
}
