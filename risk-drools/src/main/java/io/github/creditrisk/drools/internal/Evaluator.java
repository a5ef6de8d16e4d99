package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Evaluation[] results = new Evaluation[borrowers.size()];
        List<Integer> places = new ArrayList<>(borrowers.size());
        List<BorrowerProfile> toDecide = new ArrayList<>(borrowers.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < borrowers.size(); i++) {
            BorrowerProfile b = borrowers.get(i);
            if (seen.add(b.id())) {
                places.add(i);
                toDecide.add(b);
            } else {
                results[i] = RiskEngine.duplicate(b.id());
            }
        }
        List<SessionStrategy.Attempt> attempts = sessions.decideAll(toDecide, prepare(context));
        for (int k = 0; k < toDecide.size(); k++) {
            BorrowerProfile b = toDecide.get(k);
            SessionStrategy.Attempt attempt = attempts.get(k);
            try {
                if (attempt.failure() != null) {
                    throw attempt.failure();
                }
                results[places.get(k)] = new Evaluation.Decided(write(b, attempt.findings(), context));
            } catch (EvaluationException e) {
                LOG.warn("could not decide borrower {}: {}", LogSafe.id(b.id()), LogSafe.text(e.getMessage()));
                results[places.get(k)] = new Evaluation.Failed(b.id(), e.getMessage());
            }
        }
        return Arrays.asList(results);
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
