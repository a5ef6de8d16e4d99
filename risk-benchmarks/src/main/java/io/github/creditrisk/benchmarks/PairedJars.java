package io.github.creditrisk.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An A/B of two builds in one JVM: the engine of benchmark jar A against the engine of benchmark jar B, each
 * loaded by a class loader of its own (so each has its own copy of every class, Drools' included), deciding the
 * same generated borrowers with the bundled rules and signals in short alternating rounds, as {@link PairedAb}
 * does for two settings. Both builds run under the same load at the same time, which two JMH runs minutes apart
 * on a shared machine do not.
 *
 * <pre>
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.PairedJars OLD.jar NEW.jar batch
 * </pre>
 *
 * <p>Each jar must hold the benchmarks' {@code Fixtures} and the engine (a {@code benchmarks.jar} of any
 * build since the two had these names).
 */
public final class PairedJars {

    private static final int ROUND_SINGLE = 500;
    private static final int ROUND_BATCHES = 1;

    private PairedJars() {
    }

    /** One build's engine and borrowers, called through its own class loader. */
    private static final class Build implements AutoCloseable {
        private final URLClassLoader loader;
        private final Object engine;
        private final List<?> portfolio;
        private final Object context;
        private final MethodHandle evaluate;
        private final MethodHandle evaluateAll;

        Build(Path jar) throws Throwable {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> fixtures = loader.loadClass("io.github.creditrisk.benchmarks.Fixtures");
            Class<?> profile = loader.loadClass("io.github.creditrisk.BorrowerProfile");
            Class<?> contextType = loader.loadClass("io.github.creditrisk.EvaluationContext");
            Class<?> engineType = loader.loadClass("io.github.creditrisk.RiskEngine");
            portfolio = (List<?>) lookup.findStatic(fixtures, "portfolio",
                    MethodType.methodType(List.class, int.class, long.class)).invoke(EngineBenchmark.PORTFOLIO, 42L);
            context = lookup.findStatic(fixtures, "context", MethodType.methodType(contextType, String.class))
                    .invoke("bundled");
            engine = lookup.findStatic(loader.loadClass("io.github.creditrisk.drools.DroolsRiskEngine"), "bundled",
                    MethodType.methodType(loader.loadClass("io.github.creditrisk.drools.DroolsRiskEngine"))).invoke();
            evaluate = lookup.findVirtual(engineType, "evaluate",
                            MethodType.methodType(loader.loadClass("io.github.creditrisk.Decision"), profile,
                                    contextType))
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
            evaluateAll = lookup.findVirtual(engineType, "evaluateAll",
                            MethodType.methodType(List.class, List.class, contextType))
                    .asType(MethodType.methodType(List.class, Object.class, List.class, Object.class));
        }

        /** Decides one round's borrowers from {@code cursor}; the nanoseconds it took. */
        long round(int cursor, boolean batch) throws Throwable {
            Thread.currentThread().setContextClassLoader(loader);
            long start = System.nanoTime();
            if (batch) {
                for (int i = 0; i < ROUND_BATCHES; i++) {
                    int from = (cursor + i * EngineBenchmark.BATCH) % portfolio.size();
                    sink += ((List<?>) evaluateAll.invokeExact(engine,
                            (List) portfolio.subList(from, from + EngineBenchmark.BATCH), context)).size();
                }
            } else {
                for (int i = 0; i < ROUND_SINGLE; i++) {
                    Object decision = evaluate.invokeExact(engine, (Object) portfolio.get((cursor + i)
                            % portfolio.size()), context);
                    sink += decision.hashCode() & 1;
                }
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) engine).close();
            loader.close();
        }
    }

    private static int sink;

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: PairedJars A.jar B.jar [single|batch] [ROUNDS]");
            System.exit(2);
        }
        boolean batch = args.length > 2 && args[2].equals("batch");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int step = batch ? ROUND_BATCHES * EngineBenchmark.BATCH : ROUND_SINGLE;
        try (Build a = new Build(Path.of(args[0])); Build b = new Build(Path.of(args[1]))) {
            Build[] builds = {a, b};
            int cursor = 0;
            long warmUntil = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (Build build : builds) {
                    build.round(cursor, batch);
                }
                cursor = (cursor + step) % EngineBenchmark.PORTFOLIO;
            }
            double[] ratios = new double[rounds];
            double[][] perOp = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                long[] took = new long[2];
                for (int k = 0; k < 2; k++) {
                    int e = (r + k) % 2; // alternate which goes first
                    took[e] = builds[e].round(cursor, batch);
                }
                cursor = (cursor + step) % EngineBenchmark.PORTFOLIO;
                ratios[r] = (double) took[1] / took[0];
                perOp[0][r] = took[0] / 1000.0 / step;
                perOp[1][r] = took[1] / 1000.0 / step;
            }
            System.out.printf(Locale.ROOT, "%s, %d paired rounds: A (%s) %.3f µs, B (%s) %.3f µs per borrower"
                            + " (medians)%n", batch ? "batch" : "single", rounds, args[0],
                    PairedAb.median(perOp[0]), args[1], PairedAb.median(perOp[1]));
            System.out.printf(Locale.ROOT, "B / A: median %.3f (quartiles %.3f to %.3f)%n",
                    PairedAb.median(ratios), PairedAb.quantile(ratios, 0.25), PairedAb.quantile(ratios, 0.75));
        }
    }
}
