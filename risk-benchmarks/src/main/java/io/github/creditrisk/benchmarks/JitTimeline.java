package io.github.creditrisk.benchmarks;

import io.github.creditrisk.cli.Io;
import io.github.creditrisk.cli.Main;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How busy the JIT compiler is through a {@code risk eval} run: the command runs in this JVM, its output
 * discarded, while a daemon thread reads the compilers' total time ({@link CompilationMXBean}) once a second.
 * It prints, for each second of the run, how long the compilers compiled in it: about 1,000 ms means a core
 * compiled for that whole second.
 *
 * <pre>
 * java -Xmx256m -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.JitTimeline portfolio.jsonl
 * </pre>
 */
public final class JitTimeline {

    private JitTimeline() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: JitTimeline PORTFOLIO.jsonl");
            System.exit(2);
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            System.err.println("this JVM does not report its compilation time");
            System.exit(2);
        }
        List<Long> compiledBySecond = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            long before = jit.getTotalCompilationTime();
            try {
                while (true) {
                    Thread.sleep(1000);
                    long now = jit.getTotalCompilationTime();
                    synchronized (compiledBySecond) {
                        compiledBySecond.add(now - before);
                    }
                    before = now;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jit-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        sampler.start();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        int code = Main.run(new Io(System.in, discard, System.err, false), "eval", "--as-of", "2026-11-01", args[0]);
        long wall = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        synchronized (compiledBySecond) {
            for (int s = 0; s < compiledBySecond.size(); s++) {
                System.out.printf("second %3d: compiled %5d ms%n", s + 1, compiledBySecond.get(s));
            }
        }
        System.out.printf("risk eval: exit code %d, %.1f s; the compilers' total: %.1f s%n", code, wall / 1e3,
                jit.getTotalCompilationTime() / 1e3);
    }
}
