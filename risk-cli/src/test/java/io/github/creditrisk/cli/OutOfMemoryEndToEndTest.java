package io.github.creditrisk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

        int status = ChildRisk.run(List.of("-Xmx32m"), Duration.ofSeconds(60), out, err, "eval",
                caseFile.toString());

        String stderr = Files.readString(err);
        assertThat(status).as(stderr).isEqualTo(Main.INPUT_ERROR);
        assertThat(stderr).startsWith("risk: out of memory (Java heap space); give Java a larger heap, such as"
                + " java -Xmx1g -jar risk.jar").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stderr.lines()).hasSize(1);
        assertThat(Files.size(out)).isZero();
    }
}
