package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

/**
 * The result for one borrower of a batch: a decision, or an error that cost only that borrower.
 */
public sealed interface Evaluation permits Evaluation.Decided, Evaluation.Failed {

    /** The borrower's id; {@code null} only for a failure whose input had no usable id. */
    @Nullable String borrowerId();

    /** The borrower was decided. */
    record Decided(Decision decision) implements Evaluation {
        public Decided {
            Checks.required(decision, "decision");
        }

        @Override
        public String borrowerId() {
            return decision.borrowerId();
        }
    }

    /**
     * The borrower could not be decided: its input was rejected, or the rules failed for it.
     *
     * @param borrowerId the id, or {@code null} when the input had none
     * @param error      a message naming the field and value, or the rule failure
     */
    record Failed(@Nullable String borrowerId, String error) implements Evaluation {
        public Failed {
            Checks.nonBlank(error, "error");
        }
    }
}
