package io.github.creditrisk.drools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bundled rules' source directory, and copies of it that tests can edit. */
final class RuleDirs {

    /** {@code rules/policy} of this repository (tests run in {@code risk-drools/}). */
    static final Path SOURCE = Path.of("..", "rules", "policy").toAbsolutePath().normalize();

    private RuleDirs() {
    }

    /** Deletes {@code dir} and everything in it (a temporary copy, once its rules are compiled). */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the bundled rules' files (not subdirectories) into {@code target}. */
    static void copyBundledRulesTo(Path target) {
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
