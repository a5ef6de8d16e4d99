package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.OverdueLoan;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Evaluates borrowers against one compiled rule set: builds the facts, runs the rules under the fire limit,
 * and writes the decision. Thread-safe: every evaluation has its own session.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final CompiledRuleSet rules;
    private final int fireLimit;
    private final DecisionWriter writer;
    private final Stamper stamper;
    private volatile PreparedSignals lastSignals;

    public Evaluator(CompiledRuleSet rules, int fireLimit) {
        this.rules = rules;
        this.fireLimit = fireLimit;
        this.writer = new DecisionWriter(rules);
        this.stamper = new Stamper(rules);
    }

    public CompiledRuleSet rules() {
        return rules;
    }

    /**
     * @throws EvaluationException when the rules fail for this borrower
     */
    public Decision evaluate(BorrowerProfile profile, EvaluationContext context, EvaluationListener listener) {
        PreparedSignals signals = prepare(context);
        EvaluationException failure;
        try {
            List<Finding> findings = run(profile, signals, null, listener);
            Decision decision = writer.write(profile, findings, context.language());
            LOG.debug("decided borrower {}: {}", profile.id(), decision.outcome());
            listener.decided(decision);
            return decision;
        } catch (EvaluationException e) {
            failure = e;
        } catch (MessageCatalog.MissingValueException | RiskException e) {
            failure = new EvaluationException(profile.id(), "the rules' result for borrower " + profile.id()
                    + " cannot be written: " + e.getMessage(), e);
        }
        LOG.warn("could not decide borrower {}: {}", profile.id(), failure.getMessage());
        listener.failed(profile.id(), failure.getMessage());
        throw failure;
    }

    /** The signals of {@code context}, indexed; the last context's index is reused while it stays equal. */
    public PreparedSignals prepare(EvaluationContext context) {
        PreparedSignals last = lastSignals;
        if (last != null && (last.context() == context || last.context().equals(context))) {
            return last;
        }
        PreparedSignals fresh = new PreparedSignals(context);
        lastSignals = fresh;
        return fresh;
    }

    private List<Finding> run(BorrowerProfile profile, PreparedSignals signals, Map<String, Integer> firings,
                              EvaluationListener listener) {
        Borrower borrower = new Borrower(profile, signals.context().asOf(),
                signals.downturnsFor(profile.region()), signals.bansFor(profile.sector()));
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(stamper);
            if (firings != null) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                    }
                });
            } else if (listener != EvaluationListener.NONE) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        listener.ruleFired(profile.id(), event.getMatch().getRule().getName());
                    }
                });
            }
            for (ServiceOutage outage : signals.outages()) {
                session.insert(outage);
            }
            session.insert(borrower);
            for (Loan loan : profile.loans()) {
                if (loan.isActive() && loan.daysPastDue() > 0) {
                    session.insert(new OverdueLoan(borrower, loan));
                }
            }
            int fired = session.fireAllRules(fireLimit + 1);
            if (fired > fireLimit) {
                if (firings == null) {
                    throw runaway(profile, signals);
                }
                return List.of();
            }
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) o);
            }
            return findings;
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException(profile.id(), "the rules failed for borrower " + profile.id() + ": "
                    + rootMessage(e), e);
        } finally {
            session.dispose();
        }
    }

    /** Reruns the borrower while counting firings per rule, to name the rules that would not stop. */
    private EvaluationException runaway(BorrowerProfile profile, PreparedSignals signals) {
        Map<String, Integer> firings = new TreeMap<>();
        try {
            run(profile, signals, firings, EvaluationListener.NONE);
        } catch (RuntimeException ignored) {
            // the counts gathered so far still name the culprits
        }
        String top = firings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + " times)")
                .collect(Collectors.joining(", "));
        return new EvaluationException(profile.id(), "the rules fired more than " + fireLimit
                + " times for borrower " + profile.id() + " without finishing, so the evaluation was stopped;"
                + " a rule probably re-triggers itself. Most fired: " + top);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** Stamps each finding with the id and family of the rule that inserted it. */
    private static final class Stamper extends DefaultRuleRuntimeEventListener {
        private final CompiledRuleSet rules;

        Stamper(CompiledRuleSet rules) {
            this.rules = rules;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Finding finding) {
                if (event.getRule() == null) {
                    throw new IllegalStateException("a finding was inserted from outside the rules");
                }
                RuleSetCompiler.RuleMeta meta = rules.rule(event.getRule().getName());
                if (meta == null || meta.family() == null) {
                    throw new IllegalStateException("rule \"" + event.getRule().getName() + "\" inserts a "
                            + finding.getClass().getSimpleName() + " but has no @family(\"FAMILY\") metadata");
                }
                finding.stamp(meta.id(), meta.family());
            }
        }
    }
}
