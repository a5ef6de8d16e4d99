package io.github.creditrisk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM given too small a heap for its input: {@code risk} says so in one line, with the way out, and exits with
 * status 2, instead of dying with the JVM's stack trace. Run in a child JVM of its own with a 32 MiB heap.
 */
@DisplayName("Out of memory: one line saying to give Java a larger heap, no stack trace")
class OutOfMemoryEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aCaseFileLargerThanTheHeapEndsInOneLineNamingTheWayOut() throws IOException, InterruptedException {
        // 48 MiB: within the length limit for a case file (64 MiB), but read whole into a 32 MiB heap
        Path caseFile = dir.resolve("large.json");
        Files.writeString(caseFile, "{\"asOf\": \"2026-11-01\", \"borrowers\": [" + " ".repeat(48 << 20) + "]}",
                StandardCharsets.US_ASCII);
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "eval", caseFile.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }

        assertThat(ended).as("the child JVM ended").isTrue();
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(Main.INPUT_ERROR);
        assertThat(stderr).startsWith("risk: out of memory (Java heap space); give Java a larger heap, such as"
                + " java -Xmx1g -jar risk.jar").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stderr.lines()).hasSize(1);
        assertThat(Files.size(out)).isZero();
    }
}
