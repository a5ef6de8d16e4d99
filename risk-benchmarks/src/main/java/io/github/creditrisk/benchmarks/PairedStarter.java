package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.spring.autoconfigure.CreditRiskMeters;
import io.github.creditrisk.spring.autoconfigure.ObservedRiskEngine;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.Locale;

/**
 * What the Spring Boot starter adds to a decision, measured as {@link PairedAb} measures an option: one engine
 * decides the same borrowers bare, wrapped as the starter wraps it without metrics ({@code noop}), wrapped with
 * Boot's meter observation handler alone, which times each evaluation ({@code timer}), and with that handler and
 * the starter's counters ({@code metrics}), as in an application with Micrometer, in short rounds whose
 * order rotates; the ratio of each round to the bare one in the same turn is taken.
 *
 * <pre>
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.PairedStarter [ROUNDS]
 * </pre>
 */
public final class PairedStarter {

    private static final int ROUND = 2_000;

    private PairedStarter() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<BorrowerProfile> portfolio = Fixtures.portfolio(EngineBenchmark.PORTFOLIO, 42);
        EvaluationContext context = Fixtures.context("bundled");
        try (DroolsRiskEngine drools = DroolsRiskEngine.bundled()) {
            SimpleMeterRegistry timerMeters = new SimpleMeterRegistry();
            ObservationRegistry timed = ObservationRegistry.create();
            timed.observationConfig().observationHandler(new DefaultMeterObservationHandler(timerMeters));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            ObservationRegistry counted = ObservationRegistry.create();
            counted.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                    .observationHandler(new CreditRiskMeters(meters));
            String[] names = {"bare", "noop", "timer", "metrics"};
            RiskEngine[] engines = {drools, new ObservedRiskEngine(drools, ObservationRegistry.NOOP, false),
                new ObservedRiskEngine(drools, timed, false), new ObservedRiskEngine(drools, counted, false)};
            int[] cursor = new int[engines.length];
            long warmUntil = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (int e = 0; e < engines.length; e++) {
                    round(engines[e], portfolio, context, cursor, e);
                }
            }
            double[][] perOp = new double[engines.length][rounds];
            double[][] ratios = new double[engines.length][rounds];
            for (int r = 0; r < rounds; r++) {
                long[] took = new long[engines.length];
                for (int k = 0; k < engines.length; k++) {
                    int e = (r + k) % engines.length; // rotate which goes first
                    took[e] = round(engines[e], portfolio, context, cursor, e);
                }
                for (int e = 0; e < engines.length; e++) {
                    perOp[e][r] = took[e] / 1000.0 / ROUND;
                    ratios[e][r] = (double) took[e] / took[0];
                }
            }
            for (int e = 0; e < engines.length; e++) {
                System.out.printf(Locale.ROOT, "%-8s %.3f µs per decision (median of %d rounds)", names[e],
                        PairedAb.median(perOp[e]), rounds);
                if (e > 0) {
                    System.out.printf(Locale.ROOT, ", / bare: median %.3f (quartiles %.3f to %.3f)",
                            PairedAb.median(ratios[e]), PairedAb.quantile(ratios[e], 0.25),
                            PairedAb.quantile(ratios[e], 0.75));
                }
                System.out.println();
            }
        }
    }

    private static long round(RiskEngine engine, List<BorrowerProfile> portfolio, EvaluationContext context,
                              int[] cursor, int e) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUND; i++) {
            int at = cursor[e];
            cursor[e] = (at + 1) % portfolio.size();
            sink += engine.evaluate(portfolio.get(at), context).restrictions().size();
        }
        return System.nanoTime() - start;
    }

    private static int sink;
}
