package io.github.creditrisk.cli;

import picocli.CommandLine.Option;

/** {@code --threads} and {@code --progress}: how a command that streams a portfolio runs. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: for eval, the number of"
            + " cores less one, at least 1; for eval --recourse and for simulate, the number of cores).")
    Integer threads;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: only when it is a terminal).")
    Boolean progress;

    /** What is wrong with these options, or {@code null} when nothing is. */
    String problem() {
        return threads != null && threads < 1 ? "--threads " + threads + " is below 1; expected a number ≥ 1" : null;
    }

    /** The worker threads asked for, or one per core. */
    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * The worker threads asked for, or one per core less one (at least one): for a command whose workers hand
     * every borrower's output line to a writing thread while a reading thread cuts the input into lines. The
     * reader, the writer and the JIT compiler need a core's share: on two cores, {@code risk eval} with one
     * worker decides 1,000,000 borrowers 5% sooner than with two, with 14% less CPU (medians of 4 alternated
     * pairs, 2026-12-07). With
     * {@code --recourse} the deciding outweighs the reading and writing, and {@link #threads()} applies: 200,000
     * borrowers took 27.3 s with two workers against 31.1 s with one.
     */
    int threadsBesideReaderAndWriter() {
        return threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1) : threads;
    }

    boolean progress(Io io) {
        return progress != null ? progress : io.errIsTerminal();
    }
}
