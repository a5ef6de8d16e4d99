package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.drools.facts.Borrower;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * How an evaluator uses sessions, chosen once per rule set: {@link SharedSessions} when the rules are proven to
 * keep borrowers apart ({@link BorrowerIsolation}), else {@link IsolatedSessions}. Either keeps idle sessions on
 * a stack, the one given back last taken first, so that sessions are made only when more threads evaluate at once
 * than ever before. Thread-safe.
 */
abstract sealed class SessionStrategy permits IsolatedSessions, SharedSessions {

    /** The findings of one borrower, or why the rules failed for it. */
    record Attempt(List<Found> findings, EvaluationException failure) {
    }

    final CompiledRuleSet rules;
    final long fireLimit;
    final long budgetNanos;
    private final Deque<PooledSession> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    SessionStrategy(CompiledRuleSet rules, long fireLimit, Duration timeBudget) {
        this.rules = rules;
        this.fireLimit = fireLimit;
        this.budgetNanos = timeBudget.toNanos();
    }

    /** The strategy for {@code rules}. */
    static SessionStrategy of(CompiledRuleSet rules, long fireLimit, Duration timeBudget) {
        return rules.isolatesBorrowers() ? new SharedSessions(rules, fireLimit, timeBudget)
                : new IsolatedSessions(rules, fireLimit, timeBudget);
    }

    /**
     * The findings of one borrower, decided under its own fire limit and time budget in a pooled session.
     *
     * @throws EvaluationException when the rules fail or run away for this borrower
     */
    final List<Found> decide(BorrowerProfile profile, PreparedSignals signals, EvaluationListener listener) {
        PooledSession session = borrow(signals);
        try {
            List<FactHandle> handles = session.insert(fact(profile, signals));
            session.fire(fireLimit, System.nanoTime() + budgetNanos, listener, profile.id());
            if (session.stopped() != null) {
                throw session.runaway(profile); // disposed below, as after any failure
            }
            List<Found> findings = session.findings();
            decided(session, profile, handles);
            return findings;
        } catch (RuntimeException | Error e) {
            session.dispose();
            throw e instanceof EvaluationException ee ? ee : failure(profile, e);
        } finally {
            giveBack(session);
        }
    }

    /**
     * Readies {@code session} for the next evaluation after {@code profile} was decided in it ({@code handles}
     * are its facts), or disposes it.
     */
    abstract void decided(PooledSession session, BorrowerProfile profile, List<FactHandle> handles);

    /** The findings of each borrower (ids all different), in their order; a failure costs only its borrower. */
    List<Attempt> decideAll(List<BorrowerProfile> borrowers, PreparedSignals signals) {
        return borrowers.stream().map(b -> attempt(b, signals)).toList();
    }

    final Attempt attempt(BorrowerProfile b, PreparedSignals signals) {
        try {
            return new Attempt(decide(b, signals, EvaluationListener.NONE), null);
        } catch (EvaluationException e) {
            return new Attempt(null, e);
        }
    }

    static Borrower fact(BorrowerProfile profile, PreparedSignals signals) {
        return new Borrower(profile, signals.context().asOf(), signals.downturnsFor(profile.region()),
                signals.bansFor(profile.sector()));
    }

    /** An idle session holding {@code signals}' outages, or a new one. */
    final PooledSession borrow(PreparedSignals signals) {
        if (closed) {
            throw new RiskException("this engine is closed");
        }
        PooledSession session = idle.pollFirst();
        if (session != null && session.keptBorrowers() > 0 && session.signals() != signals) {
            session.dispose(); // other outages would meet the borrowers it holds
            session = null;
        }
        if (session == null) {
            session = new PooledSession(rules);
        }
        session.holdSignals(signals);
        return session;
    }

    /** Keeps {@code session} for the next evaluation, unless it was disposed or the engine closed. */
    final void giveBack(PooledSession session) {
        if (session.disposed()) {
            return;
        }
        if (closed) {
            session.dispose();
            return;
        }
        idle.offerFirst(session);
        if (closed) {
            disposeIdle(); // given back as the engine closed: no one else would dispose it
        }
    }

    /**
     * The error for a borrower whose rules threw (an Error too: a stack overflow, memory run out); unwinding
     * released what they held, and the caller discards their session.
     */
    static EvaluationException failure(BorrowerProfile profile, Throwable e) {
        return new EvaluationException(profile.id(), "the rules failed for borrower " + profile.id() + ": "
                + (e instanceof StackOverflowError ? "they ran out of stack (StackOverflowError)"
                : e instanceof OutOfMemoryError ? "they ran out of memory (" + rootMessage(e) + ")"
                : rootMessage(e)), e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** Disposes every idle session; evaluating afterwards is an error. */
    final void close() {
        closed = true;
        disposeIdle();
    }

    private void disposeIdle() {
        PooledSession session;
        while ((session = idle.pollFirst()) != null) {
            session.dispose();
        }
    }
}
