package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.Loan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.OverdueLoan;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A session of the knowledge base, used by one thread at a time and kept for the next evaluation. It holds the
 * context's outages; each evaluation inserts borrowers' facts and {@linkplain #fire fires}. The session tells it
 * which rule inserted each finding; afterwards {@link #findings} reads back those still in the session. The firing
 * is watched by an {@link AgendaFilter}, asked before each match fires: a count and a deadline stop a runaway
 * rule set ({@code halt}).
 */
final class PooledSession extends DefaultRuleRuntimeEventListener implements AgendaFilter {

    private final KieSession session;
    private final CompiledRuleSet rules;
    private final List<FactHandle> outageHandles = new ArrayList<>();
    private PreparedSignals signals;
    /** The findings rules inserted during the last firing, with the rule that inserted each. */
    private final List<Found> inserted = new ArrayList<>();
    private EvaluationListener listener = EvaluationListener.NONE;
    private String borrowerId;
    private boolean disposed;
    /** How many decided borrowers' facts the session still holds. */
    private int keptBorrowers;

    private long limit;
    private long deadline;
    private long fired;
    private String stopped;
    private final Map<String, Long> counts = new HashMap<>();

    PooledSession(CompiledRuleSet rules) {
        this.rules = rules;
        this.session = rules.kieBase().newKieSession();
        session.addEventListener(this);
    }

    /** Makes the session hold exactly the outages of {@code prepared}. */
    void holdSignals(PreparedSignals prepared) {
        if (signals == prepared) {
            return;
        }
        outageHandles.forEach(session::delete);
        outageHandles.clear();
        for (ServiceOutage outage : prepared.outages()) {
            outageHandles.add(session.insert(outage));
        }
        signals = prepared;
    }

    PreparedSignals signals() {
        return signals;
    }

    /** Inserts a borrower's facts: the borrower and each of its overdue loans. */
    List<FactHandle> insert(Borrower borrower) {
        List<FactHandle> handles = new ArrayList<>(2);
        handles.add(session.insert(borrower));
        for (Loan loan : borrower.getProfile().loans()) {
            if (loan.isActive() && loan.daysPastDue() > 0) {
                handles.add(session.insert(new OverdueLoan(borrower, loan)));
            }
        }
        return handles;
    }

    /**
     * Fires the rules on the facts inserted since the last firing, at most {@code fireLimit} times and until
     * {@code deadlineNanos}; {@code borrowerId} names the borrower to the listener.
     */
    void fire(long fireLimit, long deadlineNanos, EvaluationListener observer, String borrowerId) {
        inserted.clear();
        limit = fireLimit;
        deadline = deadlineNanos;
        fired = 0;
        stopped = null;
        counts.clear();
        listener = observer;
        this.borrowerId = borrowerId;
        try {
            session.fireAllRules(this);
        } finally {
            listener = EvaluationListener.NONE;
        }
    }

    /**
     * The findings the last firing inserted that are still in the session, in the order they were inserted.
     *
     * @throws IllegalStateException when a rule without a family inserted one
     */
    List<Found> findings() {
        List<Found> alive = new ArrayList<>(inserted.size());
        for (Found f : inserted) {
            if (session.getFactHandle(f.finding()) != null) {
                if (f.family() == null) {
                    throw new IllegalStateException("rule " + f.rule() + " inserts a "
                            + f.finding().getClass().getSimpleName() + " but has no @family(\"FAMILY\") metadata");
                }
                alive.add(f);
            }
        }
        return alive;
    }

    /** Why the last firing was stopped, or {@code null} when it ran to its end. */
    String stopped() {
        return stopped;
    }

    /** The error of a firing that was {@linkplain #stopped stopped}, naming the rules that fired most. */
    EvaluationException runaway(BorrowerProfile profile) {
        String mostFired = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + " times)")
                .collect(Collectors.joining(", "));
        return new EvaluationException(profile.id(), stopped + " for borrower " + profile.id() + " (" + fired
                + " firings) without finishing, so the evaluation was stopped; a rule probably re-triggers itself"
                + " or matches too many combinations. Most fired: " + mostFired);
    }

    /**
     * Deletes {@code handles} (a borrower's facts) and whatever rules inserted that survives them, and reports
     * whether the session is back to holding only the outages.
     */
    boolean delete(List<FactHandle> handles) {
        handles.forEach(session::delete);
        if (session.getFactCount() != outageHandles.size()) {
            for (FactHandle h : new ArrayList<FactHandle>(session.getFactHandles())) {
                if (!outageHandles.contains(h) && session.getObject(h) != null) {
                    session.delete(h);
                }
            }
        }
        return session.getFactCount() == outageHandles.size();
    }

    /** Counts one more decided borrower whose facts stay in the session; returns how many there are. */
    int keepBorrower() {
        return ++keptBorrowers;
    }

    int keptBorrowers() {
        return keptBorrowers;
    }

    void dispose() {
        if (!disposed) {
            disposed = true;
            session.dispose();
        }
    }

    boolean disposed() {
        return disposed;
    }

    /** Before each match fires: counts it, tells the listener, and stops past the limit or the deadline. */
    @Override
    public boolean accept(Match match) {
        String rule = match.getRule().getName();
        fired++;
        if (fired > limit) {
            stopped = "the rules fired more than " + limit + " times";
            session.halt();
            return false;
        }
        if (System.nanoTime() - deadline > 0) {
            stopped = "the rules ran past their time budget";
            session.halt();
            return false;
        }
        counts.merge(rule, 1L, Long::sum);
        if (listener != EvaluationListener.NONE) {
            listener.ruleFired(borrowerId, rule);
        }
        return true;
    }

    /** A fact was inserted: a finding, by a rule's consequence, is kept with that rule's id and family. */
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding && event.getRule() != null) {
            RuleSetCompiler.RuleMeta rule = rules.rule(event.getRule().getName());
            inserted.add(new Found(finding, rule.id(), rule.family()));
        }
    }
}
