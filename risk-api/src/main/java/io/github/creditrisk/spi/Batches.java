package io.github.creditrisk.spi;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule for repeated ids, for engines and tools that decide batches: a borrower id is decided the first
 * time it appears, and every later appearance becomes a {@link #repeated} failure in its place.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Decides {@code borrowers} in input order, each id once: {@code decideDistinct} is given the borrowers whose
     * ids appear for the first time, in order, and must return one evaluation for each, in the same order.
     */
    public static List<Evaluation> decideEachOnce(List<BorrowerProfile> borrowers,
                                                  Function<List<BorrowerProfile>, List<Evaluation>> decideDistinct) {
        Evaluation[] results = new Evaluation[borrowers.size()];
        List<Integer> places = new ArrayList<>(borrowers.size());
        List<BorrowerProfile> distinct = new ArrayList<>(borrowers.size());
        Set<String> seen = new HashSet<>(borrowers.size() * 2);
        for (int i = 0; i < borrowers.size(); i++) {
            BorrowerProfile b = borrowers.get(i);
            if (seen.add(b.id())) {
                places.add(i);
                distinct.add(b);
            } else {
                results[i] = repeated(b.id());
            }
        }
        List<Evaluation> decided = decideDistinct.apply(distinct);
        if (decided.size() != distinct.size()) {
            throw new IllegalStateException(decided.size() + " evaluations for " + distinct.size() + " borrowers");
        }
        for (int k = 0; k < decided.size(); k++) {
            results[places.get(k)] = decided.get(k);
        }
        return Arrays.asList(results);
    }

    /** The failure in the place of a borrower whose id appeared earlier in the batch or stream. */
    public static Evaluation.Failed repeated(String id) {
        return new Evaluation.Failed(id, "id: '" + id + "' appears more than once in this batch; each borrower"
                + " may appear only once (the first one was evaluated)");
    }
}
