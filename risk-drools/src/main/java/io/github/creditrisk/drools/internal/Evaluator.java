package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.drools.facts.Restrict;
import io.github.creditrisk.spi.Batches;
import io.github.creditrisk.spi.RecourseSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
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
        EvaluationContext plain = context.withRecourse(false);
        Decision decision;
        try {
            decision = write(profile, sessions.decide(profile, prepare(plain), listener), plain);
            if (context.recourse()) {
                decision = RecourseSearch.withLift(decision, profile, plain, this::restrictionsOf);
            }
        } catch (EvaluationException e) {
            LOG.warn("could not decide borrower {}: {}", LogSafe.id(profile.id()), LogSafe.text(e.getMessage()));
            listener.failed(profile.id(), e.getMessage());
            throw e;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("decided borrower {}: {}", LogSafe.id(profile.id()), decision.outcome());
        }
        listener.decided(decision); // outside the try: a listener's own exception is not the borrower's failure
        return decision;
    }

    /** Decides a batch in input order; a repeated id or a borrower the rules fail for costs only its place. */
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        EvaluationContext plain = context.withRecourse(false);
        return Batches.decideEachOnce(borrowers, distinct -> {
            List<SessionStrategy.Attempt> attempts = sessions.decideAll(distinct, prepare(plain));
            List<Evaluation> results = new ArrayList<>(distinct.size());
            for (int k = 0; k < distinct.size(); k++) {
                BorrowerProfile b = distinct.get(k);
                try {
                    if (attempts.get(k).failure() != null) {
                        throw attempts.get(k).failure();
                    }
                    Decision decision = write(b, attempts.get(k).findings(), plain);
                    results.add(new Evaluation.Decided(context.recourse()
                            ? RecourseSearch.withLift(decision, b, plain, this::restrictionsOf) : decision));
                } catch (EvaluationException e) {
                    LOG.warn("could not decide borrower {}: {}", LogSafe.id(b.id()), LogSafe.text(e.getMessage()));
                    results.add(new Evaluation.Failed(b.id(), e.getMessage()));
                }
            }
            return results;
        });
    }

    /**
     * The recourse search's probe: for each borrower, the (family, type) of the restrictions the rules find, without
     * writing a decision; {@code null} where the rules fail.
     */
    private List<Set<RecourseSearch.Key>> restrictionsOf(List<BorrowerProfile> borrowers, EvaluationContext context) {
        List<SessionStrategy.Attempt> attempts = sessions.decideAll(borrowers, prepare(context));
        List<Set<RecourseSearch.Key>> keys = new ArrayList<>(attempts.size());
        for (SessionStrategy.Attempt attempt : attempts) {
            if (attempt.failure() != null) {
                keys.add(null);
                continue;
            }
            Set<RecourseSearch.Key> found = new HashSet<>();
            for (Found f : attempt.findings()) {
                if (f.finding() instanceof Restrict r) {
                    found.add(new RecourseSearch.Key(f.family(), r.getType()));
                }
            }
            keys.add(found);
        }
        return keys;
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
