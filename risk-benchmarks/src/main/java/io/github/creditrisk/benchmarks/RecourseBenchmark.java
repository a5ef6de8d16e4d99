package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of recourse per restricted borrower: deciding one restricted borrower of the generated portfolio
 * ({@code plain}) against deciding it with the ways that lift each of its restrictions ({@code withRecourse}),
 * with the bundled rules and signals.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RecourseBenchmark {

    @State(Scope.Benchmark)
    public static class Restricted {
        DroolsRiskEngine engine;
        List<BorrowerProfile> borrowers;
        EvaluationContext plain;
        EvaluationContext withRecourse;

        @Setup(Level.Trial)
        public void setUp() {
            engine = DroolsRiskEngine.bundled();
            plain = Fixtures.context("bundled");
            withRecourse = plain.withRecourse(true);
            borrowers = Fixtures.portfolio(20_000, 42).stream()
                    .filter(b -> !engine.evaluate(b, plain).restrictions().isEmpty())
                    .toList();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** Each benchmark thread walks the restricted borrowers from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        BorrowerProfile advance(List<BorrowerProfile> borrowers) {
            BorrowerProfile b = borrowers.get(next);
            next = (next + 1) % borrowers.size();
            return b;
        }
    }

    @Benchmark
    public Decision plain(Restricted r, Cursor c) {
        return r.engine.evaluate(c.advance(r.borrowers), r.plain);
    }

    @Benchmark
    public Decision withRecourse(Restricted r, Cursor c) {
        return r.engine.evaluate(c.advance(r.borrowers), r.withRecourse);
    }
}
