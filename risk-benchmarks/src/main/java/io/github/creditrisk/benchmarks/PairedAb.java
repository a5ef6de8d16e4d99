package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An A/B of one engine option on a noisy machine: two engines in one JVM, made with an engine option
 * ({@link EngineSettings#withOption}) at two values, decide the same borrowers in short alternating rounds, and the ratio of each round's times is taken.
 * A neighbour's load that slows one round slows the next one too, so the median of the paired ratios holds
 * still where separate benchmark runs (minutes apart) differ by 20%.
 *
 * <pre>
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.PairedAb OPTION A B [single|batch] [ROUNDS]
 * </pre>
 *
 * A value {@code -} leaves the option unset: {@code PairedAb drools.build - executable-model} compares the
 * bundled rules precompiled with the same rules compiled at run time. The option {@code rules} compares two rule
 * directories instead ({@code -} for the bundled rules). The JIT compiles one code for both engines, so a setting that changes which code
 * runs is compared fairly only once both have warmed up, which the first 30 seconds are for.
 */
public final class PairedAb {

    private static final int ROUND_SINGLE = 4_000;
    private static final int ROUND_BATCHES = 4;

    private PairedAb() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: PairedAb OPTION A B [single|batch] [ROUNDS]");
            System.exit(2);
        }
        String option = args[0];
        boolean batch = args.length > 3 && args[3].equals("batch");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        List<BorrowerProfile> portfolio = Fixtures.portfolio(EngineBenchmark.PORTFOLIO, 42);
        EvaluationContext context = Fixtures.context("bundled");
        try (DroolsRiskEngine a = engine(option, args[1]); DroolsRiskEngine b = engine(option, args[2])) {
            DroolsRiskEngine[] engines = {a, b};
            int[] cursor = new int[2];
            long warmUntil = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (int e = 0; e < 2; e++) {
                    round(engines[e], portfolio, context, cursor, e, batch);
                }
            }
            double[] ratios = new double[rounds];
            double[][] perOp = new double[2][rounds];
            int ops = batch ? ROUND_BATCHES * EngineBenchmark.BATCH : ROUND_SINGLE;
            for (int r = 0; r < rounds; r++) {
                long[] took = new long[2];
                for (int k = 0; k < 2; k++) {
                    int e = (r + k) % 2; // alternate which goes first
                    took[e] = round(engines[e], portfolio, context, cursor, e, batch);
                }
                ratios[r] = (double) took[1] / took[0];
                perOp[0][r] = took[0] / 1000.0 / ops;
                perOp[1][r] = took[1] / 1000.0 / ops;
            }
            System.out.printf(Locale.ROOT, "%s, %s: A (%s=%s) %.3f µs, B (%s=%s) %.3f µs per borrower (medians)%n",
                    batch ? "batch" : "single", rounds + " paired rounds", option, args[1], median(perOp[0]),
                    option, args[2], median(perOp[1]));
            System.out.printf(Locale.ROOT, "B / A: median %.3f (quartiles %.3f to %.3f)%n", median(ratios),
                    quantile(ratios, 0.25), quantile(ratios, 0.75));
        }
    }

    private static DroolsRiskEngine engine(String option, String value) {
        EngineSettings settings = EngineSettings.defaults();
        if (value.equals("-")) {
            return DroolsRiskEngine.create(settings);
        }
        return DroolsRiskEngine.create(option.equals("rules") ? settings.withRulesDirectory(Path.of(value))
                : settings.withOption(option, value));
    }

    /** Decides one round's borrowers with {@code engine}; the nanoseconds it took. */
    private static long round(DroolsRiskEngine engine, List<BorrowerProfile> portfolio, EvaluationContext context,
                              int[] cursor, int e, boolean batch) {
        long start = System.nanoTime();
        if (batch) {
            for (int i = 0; i < ROUND_BATCHES; i++) {
                int from = cursor[e];
                cursor[e] = (from + EngineBenchmark.BATCH) % portfolio.size();
                consume(engine.evaluateAll(portfolio.subList(from, from + EngineBenchmark.BATCH), context).size());
            }
        } else {
            for (int i = 0; i < ROUND_SINGLE; i++) {
                int at = cursor[e];
                cursor[e] = (at + 1) % portfolio.size();
                consume(engine.evaluate(portfolio.get(at), context).restrictions().size());
            }
        }
        return System.nanoTime() - start;
    }

    private static int sink;

    private static void consume(int value) {
        sink += value;
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = (int) Math.ceil(at);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }
}
