package io.github.creditrisk.cli;

import picocli.CommandLine.Option;

/** {@code --threads} and {@code --progress}: how a command that streams a portfolio runs. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: only when it is a terminal).")
    Boolean progress;

    /** What is wrong with these options, or {@code null} when nothing is. */
    String problem() {
        return threads != null && threads < 1 ? "--threads " + threads + " is below 1; expected a number ≥ 1" : null;
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    boolean progress(Io io) {
        return progress != null ? progress : io.errIsTerminal();
    }
}
