package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.drools.facts.Borrower;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Borrowers sharing sessions: for rules proven to keep borrowers apart ({@link BorrowerIsolation}), which never
 * match one borrower's facts with another's. An evaluation leaves its borrower's facts in the session, which is
 * discarded once it holds {@value #MAX_TOGETHER} borrowers: cheaper than deleting each borrower's facts and
 * retracting what they justified. A batch inserts up to {@value #MAX_TOGETHER} borrowers into one session and
 * fires them together, which shares the cost of a firing among them, under one evaluation's fire limit and time
 * budget; when that firing fails or is stopped, each of its borrowers is decided alone, so that a failing or
 * runaway borrower costs only itself.
 */
final class SharedSessions extends SessionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);
    /** The most borrowers a session holds, and fires together in a batch. */
    static final int MAX_TOGETHER = 256;
    /** The firings a group allows each of its borrowers, out of the one fire limit it runs under. */
    private static final int FIRINGS_PER_BORROWER = 32;

    /** How many borrowers of a batch fire together: far fewer than the fire limit allows in the normal course. */
    private final int together;

    SharedSessions(CompiledRuleSet rules, long fireLimit, Duration timeBudget) {
        super(rules, fireLimit, timeBudget);
        this.together = (int) Math.max(1, Math.min(MAX_TOGETHER, fireLimit / FIRINGS_PER_BORROWER));
    }

    /** The borrower's facts stay: the session is discarded once it holds {@value #MAX_TOGETHER} borrowers. */
    @Override
    void decided(PooledSession session, BorrowerProfile profile, List<FactHandle> handles) {
        if (session.keepBorrower() >= MAX_TOGETHER) {
            session.dispose();
        }
    }

    @Override
    List<Attempt> decideAll(List<BorrowerProfile> borrowers, PreparedSignals signals) {
        List<Attempt> attempts = new ArrayList<>(borrowers.size());
        for (int from = 0; from < borrowers.size(); from += together) {
            List<BorrowerProfile> group = borrowers.subList(from, Math.min(borrowers.size(), from + together));
            List<List<Found>> findings = group.size() > 1 ? decideTogether(group, signals) : null;
            for (int k = 0; k < group.size(); k++) {
                attempts.add(findings != null ? new Attempt(findings.get(k), null) : attempt(group.get(k), signals));
            }
        }
        return attempts;
    }

    /**
     * The findings of each borrower of {@code group}, fired together in a fresh session, which is discarded
     * afterwards; {@code null} when the firing failed or was stopped, and each must be decided alone to find out
     * whose rules fail.
     */
    private List<List<Found>> decideTogether(List<BorrowerProfile> group, PreparedSignals signals) {
        PooledSession session = new PooledSession(rules);
        try {
            session.holdSignals(signals);
            Map<Borrower, Integer> position = new IdentityHashMap<>(group.size() * 2);
            for (BorrowerProfile b : group) {
                Borrower fact = fact(b, signals);
                position.put(fact, position.size());
                session.insert(fact);
            }
            session.fire(fireLimit, System.nanoTime() + budgetNanos, EvaluationListener.NONE, null);
            if (session.stopped() != null) {
                LOG.debug("{} borrowers fired together were stopped ({}); deciding each alone", group.size(),
                        session.stopped());
                return null;
            }
            List<List<Found>> findings = new ArrayList<>(group.size());
            for (int k = 0; k < group.size(); k++) {
                findings.add(new ArrayList<>(2));
            }
            for (Found f : session.findings()) {
                findings.get(position.get(f.finding().getBorrower())).add(f);
            }
            return findings;
        } catch (RuntimeException | Error e) {
            LOG.debug("{} borrowers fired together failed ({}); deciding each alone", group.size(),
                    LogSafe.text(rootMessage(e)));
            return null;
        } finally {
            session.dispose();
        }
    }
}
