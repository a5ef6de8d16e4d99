package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost per borrower: the engine deciding one borrower at a time and a batch, against the reference policy
 * written by hand in plain Java ({@link ReferencePolicy}, benchmark {@code handWritten}) and the same policy in
 * Easy Rules (which, like the reference, writes no sentences), with the bundled signal set and with 1,000 bans
 * and 1,000 regional downturns in force.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmark {

    static final int PORTFOLIO = 20_000;
    static final int BATCH = 1_000;

    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"bundled", "large"})
        public String signals;

        DroolsRiskEngine engine;
        ReferencePolicy reference;
        EasyRulesPolicy easyRules;
        List<BorrowerProfile> portfolio;
        EvaluationContext context;

        @Setup(Level.Trial)
        public void setUp() {
            engine = DroolsRiskEngine.bundled();
            portfolio = Fixtures.portfolio(PORTFOLIO, 42);
            context = Fixtures.context(signals);
            reference = new ReferencePolicy(context);
            easyRules = new EasyRulesPolicy(context);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** Each benchmark thread walks the portfolio from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int by) {
            int at = next;
            next = (next + by) % PORTFOLIO;
            return at;
        }
    }

    @Benchmark
    public Decision engineSingle(Engine s, Cursor c) {
        return s.engine.evaluate(s.portfolio.get(c.advance(1)), s.context);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Evaluation> engineBatch(Engine s, Cursor c) {
        int from = c.advance(BATCH);
        return s.engine.evaluateAll(s.portfolio.subList(from, from + BATCH), s.context);
    }

    @Benchmark
    public Verdict handWritten(Engine s, Cursor c) {
        return s.reference.decide(s.portfolio.get(c.advance(1)));
    }

    @Benchmark
    public Verdict easyRules(Engine s, Cursor c) {
        return s.easyRules.decide(s.portfolio.get(c.advance(1)));
    }
}
