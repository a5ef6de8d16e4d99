package io.github.creditrisk.simulate;

import io.github.creditrisk.Outcome;

import java.util.Arrays;

/** How many borrowers went from each baseline outcome to each candidate outcome. Immutable. */
public final class TransitionMatrix {

    private static final int N = Outcome.values().length;

    private final long[] counts;

    TransitionMatrix(long[] counts) {
        if (counts.length != N * N) {
            throw new IllegalArgumentException("expected " + N * N + " counts");
        }
        this.counts = counts.clone();
    }

    /** Borrowers with outcome {@code from} under the baseline and {@code to} under the candidate. */
    public long count(Outcome from, Outcome to) {
        return counts[index(from, to)];
    }

    /** Borrowers with {@code outcome} under the baseline. */
    public long baseline(Outcome outcome) {
        long sum = 0;
        for (Outcome to : Outcome.values()) {
            sum += count(outcome, to);
        }
        return sum;
    }

    /** Borrowers with {@code outcome} under the candidate. */
    public long candidate(Outcome outcome) {
        long sum = 0;
        for (Outcome from : Outcome.values()) {
            sum += count(from, outcome);
        }
        return sum;
    }

    /** The largest cell. */
    long max() {
        return Arrays.stream(counts).max().orElse(0);
    }

    static int index(Outcome from, Outcome to) {
        return from.ordinal() * N + to.ordinal();
    }
}
