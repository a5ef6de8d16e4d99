package io.github.creditrisk.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long fuzz campaign: the generators and checks of {@link JsonFuzzProperties}, run for minutes instead
 * of seconds. Prints the inputs tried (by kind), the failures found with the seed that replays each, and the
 * slowest input; saves each failing input under {@code target/fuzz-failures/}. An input that takes longer
 * than {@code --hang-seconds} counts as a failure (a hang), and so does any exception or error other than a
 * clean rejection, including {@link StackOverflowError} and {@link OutOfMemoryError}.
 *
 * <pre>
 * mvn -q -B install -DskipTests
 * cd risk-json && mvn -q test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.creditrisk.json.FuzzCampaign -Dexec.args="--minutes 10"
 * </pre>
 *
 * Options: {@code --minutes M} (default 1), {@code --seed S} (the first seed; default from the clock),
 * {@code --hang-seconds H} (default 10), {@code --replay KIND:SEED} (print one input and its check, then stop;
 * KIND is line, case, signals or evaluation).
 */
public final class FuzzCampaign {

    /** The kinds of input, in the proportions the campaign draws them. */
    enum Kind {
        LINE(50), CASE(20), SIGNALS(15), EVALUATION(15);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        Object generate(long seed) {
            Random r = new Random(seed);
            return switch (this) {
                case LINE -> HostileJson.borrowerLine(r);
                case CASE -> HostileJson.caseFile(r);
                case SIGNALS -> HostileJson.signalFile(r);
                case EVALUATION -> HostileJson.evaluationLine(r);
            };
        }

        void check(Object input) {
            switch (this) {
                case LINE -> FuzzOracle.checkLine((HostileJson.Input) input);
                case CASE -> FuzzOracle.checkCaseFile((HostileJson.CaseFileInput) input);
                case SIGNALS -> FuzzOracle.checkSignals((HostileJson.Input) input);
                case EVALUATION -> FuzzOracle.checkEvaluation((HostileJson.Input) input);
            }
        }

        static Kind forSeed(long seed) {
            int roll = (int) Math.floorMod(seed * 0x9E3779B97F4A7C15L >>> 17, 100L);
            for (Kind k : values()) {
                if (roll < k.weight) {
                    return k;
                }
                roll -= k.weight;
            }
            return LINE;
        }

        String text(Object input) {
            return input instanceof HostileJson.Input in ? in.text() : ((HostileJson.CaseFileInput) input).text();
        }
    }

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 1;
        long seed = System.currentTimeMillis();
        int hangSeconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--hang-seconds" -> hangSeconds = Integer.parseInt(args[++i]);
                case "--replay" -> {
                    replay(args[++i]);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --minutes M, --seed S, --hang-seconds H or --replay KIND:SEED");
            }
        }
        int failures = run(Duration.ofMillis((long) (minutes * 60_000)), seed, hangSeconds);
        if (failures > 0) {
            throw new IllegalStateException(failures + " failing inputs; see above and target/fuzz-failures/");
        }
    }

    private static void replay(String kindAndSeed) {
        String[] parts = kindAndSeed.split(":", 2);
        Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        Object input = kind.generate(Long.parseLong(parts[1]));
        System.out.println(input);
        kind.check(input);
        System.out.println("passes");
    }

    /** Runs the campaign; returns the number of failing inputs. */
    static int run(Duration length, long firstSeed, int hangSeconds) throws InterruptedException, IOException {
        System.out.printf("fuzzing the JSON readers for %s from seed %d (inputs that take over %d s are hangs)%n",
                length, firstSeed, hangSeconds);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung check must not keep the JVM alive
            return t;
        });
        Map<Kind, Long> tried = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        long slowestNanos = 0;
        String slowest = "-";
        long seed = firstSeed;
        long count = 0;
        try {
            while (System.nanoTime() < end) {
                long s = seed++;
                Kind kind = Kind.forSeed(s);
                long t0 = System.nanoTime();
                Future<Object> outcome = worker.submit(() -> {
                    Object input = kind.generate(s);
                    kind.check(input);
                    return input;
                });
                String failure = null;
                try {
                    outcome.get(hangSeconds, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failure = cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
                } catch (TimeoutException e) {
                    failure = "hang: no answer after " + hangSeconds + " s";
                    outcome.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "fuzz-worker");
                        t.setDaemon(true);
                        return t;
                    });
                }
                long took = System.nanoTime() - t0;
                count++;
                tried.merge(kind, 1L, Long::sum);
                if (took > slowestNanos) {
                    slowestNanos = took;
                    slowest = kind.name().toLowerCase(Locale.ROOT) + ":" + s;
                }
                if (failure != null) {
                    String replay = kind.name().toLowerCase(Locale.ROOT) + ":" + s;
                    Path saved = save(replay, kind, s);
                    failures.add(replay + " " + failure + " (input saved as " + saved + ")");
                    System.out.println("FAILURE " + replay + ": " + failure);
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf("  %,d inputs, %d failures, %.0f s%n", count, failures.size(),
                            (System.nanoTime() - start) / 1e9);
                    nextReport += TimeUnit.SECONDS.toNanos(10);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%,d inputs tried in %.0f s (%,.0f a second), seeds %d to %d%n", count, seconds,
                count / seconds, firstSeed, seed - 1);
        tried.forEach((k, n) -> System.out.printf("  %-10s %,d%n", k.name().toLowerCase(Locale.ROOT), n));
        System.out.printf("slowest input: %s, %.1f ms%n", slowest, slowestNanos / 1e6);
        System.out.println(failures.size() + " failures" + (failures.isEmpty() ? "" : ":"));
        failures.forEach(f -> System.out.println("  " + f));
        if (!failures.isEmpty()) {
            System.out.println("replay one with -Dexec.args=\"--replay KIND:SEED\"");
        }
        return failures.size();
    }

    private static Path save(String name, Kind kind, long seed) throws IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Path file = dir.resolve(name.replace(':', '_') + ".txt");
        String text;
        try {
            text = kind.text(kind.generate(seed));
        } catch (RuntimeException | Error e) {
            text = "(the generator itself failed: " + e + ")";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String flat = message.strip().replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
