package io.github.creditrisk.benchmarks;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.testkit.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decisions per second with one thread and with two sharing one engine (throughput, all threads together), and
 * the same for the reference policy written by hand ({@code handWritten}): how far two threads scale on this
 * machine for plain code that shares nothing, the ceiling for the engine's ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Two busy threads leave the JIT compiler one core's share less on two cores: the two-thread benchmarks were
// still speeding up 16 s in, so the warm-up is longer than the other benchmarks'.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThreadsBenchmark {

    @Benchmark
    @Threads(1)
    public Decision single1Thread(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        return s.engine.evaluate(s.portfolio.get(c.advance(1)), s.context);
    }

    @Benchmark
    @Threads(2)
    public Decision single2Threads(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        return s.engine.evaluate(s.portfolio.get(c.advance(1)), s.context);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(EngineBenchmark.BATCH)
    public List<Evaluation> batch1Thread(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        int from = c.advance(EngineBenchmark.BATCH);
        return s.engine.evaluateAll(s.portfolio.subList(from, from + EngineBenchmark.BATCH), s.context);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(EngineBenchmark.BATCH)
    public List<Evaluation> batch2Threads(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        int from = c.advance(EngineBenchmark.BATCH);
        return s.engine.evaluateAll(s.portfolio.subList(from, from + EngineBenchmark.BATCH), s.context);
    }

    @Benchmark
    @Threads(1)
    public Verdict handWritten1Thread(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        return s.reference.decide(s.portfolio.get(c.advance(1)));
    }

    @Benchmark
    @Threads(2)
    public Verdict handWritten2Threads(EngineBenchmark.Engine s, EngineBenchmark.Cursor c) {
        return s.reference.decide(s.portfolio.get(c.advance(1)));
    }
}
