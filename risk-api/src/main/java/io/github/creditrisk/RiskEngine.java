package io.github.creditrisk;

import io.github.creditrisk.spi.Batches;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates borrowers against a rule set. Obtain one from {@link RiskEngines}; close it when the
 * application stops.
 *
 * <p><strong>Thread safety:</strong> implementations are safe to share between threads; one engine per
 * application is the intended use. <strong>Determinism:</strong> the same borrower and context always
 * give the same decision.
 */
public interface RiskEngine extends AutoCloseable {

    /**
     * Decides one borrower.
     *
     * @throws EvaluationException when the rules fail for this borrower (for example a rule that fires
     *                             without end); the engine stays usable
     */
    default Decision evaluate(BorrowerProfile borrower, EvaluationContext context) {
        return evaluate(borrower, context, EvaluationListener.NONE);
    }

    /**
     * Decides one borrower, telling {@code listener} which rules fired and how it ended.
     *
     * @throws EvaluationException when the rules fail for this borrower; the engine stays usable
     */
    Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener);

    /**
     * Decides a batch of borrowers against one context, in input order. A borrower whose id repeats an
     * earlier one in the batch, or for whom the rules fail, becomes an {@link Evaluation.Failed} in its
     * place; it never costs the rest of the batch.
     */
    default List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        return Batches.decideEachOnce(borrowers, distinct -> {
            List<Evaluation> results = new ArrayList<>(distinct.size());
            for (BorrowerProfile borrower : distinct) {
                try {
                    results.add(new Evaluation.Decided(evaluate(borrower, context)));
                } catch (EvaluationException e) {
                    results.add(new Evaluation.Failed(borrower.id(), e.getMessage()));
                }
            }
            return results;
        });
    }

    /** What the engine's rule set is made of, including the version its decisions carry. */
    RuleSetInfo ruleSet();

    /** Releases the engine's resources; evaluating afterwards is an error. The default does nothing. */
    @Override
    default void close() {
    }

}
