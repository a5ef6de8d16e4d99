package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.OverdueLoan;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Evaluates borrowers against one compiled rule set. Thread-safe: each evaluation borrows a
 * {@link SessionSlot} from a pool (a session is used by one thread at a time and returned clean), so
 * sessions are created only when more threads evaluate at once than ever before.
 *
 * <p>A batch borrows one session for all its borrowers and decides them one after the other in it, each with
 * its own fire limit and time budget, so that a batch decides exactly as borrower by borrower whatever the
 * rules (even rules that join facts not tied to one borrower), and a runaway costs only its borrower. (Firing
 * once for many borrowers was measured faster, but it lets such rules match across borrowers and lets a
 * runaway run on the whole batch's allowance, so it was dropped.)
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final CompiledRuleSet rules;
    private final int fireLimit;
    private final long budgetNanos;
    private final DecisionWriter writer;
    private final ConcurrentLinkedDeque<SessionSlot> pool = new ConcurrentLinkedDeque<>();
    private volatile PreparedSignals lastSignals;
    private volatile boolean closed;

    public Evaluator(CompiledRuleSet rules, int fireLimit, Duration timeBudget) {
        this.rules = rules;
        this.fireLimit = fireLimit;
        this.budgetNanos = timeBudget.toNanos();
        this.writer = new DecisionWriter(rules);
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
            List<Finding> findings = runOne(profile, signals, listener);
            Decision decision = writer.write(profile, findings, context.language());
            if (LOG.isDebugEnabled()) {
                LOG.debug("decided borrower {}: {}", LogSafe.id(profile.id()), decision.outcome());
            }
            listener.decided(decision);
            return decision;
        } catch (EvaluationException e) {
            failure = e;
        } catch (MessageCatalog.MissingValueException | RiskException e) {
            failure = unwritable(profile, e);
        }
        LOG.warn("could not decide borrower {}: {}", LogSafe.id(profile.id()), LogSafe.text(failure.getMessage()));
        listener.failed(profile.id(), failure.getMessage());
        throw failure;
    }

    /** Decides a batch in input order; see the class documentation. */
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        PreparedSignals signals = prepare(context);
        List<Evaluation> results = new ArrayList<>(borrowers.size());
        Set<String> seen = new HashSet<>();
        SessionSlot slot = null;
        try {
            for (BorrowerProfile b : borrowers) {
                if (!seen.add(b.id())) {
                    results.add(RiskEngine.duplicate(b.id()));
                    continue;
                }
                if (slot == null) {
                    slot = borrow(signals);
                }
                try {
                    List<Finding> findings = decideIn(slot, b, EvaluationListener.NONE);
                    results.add(new Evaluation.Decided(writer.write(b, findings, context.language())));
                } catch (MessageCatalog.MissingValueException | RiskException e) {
                    results.add(failed(b, e instanceof EvaluationException ee ? ee : unwritable(b, e)));
                }
                if (slot.disposed()) {
                    slot = null; // the next borrower borrows another session
                }
            }
        } finally {
            if (slot != null) {
                giveBack(slot);
            }
        }
        return results;
    }

    private static Evaluation.Failed failed(BorrowerProfile b, EvaluationException e) {
        LOG.warn("could not decide borrower {}: {}", LogSafe.id(b.id()), LogSafe.text(e.getMessage()));
        return new Evaluation.Failed(b.id(), e.getMessage());
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

    private List<Finding> runOne(BorrowerProfile profile, PreparedSignals signals, EvaluationListener listener) {
        SessionSlot slot = borrow(signals);
        try {
            return decideIn(slot, profile, listener);
        } finally {
            if (!slot.disposed()) {
                giveBack(slot);
            }
        }
    }

    /**
     * Decides one borrower in {@code slot}. Afterwards the slot is clean for the next borrower, or, when the
     * evaluation failed or a rule left facts behind, disposed ({@link SessionSlot#disposed()}).
     *
     * @throws EvaluationException when the rules fail for this borrower
     */
    private List<Finding> decideIn(SessionSlot slot, BorrowerProfile profile, EvaluationListener listener) {
        try {
            slot.begin(fireLimit, System.nanoTime() + budgetNanos, listener, profile.id());
            List<FactHandle> handles = new ArrayList<>(4);
            insert(slot, fact(profile, slot.signals()), handles);
            slot.session().fireAllRules();
            if (slot.stopped() != null) {
                EvaluationException runaway = runaway(profile, slot);
                slot.dispose();
                throw runaway;
            }
            List<Finding> findings = slot.findings();
            if (!slot.clean(handles)) {
                // The findings are right; only the session cannot be trusted with the next borrower.
                LOG.warn("a rule left facts behind after borrower {}; its session was discarded",
                        LogSafe.id(profile.id()));
                slot.dispose();
            }
            return findings;
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            slot.dispose();
            throw new EvaluationException(profile.id(), "the rules failed for borrower " + profile.id() + ": "
                    + rootMessage(e), e);
        }
    }

    private static Borrower fact(BorrowerProfile profile, PreparedSignals signals) {
        return new Borrower(profile, signals.context().asOf(), signals.downturnsFor(profile.region()),
                signals.bansFor(profile.sector()));
    }

    private static void insert(SessionSlot slot, Borrower borrower, List<FactHandle> handles) {
        handles.add(slot.session().insert(borrower));
        for (Loan loan : borrower.getProfile().loans()) {
            if (loan.isActive() && loan.daysPastDue() > 0) {
                handles.add(slot.session().insert(new OverdueLoan(borrower, loan)));
            }
        }
    }

    private SessionSlot borrow(PreparedSignals signals) {
        if (closed) {
            throw new RiskException("this engine is closed");
        }
        SessionSlot slot = pool.pollFirst();
        if (slot == null) {
            slot = new SessionSlot(rules);
        }
        slot.use(signals);
        return slot;
    }

    private void giveBack(SessionSlot slot) {
        if (!closed) {
            pool.offerFirst(slot);
        } else {
            slot.dispose();
        }
    }

    private EvaluationException runaway(BorrowerProfile profile, SessionSlot slot) {
        return new EvaluationException(profile.id(), slot.stopped() + " for borrower " + profile.id()
                + " (" + slot.fired() + " firings) without finishing, so the evaluation was stopped; a rule probably"
                + " re-triggers itself or matches too many combinations. Most fired: " + slot.mostFired());
    }

    private static EvaluationException unwritable(BorrowerProfile profile, RuntimeException e) {
        return new EvaluationException(profile.id(), "the rules' result for borrower " + profile.id()
                + " cannot be written: " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** Releases every pooled session; evaluating afterwards is an error. */
    public void close() {
        closed = true;
        SessionSlot slot;
        while ((slot = pool.pollFirst()) != null) {
            slot.dispose();
        }
    }
}
