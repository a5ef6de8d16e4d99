package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.spi.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates borrowers against one compiled rule set: the rules decide in sessions used the rule set's
 * {@link SessionStrategy} way, and a {@link DecisionWriter} writes the decision. Thread-safe.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final CompiledRuleSet rules;
    private final DecisionWriter writer;
    private final SessionStrategy sessions;
    private volatile PreparedSignals lastSignals;

    public Evaluator(CompiledRuleSet rules, int fireLimit, Duration timeBudget) {
        this.rules = rules;
        this.writer = new DecisionWriter(rules);
        this.sessions = SessionStrategy.of(rules, fireLimit, timeBudget);
    }

    public CompiledRuleSet rules() {
        return rules;
    }

    /**
     * @throws EvaluationException when the rules fail for this borrower
     */
    public Decision evaluate(BorrowerProfile profile, EvaluationContext context, EvaluationListener listener) {
        EvaluationException failure;
        try {
            Decision decision = write(profile, sessions.decide(profile, prepare(context), listener), context);
            if (LOG.isDebugEnabled()) {
                LOG.debug("decided borrower {}: {}", LogSafe.id(profile.id()), decision.outcome());
            }
            listener.decided(decision);
            return decision;
        } catch (EvaluationException e) {
            failure = e;
        }
        LOG.warn("could not decide borrower {}: {}", LogSafe.id(profile.id()), LogSafe.text(failure.getMessage()));
        listener.failed(profile.id(), failure.getMessage());
        throw failure;
    }

    /** Decides a batch in input order; a repeated id or a borrower the rules fail for costs only its place. */
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        return Batches.decideEachOnce(borrowers, distinct -> {
            List<SessionStrategy.Attempt> attempts = sessions.decideAll(distinct, prepare(context));
            List<Evaluation> results = new ArrayList<>(distinct.size());
            for (int k = 0; k < distinct.size(); k++) {
                BorrowerProfile b = distinct.get(k);
                try {
                    if (attempts.get(k).failure() != null) {
                        throw attempts.get(k).failure();
                    }
                    results.add(new Evaluation.Decided(write(b, attempts.get(k).findings(), context)));
                } catch (EvaluationException e) {
                    LOG.warn("could not decide borrower {}: {}", LogSafe.id(b.id()), LogSafe.text(e.getMessage()));
                    results.add(new Evaluation.Failed(b.id(), e.getMessage()));
                }
            }
            return results;
        });
    }

    /** @throws EvaluationException when the findings cannot be written (a sentence cites missing evidence) */
    private Decision write(BorrowerProfile profile, List<Found> findings, EvaluationContext context) {
        try {
            return writer.write(profile, findings, context.language());
        } catch (RiskException e) {
            throw e instanceof EvaluationException ee ? ee : new EvaluationException(profile.id(),
                    "the rules' result for borrower " + profile.id() + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** The signals of {@code context}, indexed; the last context's index is reused while it stays equal. */
    private PreparedSignals prepare(EvaluationContext context) {
        PreparedSignals last = lastSignals;
        if (last != null && (last.context() == context || last.context().equals(context))) {
            return last;
        }
        PreparedSignals fresh = new PreparedSignals(context);
        lastSignals = fresh;
        return fresh;
    }

    /** Releases every pooled session; evaluating afterwards is an error. */
    public void close() {
        sessions.close();
    }
}
