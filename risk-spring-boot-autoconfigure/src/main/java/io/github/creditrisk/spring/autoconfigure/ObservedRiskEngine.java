package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleSetInfo;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.Objects;

/**
 * An engine whose every evaluation, and every batch, is an {@link Observation}: a timer where the application
 * has Micrometer's metrics, a span where it has a tracing bridge. The starter's {@code RiskEngine} bean is one;
 * an application that defines its own engine can wrap it the same way.
 *
 * <p>Key values of {@value #EVALUATION}: {@code outcome} ({@code APPROVE}, {@code REVIEW}, {@code RESTRICT}, or
 * {@code FAILED} when the rules failed for the borrower) as a low-cardinality key, so it tags the timer;
 * {@code creditrisk.ruleset.version} as a high-cardinality key (spans only); {@code creditrisk.borrower.id} only
 * when asked for. Key values of {@value #BATCH}: {@code creditrisk.ruleset.version} and
 * {@code creditrisk.batch.size}, both high-cardinality. No other borrower data is ever attached.
 *
 * <p>With {@link ObservationRegistry#NOOP} it costs one check per call. Thread-safe as the engine it wraps is.
 */
public final class ObservedRiskEngine implements RiskEngine {

    /** The name of the observation of one evaluation (and of its timer). */
    public static final String EVALUATION = "creditrisk.evaluation";
    /** The name of the observation of one batch (and of its timer). */
    public static final String BATCH = "creditrisk.batch";
    /** The low-cardinality key of an evaluation's outcome. */
    public static final String OUTCOME = "outcome";
    /** The outcome of an evaluation for which the rules failed. */
    public static final String FAILED = "FAILED";
    /** The high-cardinality key of the version of the rules that decided. */
    public static final String VERSION = "creditrisk.ruleset.version";
    /** The high-cardinality key of the borrower's id, present only when asked for. */
    public static final String BORROWER_ID = "creditrisk.borrower.id";
    /** The high-cardinality key of a batch's size. */
    public static final String BATCH_SIZE = "creditrisk.batch.size";

    private final RiskEngine engine;
    private final ObservationRegistry registry;
    private final boolean includeBorrowerId;

    /**
     * @param includeBorrowerId whether evaluations' observations carry the borrower's id
     *                          ({@value #BORROWER_ID})
     */
    public ObservedRiskEngine(RiskEngine engine, ObservationRegistry registry, boolean includeBorrowerId) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.includeBorrowerId = includeBorrowerId;
    }

    /** The engine observed. */
    public RiskEngine engine() {
        return engine;
    }

    @Override
    public Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener) {
        Observation observation = Observation.createNotStarted(EVALUATION,
                () -> new EvaluationObservationContext(borrower.id()), registry);
        if (observation.isNoop()) {
            return engine.evaluate(borrower, context, listener);
        }
        observation.contextualName("creditrisk evaluate");
        if (includeBorrowerId) {
            observation.highCardinalityKeyValue(BORROWER_ID, borrower.id());
        }
        observation.start();
        try {
            Decision decision = engine.evaluate(borrower, context, listener);
            ((EvaluationObservationContext) observation.getContext()).setDecision(decision);
            observation.lowCardinalityKeyValue(OUTCOME, decision.outcome().name());
            observation.highCardinalityKeyValue(VERSION, decision.rulesetVersion());
            return decision;
        } catch (RuntimeException | Error e) {
            observation.lowCardinalityKeyValue(OUTCOME, FAILED);
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        Observation observation = Observation.createNotStarted(BATCH,
                () -> new BatchObservationContext(borrowers.size()), registry);
        if (observation.isNoop()) {
            return engine.evaluateAll(borrowers, context);
        }
        observation.contextualName("creditrisk evaluate batch");
        observation.highCardinalityKeyValue(BATCH_SIZE, Integer.toString(borrowers.size()));
        observation.start();
        try {
            List<Evaluation> evaluations = engine.evaluateAll(borrowers, context);
            ((BatchObservationContext) observation.getContext()).setEvaluations(evaluations);
            for (Evaluation e : evaluations) {
                if (e instanceof Evaluation.Decided d) {
                    observation.highCardinalityKeyValue(VERSION, d.decision().rulesetVersion());
                    break;
                }
            }
            return evaluations;
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public RuleSetInfo ruleSet() {
        return engine.ruleSet();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "ObservedRiskEngine[" + engine + "]";
    }
}
