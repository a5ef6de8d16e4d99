package io.github.creditrisk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code risk eval} end to end (read, decide, write JSON Lines) on a generated portfolio, against the I/O
 * limit ({@link JacksonCopy}), both as fresh JVMs with the same heap, alternated over several rounds in one
 * run; prints each wall time and the medians' ratio. Run from the repository's root after a build:
 *
 * <pre>
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.EvalThroughput [COUNT] [ROUNDS]
 * </pre>
 */
public final class EvalThroughput {

    private EvalThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String riskJar = Path.of("risk-cli", "target", "risk.jar").toString();
        String benchJar = Path.of("risk-benchmarks", "target", "benchmarks.jar").toString();
        Path dir = Files.createTempDirectory("eval-throughput");
        try { // the portfolio is hundreds of MB: never left behind
            Path portfolio = dir.resolve("portfolio.jsonl");
            Path signals = dir.resolve("signals.json");
            Files.writeString(signals, """
                    [{"type": "REGIONAL_DOWNTURN", "region": "CN-GD", "severity": "SEVERE", "since": "2026-09-01"},
                     {"type": "SECTOR_BAN", "sector": "P2P_LENDING", "regulation": "Regulatory Notice 2026-7", "since": "2026-06-01"},
                     {"type": "SERVICE_OUTAGE", "since": "2026-09-25", "until": "2026-09-28"}]""");
            run(List.of(java, "-jar", riskJar, "generate", "--count", String.valueOf(count), "--seed", "42"),
                    portfolio.toFile());
            System.out.printf(Locale.ROOT, "portfolio: %,d borrowers, %,d MB%n", count, Files.size(portfolio) >> 20);

            long[] eval = new long[rounds];
            long[] copy = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                copy[r] = run(List.of(java, "-Xmx256m", "-cp", benchJar, JacksonCopy.class.getName(),
                        portfolio.toString()), null);
                eval[r] = run(List.of(java, "-Xmx256m", "-jar", riskJar, "eval", "--as-of", "2026-11-01",
                        "--signals", signals.toString(), portfolio.toString()), null);
                System.out.printf(Locale.ROOT, "round %d: risk eval %.1f s, Jackson copy %.1f s%n", r + 1,
                        eval[r] / 1e3, copy[r] / 1e3);
            }
            Arrays.sort(eval);
            Arrays.sort(copy);
            long e = eval[rounds / 2];
            long c = copy[rounds / 2];
            System.out.printf(Locale.ROOT,
                    "median: risk eval %.1f s (%,.0f borrowers/s), Jackson copy %.1f s; ratio %.2f%n",
                    e / 1e3, count / (e / 1e3), c / 1e3, (double) e / c);
        } finally {
            Fixtures.delete(dir);
        }
    }

    /** Runs a command to completion, its output to {@code out} (or discarded); returns the wall time in ms. */
    private static long run(List<String> command, File out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out));
        long start = System.nanoTime();
        int exit = pb.start().waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit);
        }
        return ms;
    }
}
