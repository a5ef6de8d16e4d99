package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.testkit.RuleDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the bundled rules and their scenarios, which a test edits as an analyst would. */
final class RuleDirectory {

    static final Path SOURCE = Path.of("..", "rules", "policy").toAbsolutePath().normalize();

    private RuleDirectory() {
    }

    static Path copyInto(Path dir) {
        return RuleDirectories.copy(SOURCE, dir);
    }

    /** An edit that changes the rule set's version and nothing it decides. */
    static void harmlessEdit(Path dir, int n) {
        try {
            Path parameters = dir.resolve("parameters.drl");
            String text = Files.readString(parameters).replaceAll("(?m)^// edit [0-9]+\\n", "");
            Files.writeString(parameters, text + "// edit " + n + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edit that does not compile: broken.drl, line 4. */
    static void brokenEdit(Path dir) {
        try {
            Files.writeString(dir.resolve("broken.drl"),
                    "package policy;\nrule \"BRK-1 Broken\"\nwhen\n    Nonsense( x > )\nthen\nend\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
