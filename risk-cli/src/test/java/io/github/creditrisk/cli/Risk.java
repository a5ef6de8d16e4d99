package io.github.creditrisk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the {@code risk} command through its real entry point, with standard input and captured output. */
final class Risk {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        /** A user never sees a stack trace. */
        Run withoutStackTrace() {
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(out).doesNotContain("\tat ");
            return this;
        }
    }

    private Risk() {
    }

    static Run run(String... args) {
        return runWithInput("", args);
    }

    static Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int exit = Main.run(io, args);
        io.out().flush();
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
                .withoutStackTrace();
    }
}
