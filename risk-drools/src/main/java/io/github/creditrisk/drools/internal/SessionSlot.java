package io.github.creditrisk.drools.internal;

import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.drools.facts.Finding;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A long-lived session of the knowledge base, reused evaluation after evaluation by one thread at a time.
 * It holds the context's outages for good; each evaluation inserts the borrowers' facts, fires, reads the
 * findings, and deletes every fact it added, so that the session is back where it started (truth
 * maintenance retracts what rules derived logically). A session that does not come back clean, or whose
 * evaluation failed, is discarded, so no borrower can ever see another's facts.
 *
 * <p>Also watches the firing: a per-evaluation count and deadline stop a runaway rule set at the next
 * firing ({@code halt}), and findings are stamped with their rule's id and family as they are inserted.
 */
final class SessionSlot implements RuleRuntimeEventListener {

    private final KieSession session;
    private final CompiledRuleSet rules;
    private final List<FactHandle> outageHandles = new ArrayList<>();
    private PreparedSignals signals;

    /** Findings alive now, in insertion order; facts inserted by rules since the evaluation started. */
    private final Map<Finding, FactHandle> findings = new IdentityHashMap<>();
    private final List<Finding> findingOrder = new ArrayList<>();
    private final List<FactHandle> ruleInserted = new ArrayList<>();
    private final Watchdog watchdog = new Watchdog();
    private io.github.creditrisk.EvaluationListener listener = io.github.creditrisk.EvaluationListener.NONE;
    private String currentBorrower;
    private boolean disposed;
    private int residents;

    SessionSlot(CompiledRuleSet rules) {
        this.rules = rules;
        this.session = rules.kieBase().newKieSession();
        session.addEventListener(this);
        session.addEventListener(watchdog);
    }

    /** Makes the session hold exactly the outages of {@code prepared}. */
    void use(PreparedSignals prepared) {
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

    KieSession session() {
        return session;
    }

    /** Starts an evaluation: no findings yet, the watchdog armed. */
    void begin(long fireLimit, long deadlineNanos, io.github.creditrisk.EvaluationListener observer, String borrowerId) {
        findings.clear();
        findingOrder.clear();
        ruleInserted.clear();
        watchdog.arm(fireLimit, deadlineNanos);
        this.listener = observer;
        this.currentBorrower = borrowerId;
    }

    /** The findings alive now, in the order they were inserted. */
    List<Finding> findings() {
        List<Finding> alive = new ArrayList<>(findings.size());
        for (Finding f : findingOrder) {
            if (findings.containsKey(f)) {
                alive.add(f);
            }
        }
        return alive;
    }

    /** Why the watchdog stopped the firing, or {@code null} when it did not. */
    String stopped() {
        return watchdog.reason;
    }

    /** The rules that fired most once the firing ran long, with their counts: they name a runaway's culprits. */
    String mostFired() {
        return watchdog.counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + " times)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many rules fired since {@link #begin}. */
    long fired() {
        return watchdog.fired;
    }

    /**
     * Deletes {@code handles} (the borrowers' facts) and whatever rules inserted that survives them, and
     * reports whether the session is back to holding only the outages.
     */
    boolean clean(List<FactHandle> handles) {
        for (FactHandle h : handles) {
            session.delete(h);
        }
        for (FactHandle h : ruleInserted) {
            if (session.getObject(h) != null) {
                session.delete(h);
            }
        }
        ruleInserted.clear();
        findings.clear();
        findingOrder.clear();
        listener = io.github.creditrisk.EvaluationListener.NONE;
        return session.getFactCount() == outageHandles.size();
    }

    /**
     * Ends an evaluation without deleting its facts: for rules that keep borrowers apart, where a borrower's
     * facts never meet another's. The session then holds one more {@linkplain #residents() resident}.
     */
    void leave() {
        ruleInserted.clear();
        findings.clear();
        findingOrder.clear();
        listener = io.github.creditrisk.EvaluationListener.NONE;
        residents++;
    }

    /** How many decided borrowers' facts the session still holds ({@link #leave}). */
    int residents() {
        return residents;
    }

    void dispose() {
        if (!disposed) {
            disposed = true;
            session.dispose();
        }
    }

    /** Whether the session was disposed (after a failed evaluation, or one that left facts behind). */
    boolean disposed() {
        return disposed;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() == null) {
            return;
        }
        ruleInserted.add(event.getFactHandle());
        if (event.getObject() instanceof Finding finding) {
            RuleSetCompiler.RuleMeta meta = rules.rule(event.getRule().getName());
            if (meta == null || meta.family() == null) {
                throw new IllegalStateException("rule \"" + event.getRule().getName() + "\" inserts a "
                        + finding.getClass().getSimpleName() + " but has no @family(\"FAMILY\") metadata");
            }
            finding.stamp(meta.id(), meta.family());
            findings.put(finding, event.getFactHandle());
            findingOrder.add(finding);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // a modified fact stays where it is; nothing to track
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding) {
            findings.remove(finding);
        }
    }

    /** Counts firings, tells the evaluation listener, and halts the session past the limit or the deadline. */
    private final class Watchdog extends DefaultAgendaEventListener {
        private long limit;
        private long countFrom;
        private long deadline;
        private long fired;
        private String reason;
        private final Map<String, Long> counts = new java.util.HashMap<>();

        void arm(long fireLimit, long deadlineNanos) {
            this.limit = fireLimit;
            this.countFrom = Math.min(1000, fireLimit / 2);
            this.deadline = deadlineNanos;
            this.fired = 0;
            this.reason = null;
            counts.clear();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired++;
            if (fired > countFrom) {
                // only a long run is counted by rule: naming a runaway's culprits costs nothing before
                counts.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
            }
            if (listener != io.github.creditrisk.EvaluationListener.NONE) {
                listener.ruleFired(currentBorrower, event.getMatch().getRule().getName());
            }
            if (fired > limit) {
                reason = "the rules fired more than " + limit + " times";
                session.halt();
            } else if ((fired & 7) == 0 && System.nanoTime() - deadline > 0) {
                reason = "the rules ran past their time budget";
                session.halt();
            }
        }
    }
}
