package io.github.creditrisk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of rule directories, for tests that edit rules as an analyst would. */
public final class RuleDirectories {

    private RuleDirectories() {
    }

    /**
     * Copies the directory {@code from} (rules, catalogues, scenarios and all) to {@code to}, which is made if
     * missing; returns {@code to}.
     *
     * @throws UncheckedIOException when a file cannot be read or written, or {@code to} already holds one
     */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
