package io.github.creditrisk.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An A/B of two builds in one JVM: the engine of benchmark jar A against the engine of benchmark jar B, each
 * loaded by a class loader of its own (so each has its own copy of every class, Drools' included), deciding the
 * same generated borrowers with the bundled rules and signals in short alternating rounds, as {@link PairedAb}
 * does for two settings. Both builds run under the same load at the same time, which two JMH runs minutes apart
 * on a shared machine do not.
 *
 * <p>What a round does, by mode: {@code single} decides 500 borrowers one at a time; {@code batch} decides a batch
 * of 1,000; {@code lines} does what {@code risk eval}'s worker does for a batch, on one thread: it reads 1,000
 * JSON lines with {@code RiskJson}, decides them as a batch and writes each decision line as UTF-8 bytes (with
 * {@code writeEvaluationUtf8} where the build has it, as its {@code risk eval} did). {@code read} and
 * {@code write} do that reading and that writing alone.
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
    private static final List<String> MODES = List.of("single", "batch", "lines", "read", "write");

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
        private final Object json;
        /** The portfolio as JSON lines, for {@code read} and {@code lines} (empty in the other modes). */
        private final List<String> lines;
        private final MethodHandle readLine;
        private final MethodHandle profileOf;
        private final MethodHandle writeLine;
        /** Every borrower of the portfolio decided, for {@code write} (empty in the other modes). */
        private final List<?> decided;

        Build(Path jar, String mode) throws Throwable {
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
            Class<?> jsonType = loader.loadClass("io.github.creditrisk.json.RiskJson");
            Class<?> input = loader.loadClass("io.github.creditrisk.json.BorrowerInput");
            Class<?> evaluation = loader.loadClass("io.github.creditrisk.Evaluation");
            json = lookup.findStatic(jsonType, "create", MethodType.methodType(jsonType)).invoke();
            lines = mode.equals("read") || mode.equals("lines")
                    ? written(lookup.findVirtual(jsonType, "writeBorrower", MethodType.methodType(String.class,
                            profile))) : List.of();
            readLine = lookup.findVirtual(jsonType, "readBorrowerLine", MethodType.methodType(input, String.class))
                    .asType(MethodType.methodType(Object.class, Object.class, String.class));
            profileOf = lookup.findVirtual(loader.loadClass("io.github.creditrisk.json.BorrowerInput$Valid"),
                    "profile", MethodType.methodType(profile))
                    .asType(MethodType.methodType(Object.class, Object.class));
            writeLine = utf8Writer(lookup, jsonType, evaluation);
            decided = mode.equals("write") ? decide(portfolio) : List.of();
        }

        /** The portfolio as JSON lines, written by {@code writeBorrower}. */
        private List<String> written(MethodHandle writeBorrower) throws Throwable {
            List<String> written = new ArrayList<>(portfolio.size());
            for (Object borrower : portfolio) {
                written.add((String) writeBorrower.invoke(json, borrower));
            }
            return written;
        }

        /** How the build's {@code risk eval} writes a line: as UTF-8 bytes, by its mapper if it can. */
        private static MethodHandle utf8Writer(MethodHandles.Lookup lookup, Class<?> jsonType, Class<?> evaluation)
                throws ReflectiveOperationException {
            MethodType type = MethodType.methodType(byte[].class, Object.class, Object.class);
            try {
                return lookup.findVirtual(jsonType, "writeEvaluationUtf8", MethodType.methodType(byte[].class,
                        evaluation)).asType(type);
            } catch (NoSuchMethodException e) {
                MethodHandle text = lookup.findVirtual(jsonType, "writeEvaluation",
                        MethodType.methodType(String.class, evaluation));
                MethodHandle bytes = MethodHandles.insertArguments(lookup.findVirtual(String.class, "getBytes",
                        MethodType.methodType(byte[].class, Charset.class)), 1, StandardCharsets.UTF_8);
                return MethodHandles.filterReturnValue(text, bytes).asType(type);
            }
        }

        /** Does one round's work from {@code cursor} in {@code mode}; the nanoseconds it took. */
        long round(int cursor, String mode) throws Throwable {
            Thread.currentThread().setContextClassLoader(loader);
            int from = cursor % portfolio.size();
            long start = System.nanoTime();
            switch (mode) {
                case "single" -> {
                    for (int i = 0; i < ROUND_SINGLE; i++) {
                        Object decision = evaluate.invokeExact(engine, (Object) portfolio.get((from + i)
                                % portfolio.size()), context);
                        sink += decision.hashCode() & 1;
                    }
                }
                case "batch" -> sink += decide(portfolio.subList(from, from + EngineBenchmark.BATCH)).size();
                case "read" -> sink += read(from).size();
                case "write" -> write(decided.subList(from, from + EngineBenchmark.BATCH));
                case "lines" -> write(decide(read(from)));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            return System.nanoTime() - start;
        }

        private List<?> decide(List<?> borrowers) throws Throwable {
            return (List<?>) evaluateAll.invokeExact(engine, (List) borrowers, context);
        }

        /** The borrowers of a batch's lines from {@code from}, read as {@code risk eval} reads them. */
        private List<Object> read(int from) throws Throwable {
            List<Object> profiles = new ArrayList<>(EngineBenchmark.BATCH);
            for (String line : lines.subList(from, from + EngineBenchmark.BATCH)) {
                profiles.add((Object) profileOf.invokeExact(readLine.invokeExact(json, line)));
            }
            return profiles;
        }

        /** Writes each evaluation as a decision line of UTF-8 bytes. */
        private void write(List<?> evaluations) throws Throwable {
            for (Object evaluation : evaluations) {
                sink += ((byte[]) writeLine.invokeExact(json, evaluation)).length & 1;
            }
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) engine).close();
            loader.close();
        }
    }

    private static int sink;

    public static void main(String[] args) throws Throwable {
        if (args.length < 2 || (args.length > 2 && !MODES.contains(args[2]))) {
            System.err.println("usage: PairedJars A.jar B.jar [" + String.join("|", MODES) + "] [ROUNDS]");
            System.exit(2);
        }
        String mode = args.length > 2 ? args[2] : "single";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int step = mode.equals("single") ? ROUND_SINGLE : EngineBenchmark.BATCH;
        try (Build a = new Build(Path.of(args[0]), mode); Build b = new Build(Path.of(args[1]), mode)) {
            Build[] builds = {a, b};
            int cursor = 0;
            long warmUntil = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (Build build : builds) {
                    build.round(cursor, mode);
                }
                cursor = (cursor + step) % EngineBenchmark.PORTFOLIO;
            }
            double[] ratios = new double[rounds];
            double[][] perOp = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                long[] took = new long[2];
                for (int k = 0; k < 2; k++) {
                    int e = (r + k) % 2; // alternate which goes first
                    took[e] = builds[e].round(cursor, mode);
                }
                cursor = (cursor + step) % EngineBenchmark.PORTFOLIO;
                ratios[r] = (double) took[1] / took[0];
                perOp[0][r] = took[0] / 1000.0 / step;
                perOp[1][r] = took[1] / 1000.0 / step;
            }
            System.out.printf(Locale.ROOT, "%s, %d paired rounds: A (%s) %.3f µs, B (%s) %.3f µs per borrower"
                            + " (medians)%n", mode, rounds, args[0],
                    PairedAb.median(perOp[0]), args[1], PairedAb.median(perOp[1]));
            System.out.printf(Locale.ROOT, "B / A: median %.3f (quartiles %.3f to %.3f)%n",
                    PairedAb.median(ratios), PairedAb.quantile(ratios, 0.25), PairedAb.quantile(ratios, 0.75));
        }
    }
}
