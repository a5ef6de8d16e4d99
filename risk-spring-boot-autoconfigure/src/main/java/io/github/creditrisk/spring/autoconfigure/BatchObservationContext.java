package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.Evaluation;
import io.micrometer.observation.Observation;

import java.util.List;

/** The context of one {@value ObservedRiskEngine#BATCH} observation: how many borrowers, and what each got. */
public final class BatchObservationContext extends Observation.Context {

    private final int size;
    private List<Evaluation> evaluations = List.of();

    BatchObservationContext(int size) {
        this.size = size;
    }

    /** How many borrowers the batch holds. */
    public int getSize() {
        return size;
    }

    /** Each borrower's evaluation, in input order; empty while the batch runs, and when it failed as a whole. */
    public List<Evaluation> getEvaluations() {
        return evaluations;
    }

    void setEvaluations(List<Evaluation> evaluations) {
        this.evaluations = evaluations;
    }
}
