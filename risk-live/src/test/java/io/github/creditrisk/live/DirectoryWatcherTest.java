package io.github.creditrisk.live;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Watching a rule directory")
class DirectoryWatcherTest {

    @TempDir
    Path dir;

    @Test
    void writesUnderTargetOrHiddenFoldersAreIgnoredAndEditsToTheRulesAreNot() throws Exception {
        Files.createDirectories(dir.resolve("policy"));
        Files.createDirectories(dir.resolve(".git"));
        Semaphore settled = new Semaphore(0);

        try (DirectoryWatcher watcher = new DirectoryWatcher(dir, Duration.ofMillis(50), settled::release)) {
            Path built = Files.createDirectories(dir.resolve("target/classes/policy"));
            Files.writeString(built.resolve("overborrowing.drl"), "a build's copy");
            Files.writeString(dir.resolve(".git/index"), "a commit");
            assertThat(settled.tryAcquire(1, TimeUnit.SECONDS)).as("a callback for build output").isFalse();

            Files.writeString(dir.resolve("policy/overborrowing.drl"), "an analyst's edit");
            assertThat(settled.tryAcquire(10, TimeUnit.SECONDS)).as("a callback for an edit").isTrue();
        }
    }
}
