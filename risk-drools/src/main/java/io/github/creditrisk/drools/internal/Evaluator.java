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
 * <p>A batch is evaluated in one session: all its borrowers' facts inserted, the rules fired once, the
 * findings sorted out by borrower. Rules relate facts of one borrower only (every pattern is tied to a
 * {@code Borrower}), so this decides exactly as borrower by borrower; if the batch trips the fire limit or
 * a rule throws, it is decided again borrower by borrower so that only the culprit gets an error.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /** Borrowers per firing in a batch: enough to amortise the firing, few enough to stay in cache. */
    private static final int BATCH = 256;

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
                LOG.debug("decided borrower {}: {}", profile.id(), decision.outcome());
            }
            listener.decided(decision);
            return decision;
        } catch (EvaluationException e) {
            failure = e;
        } catch (MessageCatalog.MissingValueException | RiskException e) {
            failure = unwritable(profile, e);
        }
        LOG.warn("could not decide borrower {}: {}", profile.id(), failure.getMessage());
        listener.failed(profile.id(), failure.getMessage());
        throw failure;
    }

    /** Decides a batch in input order; see the class documentation. */
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        PreparedSignals signals = prepare(context);
        List<Evaluation> results = new ArrayList<>(borrowers.size());
        Set<String> seen = new HashSet<>();
        List<BorrowerProfile> chunk = new ArrayList<>(Math.min(BATCH, borrowers.size()));
        List<Integer> places = new ArrayList<>();
        for (BorrowerProfile b : borrowers) {
            if (!seen.add(b.id())) {
                results.add(RiskEngine.duplicate(b.id()));
                continue;
            }
            places.add(results.size());
            results.add(null);
            chunk.add(b);
            if (chunk.size() == BATCH) {
                decideChunk(chunk, places, results, signals, context);
                chunk.clear();
                places.clear();
            }
        }
        if (!chunk.isEmpty()) {
            decideChunk(chunk, places, results, signals, context);
        }
        return results;
    }

    private void decideChunk(List<BorrowerProfile> chunk, List<Integer> places, List<Evaluation> results,
                             PreparedSignals signals, EvaluationContext context) {
        Map<BorrowerProfile, List<Finding>> found = runMany(chunk, signals);
        for (int i = 0; i < chunk.size(); i++) {
            BorrowerProfile b = chunk.get(i);
            Evaluation result;
            if (found == null) {
                try {
                    result = new Evaluation.Decided(evaluate(b, context, EvaluationListener.NONE));
                } catch (EvaluationException e) {
                    result = new Evaluation.Failed(b.id(), e.getMessage());
                }
            } else {
                try {
                    result = new Evaluation.Decided(writer.write(b, found.get(b), context.language()));
                } catch (MessageCatalog.MissingValueException | RiskException e) {
                    EvaluationException failure = unwritable(b, e);
                    LOG.warn("could not decide borrower {}: {}", b.id(), failure.getMessage());
                    result = new Evaluation.Failed(b.id(), failure.getMessage());
                }
            }
            results.set(places.get(i), result);
        }
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
        boolean reusable = false;
        try {
            slot.begin(fireLimit, System.nanoTime() + budgetNanos, listener, profile.id());
            List<FactHandle> handles = new ArrayList<>(4);
            insert(slot, fact(profile, signals), handles);
            slot.session().fireAllRules();
            if (slot.stopped() != null) {
                throw runaway(profile, slot);
            }
            List<Finding> findings = slot.findings();
            reusable = slot.clean(handles);
            return findings;
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException(profile.id(), "the rules failed for borrower " + profile.id() + ": "
                    + rootMessage(e), e);
        } finally {
            giveBack(slot, reusable);
        }
    }

    /** The findings of every borrower of the chunk, or {@code null} when the chunk must be decided one by one. */
    private Map<BorrowerProfile, List<Finding>> runMany(List<BorrowerProfile> chunk, PreparedSignals signals) {
        SessionSlot slot = borrow(signals);
        boolean reusable = false;
        try {
            slot.begin((long) fireLimit * chunk.size(), System.nanoTime() + budgetNanos * chunk.size(),
                    EvaluationListener.NONE, null);
            List<FactHandle> handles = new ArrayList<>(chunk.size() * 2);
            Map<Borrower, BorrowerProfile> byFact = new IdentityHashMap<>(chunk.size() * 2);
            for (BorrowerProfile b : chunk) {
                Borrower fact = fact(b, signals);
                byFact.put(fact, b);
                insert(slot, fact, handles);
            }
            slot.session().fireAllRules();
            if (slot.stopped() != null) {
                return null;
            }
            Map<BorrowerProfile, List<Finding>> found = new IdentityHashMap<>(chunk.size() * 2);
            for (BorrowerProfile b : chunk) {
                found.put(b, new ArrayList<>(2));
            }
            for (Finding f : slot.findings()) {
                found.get(byFact.get(f.getBorrower())).add(f);
            }
            reusable = slot.clean(handles);
            return found;
        } catch (RuntimeException e) {
            LOG.debug("a batch failed, so its borrowers are decided one by one: {}", e.toString());
            if (System.getProperty("risk.debug.batch") != null) { e.printStackTrace(); }
            return null; // a rule threw for some borrower: decide them one by one to find which
        } finally {
            giveBack(slot, reusable);
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

    private void giveBack(SessionSlot slot, boolean reusable) {
        if (reusable && !closed) {
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
