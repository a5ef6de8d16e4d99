package io.github.creditrisk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run of the command reads and writes: standard input, output and error, and whether standard
 * error is a terminal (progress is shown only there). Tests pass their own.
 *
 * @param in               standard input
 * @param out              standard output (results)
 * @param err              standard error (messages and progress)
 * @param errIsTerminal    whether {@code err} is a terminal a person is watching
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {

    /** The process's own streams, in UTF-8. */
    public static Io system() {
        return new Io(System.in, new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8),
                stderrIsTerminal());
    }

    /** On Linux, standard error is a terminal when /proc/self/fd/2 points at a tty or pts device. */
    private static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
