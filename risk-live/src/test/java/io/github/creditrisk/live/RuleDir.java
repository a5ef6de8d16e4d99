package io.github.creditrisk.live;

import io.github.creditrisk.drools.DroolsRiskEngine;

import io.github.creditrisk.testkit.RuleDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled rules and their scenarios that a test edits like an analyst would. */
final class RuleDir {

    static final Path SOURCE = Path.of("..", "rules", "policy").toAbsolutePath().normalize();

    final Path dir;

    RuleDir(Path dir) {
        this.dir = dir;
        RuleDirectories.copy(SOURCE, dir);
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the whole directory: a probe's copy, once it is done. */
    void deleteAll() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                java.nio.file.Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the directory's rules have now. */
    String version() {
        return DroolsRiskEngine.versionOf(dir);
    }

    /** An edit that changes the version but not what the rules decide: a comment. */
    void harmlessEdit(int n) {
        String text = read("parameters.drl").replaceAll("(?m)^// edit [0-9]+\\n", "");
        write("parameters.drl", text + "// edit " + n + "\n");
    }

    /** An edit that does not compile. */
    void brokenEdit() {
        write("broken.drl", "package policy;\nrule \"BRK-1 Broken\"\nwhen\n    Nonsense( x > )\nthen\nend\n");
    }

    void undoBrokenEdit() {
        delete("broken.drl");
    }

    /** An edit that compiles but breaks the policy: six lenders no longer block. */
    void scenarioFailingEdit() {
        write("parameters.drl", read("parameters.drl")
                .replace("function int lendersForBlock() { return 6; }", "function int lendersForBlock() { return 7; }"));
    }

    void undoScenarioFailingEdit() {
        write("parameters.drl", read("parameters.drl")
                .replace("function int lendersForBlock() { return 7; }", "function int lendersForBlock() { return 6; }"));
    }
}
