package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Signal;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A case file, the input of {@code risk eval}: {@code {"asOf": …, "signals": […], "borrowers": […]}}.
 *
 * <p>The borrowers are read one by one: a bad borrower becomes a {@link BorrowerInput.Rejected} entry in
 * its place and never fails the file. Problems of the file itself (not JSON, not an object, an unknown
 * top-level field, a malformed {@code asOf}, any bad signal) fail the whole file instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf      the evaluation date the file gives; {@code null} when absent (the caller supplies one,
 *                  such as {@code --as-of})
 * @param signals   the signals, in file order; empty when absent
 * @param borrowers the borrower entries, valid or rejected, in file order; empty when absent
 */
public record CaseFile(@Nullable LocalDate asOf, List<Signal> signals, List<BorrowerInput> borrowers) {

    /**
     * @throws NullPointerException when a list or one of its elements is {@code null}
     */
    public CaseFile {
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        borrowers = List.copyOf(Objects.requireNonNull(borrowers, "borrowers"));
    }

    /** The valid profiles, in file order, leaving out the rejected entries. */
    public List<BorrowerProfile> validBorrowers() {
        return borrowers.stream()
                .filter(BorrowerInput.Valid.class::isInstance)
                .map(b -> ((BorrowerInput.Valid) b).profile())
                .toList();
    }
}
