package io.github.creditrisk.benchmarks;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.BorrowerProfile;
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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the size of the rule set costs: compiling it at run time (executable model, checked), and deciding with it (the
 * bundled rules and ten times them; both fire a batch's borrowers together, as the bundled rules do by
 * default, so that the two differ only in their size). {@link #loadPrecompiled} is what the bundled rules
 * cost instead, as precompiled at build time.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CompileBenchmark {

    @State(Scope.Benchmark)
    public static class Rules {
        @Param({"bundled", "tenfold"})
        public String ruleSet;

        Path directory;
        DroolsRiskEngine engine;
        List<BorrowerProfile> portfolio;
        EvaluationContext context;

        @Setup(Level.Trial)
        public void setUp() {
            directory = ruleSet.equals("bundled") ? Fixtures.bundledRulesSource() : Fixtures.tenfoldRules();
            engine = DroolsRiskEngine.create(settings(directory));
            portfolio = Fixtures.portfolio(EngineBenchmark.PORTFOLIO, 42);
            context = Fixtures.context("bundled");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
            if (!ruleSet.equals("bundled")) {
                Fixtures.delete(directory);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 7)
    public DroolsRiskEngine compile(Rules r) {
        DroolsRiskEngine e = DroolsRiskEngine.create(settings(r.directory));
        e.close();
        return e;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 7)
    public DroolsRiskEngine loadPrecompiled() {
        DroolsRiskEngine e = DroolsRiskEngine.bundled();
        e.close();
        return e;
    }

    /** Compiled at run time (the bundled rules would otherwise load precompiled). */
    static EngineSettings settings(Path directory) {
        return EngineSettings.defaults().withRulesDirectory(directory)
                .withOption(DroolsRiskEngine.BUILD_OPTION, "executable-model");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 4, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OperationsPerInvocation(EngineBenchmark.BATCH)
    public Object batchWithRuleSet(Rules r, EngineBenchmark.Cursor c) {
        int from = c.advance(EngineBenchmark.BATCH);
        return r.engine.evaluateAll(r.portfolio.subList(from, from + EngineBenchmark.BATCH), r.context);
    }
}
