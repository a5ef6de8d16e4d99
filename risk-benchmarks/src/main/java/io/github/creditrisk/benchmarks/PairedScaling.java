package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.testkit.ReferencePolicy;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntUnaryOperator;

/**
 * How two threads scale against one, measured in alternating rounds on a noisy machine: a round of one thread
 * doing a fixed amount of work, then a round of two threads each doing that amount at once, over and over; each
 * pair gives a scaling (2 × the one-thread time ÷ the two-thread time), and the median of the pairs is reported.
 * A neighbour's load that slows a round slows the round beside it too, where {@link ThreadsBenchmark}'s one- and
 * two-thread benchmarks run a minute apart and their ratio moves by 20% between runs.
 *
 * <pre>
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.PairedScaling [single|batch|handwritten] [ROUNDS]
 * </pre>
 *
 * The first 30 seconds warm up, alternating the same way. Each thread walks the portfolio from its own place.
 */
public final class PairedScaling {

    private static final int ROUND_SINGLE = 20_000;
    private static final int ROUND_BATCHES = 20;
    private static final int ROUND_HANDWRITTEN = 300_000;

    private PairedScaling() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "single";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<BorrowerProfile> portfolio = Fixtures.portfolio(EngineBenchmark.PORTFOLIO, 42);
        EvaluationContext context = Fixtures.context("bundled");
        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            ReferencePolicy reference = new ReferencePolicy(context);
            int n = portfolio.size();
            // one round's work for one thread, from a cursor; returns the cursor after it
            IntUnaryOperator work = switch (mode) {
                case "single" -> round(ROUND_SINGLE, 1, n,
                        at -> engine.evaluate(portfolio.get(at), context).restrictions().size());
                case "batch" -> round(ROUND_BATCHES, EngineBenchmark.BATCH, n,
                        at -> engine.evaluateAll(portfolio.subList(at, at + EngineBenchmark.BATCH), context).size());
                case "handwritten" -> round(ROUND_HANDWRITTEN, 1, n,
                        at -> reference.decide(portfolio.get(at)).restrictions().size());
                default -> throw new IllegalArgumentException("mode is single, batch or handwritten: " + mode);
            };
            Pair threads = new Pair(work, n);
            try {
                long warmUntil = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < warmUntil) {
                    threads.round(1);
                    threads.round(2);
                }
                double[] scaling = new double[rounds];
                double[] one = new double[rounds];
                double[] two = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long t1;
                    long t2;
                    if (r % 2 == 0) { // alternate which goes first
                        t1 = threads.round(1);
                        t2 = threads.round(2);
                    } else {
                        t2 = threads.round(2);
                        t1 = threads.round(1);
                    }
                    scaling[r] = 2.0 * t1 / t2;
                    one[r] = t1 / 1e6;
                    two[r] = t2 / 1e6;
                }
                System.out.printf(Locale.ROOT, "%s, %d paired rounds: one thread %.1f ms, two threads %.1f ms a round"
                        + " (medians)%n", mode, rounds, PairedAb.median(one), PairedAb.median(two));
                System.out.printf(Locale.ROOT, "two threads / one: median %.3f× (quartiles %.3f to %.3f)%n",
                        PairedAb.median(scaling), PairedAb.quantile(scaling, 0.25), PairedAb.quantile(scaling, 0.75));
            } finally {
                threads.stop();
            }
        }
    }

    /**
     * A round: {@code times} steps of {@code step} borrowers from a cursor, each done by {@code one} (which a run
     * calls at one site in one mode, so the JIT inlines it), returning the cursor after them. The results are summed
     * here and published once a round, so the threads share no cache line they write.
     */
    private static IntUnaryOperator round(int times, int step, int portfolio, IntUnaryOperator one) {
        return from -> {
            int at = from;
            int seen = 0;
            for (int i = 0; i < times; i++) {
                seen += one.applyAsInt(at);
                at = (at + step) % portfolio;
            }
            consume(seen);
            return at;
        };
    }

    /** Two worker threads that do a round's work when told: the first alone, or both at once. */
    private static final class Pair {
        private final IntUnaryOperator work;
        private final int[] cursor;
        private final CyclicBarrier start = new CyclicBarrier(3);
        private final CyclicBarrier end = new CyclicBarrier(3);
        private final Thread[] workers = new Thread[2];
        private volatile int active;
        private volatile boolean stopping;

        Pair(IntUnaryOperator work, int portfolio) {
            this.work = work;
            this.cursor = new int[] {0, portfolio / 2};
            for (int t = 0; t < 2; t++) {
                int me = t;
                workers[t] = new Thread(() -> loop(me), "scaling-" + t);
                workers[t].setDaemon(true);
                workers[t].start();
            }
        }

        private void loop(int me) {
            try {
                while (true) {
                    start.await();
                    if (stopping) {
                        return;
                    }
                    if (me < active) {
                        cursor[me] = work.applyAsInt(cursor[me]);
                    }
                    end.await();
                }
            } catch (Exception e) {
                if (!stopping) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Runs a round on {@code threads} threads; the nanoseconds until all of them finished. */
        long round(int threads) throws Exception {
            active = threads;
            start.await();
            long began = System.nanoTime();
            end.await();
            return System.nanoTime() - began;
        }

        void stop() throws Exception {
            stopping = true;
            start.await();
            for (Thread w : workers) {
                w.join();
            }
        }
    }

    private static volatile int sink;

    private static void consume(int value) {
        sink = value;
    }
}
