package io.github.creditrisk.simulate;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.spi.Batches;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** One line of the portfolio: a borrower decided under both sides, or the reason it could not be. */
public sealed interface Comparison permits Comparison.Compared, Comparison.Rejected {

    /** The rejection of a line whose id appeared on an earlier line of the portfolio. */
    static Rejected repeated(long line, String id) {
        return new Rejected(line, id, "line " + line + ": " + Batches.repeated(id).error());
    }

    /** The line of the portfolio, counting from 1. */
    long line();

    /** The borrower's id; {@code null} only for a rejected line without a usable id. */
    @Nullable String borrowerId();

    /**
     * A borrower decided under both sides.
     *
     * @param changes how the candidate's restrictions differ from the baseline's; empty when the borrower is
     *                unaffected by the change (then the outcome and the recommended limit are equal too, as
     *                both follow from the restrictions)
     */
    record Compared(long line, BorrowerProfile borrower, Decision baseline, Decision candidate,
                    List<RestrictionChange> changes) implements Comparison {

        public Compared {
            Objects.requireNonNull(borrower, "borrower");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
            changes = List.copyOf(changes);
        }

        public static Compared of(long line, BorrowerProfile borrower, Decision baseline, Decision candidate) {
            return new Compared(line, borrower, baseline, candidate, RestrictionChange.between(baseline, candidate));
        }

        @Override
        public String borrowerId() {
            return borrower.id();
        }

        /** Whether the candidate decides this borrower differently from the baseline. */
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    /**
     * A line that was not compared: bad JSON or fields, a repeated id, or rules that failed for it.
     *
     * @param borrowerId the id when the line had a usable one, otherwise {@code null}
     * @param error      what was wrong, starting with {@code line N: }
     */
    record Rejected(long line, @Nullable String borrowerId, String error) implements Comparison, Serializable {

        private static final long serialVersionUID = 1L;

        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
