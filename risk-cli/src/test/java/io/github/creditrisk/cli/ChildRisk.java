package io.github.creditrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@code risk} in a JVM of its own, for what only a whole process shows: an exit status set as the JVM exits, a
 * heap too small for the input.
 */
final class ChildRisk {

    private ChildRisk() {
    }

    /**
     * Runs {@code risk ARGS} in a child JVM on this test's class path, with {@code jvmOptions}, standard output to
     * {@code out} and standard error to {@code err}, and gives its exit status. Fails the test, and kills the
     * child, when it has not ended within {@code timeout}.
     */
    static int run(List<String> jvmOptions, Duration timeout, Path out, Path err, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            fail("risk " + String.join(" ", args) + " had not ended after " + timeout.toSeconds() + " s");
        }
        return child.exitValue();
    }
}
