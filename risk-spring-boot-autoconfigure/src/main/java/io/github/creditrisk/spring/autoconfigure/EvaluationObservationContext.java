package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.Decision;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one {@value ObservedRiskEngine#EVALUATION} observation: whom it decided and how it ended. For
 * observation handlers and filters that want more than its key values.
 */
public final class EvaluationObservationContext extends Observation.Context {

    private final String borrowerId;
    private @Nullable Decision decision;

    EvaluationObservationContext(String borrowerId) {
        this.borrowerId = borrowerId;
    }

    /** The id of the borrower decided. */
    public String getBorrowerId() {
        return borrowerId;
    }

    /** The decision; {@code null} while the evaluation runs, and when it failed ({@link #getError()}). */
    public @Nullable Decision getDecision() {
        return decision;
    }

    void setDecision(Decision decision) {
        this.decision = decision;
    }
}
