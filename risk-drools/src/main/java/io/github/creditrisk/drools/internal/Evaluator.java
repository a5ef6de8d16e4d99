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

/**
 * Evaluates borrowers against one compiled rule set. Thread-safe: each evaluation borrows a
 * {@link SessionSlot} from a {@link SessionPool} (a session is used by one thread at a time and returned clean;
 * a thread gets back the one it returned last), so sessions are created only when more threads evaluate at once
 * than ever before.
 *
 * <p>When the rule set {@linkplain CompiledRuleSet#keepsBorrowersApart() keeps borrowers apart} (the bundled
 * rules, which this project's tests hold to it), borrowers share sessions. An evaluation leaves its borrower's
 * facts in the session, which is discarded once it holds {@value #MAX_FIRED_TOGETHER} borrowers (cheaper than
 * deleting each borrower's facts and retracting what they justified); a session holding borrowers is never
 * used with other signals, and a finding about an earlier borrower sends the evaluation to a fresh session.
 * A batch inserts up to {@value #MAX_FIRED_TOGETHER} of its borrowers into one session and fires them
 * together, which shares the cost of a firing among them; the group runs under one evaluation's fire limit and
 * time budget, and when it fails or is stopped, each of its borrowers is decided alone, so that a runaway or a
 * failing borrower costs only itself and the others are decided exactly as alone.
 *
 * <p>Any other rule set is decided borrower by borrower, each in a session holding no one else's facts and
 * with its own fire limit and time budget, because rules that join facts not tied to one borrower would match
 * across borrowers.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    /** The most borrowers fired together: enough to share the cost of a firing, few enough to stay in cache. */
    static final int MAX_FIRED_TOGETHER = 256;
    /** The firings a group allows each of its borrowers, out of the one fire limit it runs under. */
    private static final int FIRINGS_ALLOWED_PER_BORROWER = 32;

    private final CompiledRuleSet rules;
    private final int fireLimit;
    private final long budgetNanos;
    private final DecisionWriter writer;
    /** How many borrowers of a batch fire together, when the rule set keeps borrowers apart. */
    private final int firedTogether;
    private final SessionPool<SessionSlot> pool = new SessionPool<>(Runtime.getRuntime().availableProcessors());
    private volatile PreparedSignals lastSignals;
    private volatile boolean closed;

    public Evaluator(CompiledRuleSet rules, int fireLimit, Duration timeBudget) {
        this.rules = rules;
        this.fireLimit = fireLimit;
        this.budgetNanos = timeBudget.toNanos();
        this.writer = new DecisionWriter(rules);
        // A group fires under one evaluation's fire limit: far more than its borrowers fire in the normal course.
        this.firedTogether = Math.max(1, Math.min(MAX_FIRED_TOGETHER, fireLimit / FIRINGS_ALLOWED_PER_BORROWER));
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
        Evaluation[] results = new Evaluation[borrowers.size()];
        List<Integer> toDecide = new ArrayList<>(borrowers.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < borrowers.size(); i++) {
            if (seen.add(borrowers.get(i).id())) {
                toDecide.add(i);
            } else {
                results[i] = RiskEngine.duplicate(borrowers.get(i).id());
            }
        }
        int together = rules.keepsBorrowersApart() ? firedTogether : 1;
        for (int from = 0; from < toDecide.size(); from += together) {
            List<Integer> group = toDecide.subList(from, Math.min(toDecide.size(), from + together));
            List<List<Finding>> findings = group.size() > 1 ? decideTogether(group, borrowers, signals) : null;
            for (int k = 0; k < group.size(); k++) {
                BorrowerProfile b = borrowers.get(group.get(k));
                results[group.get(k)] = findings != null ? write(b, findings.get(k), context)
                        : decideAlone(b, signals, context);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /**
     * Decides {@code group} (indexes into {@code borrowers}) in one firing of one session, under one evaluation's
     * fire limit and time budget: the findings of each borrower, in the group's order, or {@code null} when the
     * firing failed or was stopped, and each must be decided alone to find out whose rules fail.
     */
    private List<List<Finding>> decideTogether(List<Integer> group, List<BorrowerProfile> borrowers,
                                               PreparedSignals signals) {
        SessionSlot slot = borrow(signals);
        try {
            slot.begin(fireLimit, System.nanoTime() + budgetNanos, EvaluationListener.NONE, null);
            Map<Borrower, Integer> position = new IdentityHashMap<>(group.size() * 2);
            for (int k = 0; k < group.size(); k++) {
                Borrower fact = fact(borrowers.get(group.get(k)), signals);
                position.put(fact, k);
                insert(slot, fact, null); // the session is discarded afterwards: no handles to keep
            }
            slot.fire();
            if (slot.stopped() != null) {
                LOG.debug("a batch of {} borrowers stopped together ({}); deciding each alone", group.size(),
                        slot.stopped());
                slot.dispose();
                return null;
            }
            List<List<Finding>> findings = new ArrayList<>(group.size());
            for (int k = 0; k < group.size(); k++) {
                findings.add(new ArrayList<>(2));
            }
            for (Finding f : slot.findings()) {
                Integer k = position.get(f.getBorrower());
                if (k == null) {
                    // a finding about no borrower of the batch: only deciding alone can say whose it is
                    slot.dispose();
                    return null;
                }
                findings.get(k).add(f);
            }
            // A fresh session costs less than deleting a group's facts one by one (and retracting what they
            // justified), so the group's session is discarded rather than cleaned.
            slot.dispose();
            return findings;
        } catch (RuntimeException | Error e) {
            LOG.debug("a batch of {} borrowers failed together ({}); deciding each alone", group.size(),
                    LogSafe.text(rootMessage(e)));
            slot.dispose();
            return null;
        } finally {
            if (!slot.disposed()) {
                giveBack(slot);
            }
        }
    }

    /** Decides one borrower of a batch on its own, under its own fire limit and time budget. */
    private Evaluation decideAlone(BorrowerProfile b, PreparedSignals signals, EvaluationContext context) {
        try {
            return write(b, runOne(b, signals, EvaluationListener.NONE), context);
        } catch (EvaluationException e) {
            return failed(b, e);
        }
    }

    private Evaluation write(BorrowerProfile b, List<Finding> findings, EvaluationContext context) {
        try {
            return new Evaluation.Decided(writer.write(b, findings, context.language()));
        } catch (MessageCatalog.MissingValueException | RiskException e) {
            return failed(b, e instanceof EvaluationException ee ? ee : unwritable(b, e));
        }
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
            // In a session holding earlier borrowers, the evaluation may be thrown away and made again alone (below):
            // its firings are held back until it is known to stand, so a listener hears each decision once.
            HeldBack held = slot.residents() > 0 && listener != EvaluationListener.NONE ? new HeldBack() : null;
            slot.begin(fireLimit, System.nanoTime() + budgetNanos, held != null ? held : listener, profile.id());
            // the handles are for deleting the facts afterwards, which rules that keep borrowers apart never need
            List<FactHandle> handles = rules.keepsBorrowersApart() ? null : new ArrayList<>(4);
            Borrower fact = fact(profile, slot.signals());
            insert(slot, fact, handles);
            slot.fire();
            if (slot.stopped() != null) {
                EvaluationException runaway = runaway(profile, slot);
                slot.dispose();
                throw runaway;
            }
            List<Finding> findings = slot.findings();
            if (slot.residents() > 0 && !allAbout(findings, fact)) {
                // A finding about an earlier borrower: the rules do not keep borrowers apart after all. Decide
                // this borrower again in a session holding no one else.
                LOG.warn("a rule related borrower {} to an earlier borrower; deciding it again alone",
                        LogSafe.id(profile.id()));
                slot.dispose();
                SessionSlot alone = new SessionSlot(rules);
                alone.use(slot.signals());
                try {
                    return decideIn(alone, profile, listener);
                } finally {
                    alone.dispose();
                }
            }
            if (held != null) {
                held.tell(listener, profile.id());
            }
            if (rules.keepsBorrowersApart()) {
                // Rules that keep borrowers apart never match this borrower's facts with the next one's: they
                // stay, and the session is discarded once it holds enough borrowers, which costs less than
                // deleting each borrower's facts (and retracting what they justified).
                slot.leave();
                if (slot.residents() >= MAX_FIRED_TOGETHER) {
                    slot.dispose();
                }
            } else if (!slot.clean(handles)) {
                // The findings are right; only the session cannot be trusted with the next borrower.
                LOG.warn("a rule left facts behind after borrower {}; its session was discarded",
                        LogSafe.id(profile.id()));
                slot.dispose();
            }
            return findings;
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Thrown inside one borrower's rules (an Error too: a stack overflow, memory run out); unwinding
            // released what they held, and their session, with whatever matches they left, is discarded.
            slot.dispose();
            throw new EvaluationException(profile.id(), "the rules failed for borrower " + profile.id() + ": "
                    + (e instanceof StackOverflowError ? "they ran out of stack (StackOverflowError)"
                    : e instanceof OutOfMemoryError ? "they ran out of memory (" + rootMessage(e) + ")"
                    : rootMessage(e)), e);
        }
    }

    /**
     * The rules' firings of one borrower's evaluation (the session names that borrower in every one), held back
     * from its listener until the evaluation stands.
     */
    private static final class HeldBack implements EvaluationListener {
        private final List<String> fired = new ArrayList<>();

        @Override
        public void ruleFired(String borrowerId, String ruleName) {
            fired.add(ruleName);
        }

        void tell(EvaluationListener listener, String borrowerId) {
            for (String rule : fired) {
                listener.ruleFired(borrowerId, rule);
            }
        }
    }

    private static boolean allAbout(List<Finding> findings, Borrower borrower) {
        for (Finding f : findings) {
            if (f.getBorrower() != borrower) {
                return false;
            }
        }
        return true;
    }

    private static Borrower fact(BorrowerProfile profile, PreparedSignals signals) {
        return new Borrower(profile, signals.context().asOf(), signals.downturnsFor(profile.region()),
                signals.bansFor(profile.sector()));
    }

    /** Inserts a borrower's facts, adding their handles to {@code handles} unless it is {@code null}. */
    private static void insert(SessionSlot slot, Borrower borrower, List<FactHandle> handles) {
        FactHandle h = slot.session().insert(borrower);
        if (handles != null) {
            handles.add(h);
        }
        for (Loan loan : borrower.getProfile().loans()) {
            if (loan.isActive() && loan.daysPastDue() > 0) {
                h = slot.session().insert(new OverdueLoan(borrower, loan));
                if (handles != null) {
                    handles.add(h);
                }
            }
        }
    }

    private SessionSlot borrow(PreparedSignals signals) {
        if (closed) {
            throw new RiskException("this engine is closed");
        }
        SessionSlot slot = pool.take();
        if (slot != null && !slot.canServe(signals)) {
            slot.dispose();
            slot = null;
        }
        if (slot == null) {
            slot = new SessionSlot(rules);
        }
        slot.use(signals);
        return slot;
    }

    private void giveBack(SessionSlot slot) {
        if (closed) {
            slot.dispose();
            return;
        }
        pool.leave(slot);
        if (closed) {
            disposeIdle(); // given back after close(): no one else disposes it
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
        disposeIdle();
    }

    private void disposeIdle() {
        SessionSlot slot;
        while ((slot = pool.drain()) != null) {
            slot.dispose();
        }
    }
}
