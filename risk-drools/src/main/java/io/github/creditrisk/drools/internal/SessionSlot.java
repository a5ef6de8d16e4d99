package io.github.creditrisk.drools.internal;

import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.drools.facts.Finding;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A long-lived session of the knowledge base, reused evaluation after evaluation by one thread at a time.
 * It holds the context's outages for good; each evaluation inserts the borrowers' facts and {@link #fire}s.
 * Afterwards either every fact the evaluation added is deleted ({@link #clean}: truth maintenance retracts what
 * rules derived) so that the session is back where it started, or, for rules that keep borrowers apart, the
 * facts stay ({@link #leave}). A session that does not come back clean, or whose evaluation failed, is
 * discarded, so no borrower can ever see another's facts.
 *
 * <p>No event listener is attached: Drools then makes no event object per insert, delete or firing. The firing
 * is watched through an {@link AgendaFilter}, asked before each match fires: a per-evaluation count and
 * deadline stop a runaway rule set ({@code halt}), and it knows which rule is firing, so findings are stamped
 * with their rule's id and family as the rule's consequence makes them ({@link Finding.Recorder}).
 */
final class SessionSlot implements AgendaFilter, Finding.Recorder {

    private final KieSession session;
    private final CompiledRuleSet rules;
    private final List<FactHandle> outageHandles = new ArrayList<>();
    private PreparedSignals signals;

    /** Findings made by rules since the evaluation started, in the order they were made. */
    private final List<Finding> made = new ArrayList<>();
    private RuleSetCompiler.RuleMeta firing;
    private EvaluationListener listener = EvaluationListener.NONE;
    private String currentBorrower;
    private boolean disposed;
    private int residents;

    private long limit;
    private long countFrom;
    private long deadline;
    private long fired;
    private String reason;
    private final Map<String, Long> counts = new HashMap<>();

    SessionSlot(CompiledRuleSet rules) {
        this.rules = rules;
        this.session = rules.kieBase().newKieSession();
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

    /**
     * Whether the session can be {@linkplain #use used} with {@code prepared}: not when it holds earlier
     * borrowers' facts and the signals differ, since other outages would meet those facts.
     */
    boolean canServe(PreparedSignals prepared) {
        return residents == 0 || signals == prepared;
    }

    PreparedSignals signals() {
        return signals;
    }

    KieSession session() {
        return session;
    }

    /** Starts an evaluation: no findings yet, the count and the deadline armed. */
    void begin(long fireLimit, long deadlineNanos, EvaluationListener observer, String borrowerId) {
        made.clear();
        limit = fireLimit;
        countFrom = Math.min(1000, fireLimit / 2);
        deadline = deadlineNanos;
        fired = 0;
        reason = null;
        counts.clear();
        listener = observer;
        currentBorrower = borrowerId;
    }

    /** Fires the rules on the facts inserted since {@link #begin}, recording the findings they make. */
    void fire() {
        Finding.recordInto(this);
        try {
            session.fireAllRules(this);
        } finally {
            Finding.stopRecording();
            firing = null;
        }
    }

    /**
     * The findings made since {@link #begin} that are in the session now (not retracted, not left uninserted),
     * in the order they were made.
     *
     * @throws IllegalStateException when a rule without a family made one
     */
    List<Finding> findings() {
        List<Finding> alive = new ArrayList<>(made.size());
        for (Finding f : made) {
            if (session.getFactHandle(f) != null) {
                if (f.getFamily() == null) {
                    throw new IllegalStateException("rule " + f.getRule() + " inserts a "
                            + f.getClass().getSimpleName() + " but has no @family(\"FAMILY\") metadata");
                }
                alive.add(f);
            }
        }
        return alive;
    }

    /** Why the firing was stopped, or {@code null} when it was not. */
    String stopped() {
        return reason;
    }

    /** The rules that fired most once the firing ran long, with their counts: they name a runaway's culprits. */
    String mostFired() {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + " times)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many rules fired since {@link #begin}. */
    long fired() {
        return fired;
    }

    /**
     * Deletes {@code handles} (the borrowers' facts) and whatever rules inserted that survives them, and
     * reports whether the session is back to holding only the outages.
     */
    boolean clean(List<FactHandle> handles) {
        for (FactHandle h : handles) {
            session.delete(h);
        }
        if (session.getFactCount() != outageHandles.size()) {
            Set<FactHandle> outages = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            outages.addAll(outageHandles);
            for (FactHandle h : new ArrayList<FactHandle>(session.getFactHandles())) {
                if (!outages.contains(h) && session.getObject(h) != null) {
                    session.delete(h);
                }
            }
        }
        made.clear();
        listener = EvaluationListener.NONE;
        return session.getFactCount() == outageHandles.size();
    }

    /**
     * Ends an evaluation without deleting its facts: for rules that keep borrowers apart, where a borrower's
     * facts never meet another's. The session then holds one more {@linkplain #residents() resident}.
     */
    void leave() {
        made.clear();
        listener = EvaluationListener.NONE;
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

    /** Before each match fires: counts it, tells the listener, and stops past the limit or the deadline. */
    @Override
    public boolean accept(Match match) {
        String rule = match.getRule().getName();
        fired++;
        if (fired > limit) {
            reason = "the rules fired more than " + limit + " times";
            session.halt();
            return false;
        }
        if ((fired & 7) == 0 && System.nanoTime() - deadline > 0) {
            reason = "the rules ran past their time budget";
            session.halt();
            return false;
        }
        if (fired > countFrom) {
            // only a long run is counted by rule: naming a runaway's culprits costs nothing before
            counts.merge(rule, 1L, Long::sum);
        }
        if (listener != EvaluationListener.NONE) {
            listener.ruleFired(currentBorrower, rule);
        }
        firing = rules.rule(rule);
        return true;
    }

    /** A rule's consequence made a finding: it is stamped with the rule's id and family. */
    @Override
    public void made(Finding finding) {
        if (firing != null) {
            finding.stamp(firing.id(), firing.family());
            made.add(finding);
        }
    }
}
