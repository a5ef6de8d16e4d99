package io.github.creditrisk.live.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.scenarios.Scenario;
import io.github.creditrisk.scenarios.ScenarioReport;
import io.github.creditrisk.scenarios.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One run of a candidate's scenarios on a daemon thread of its own, watched case by case by the thread that
 * waits for it: that thread gives up as soon as one case (one borrower's evaluation) has run longer than the
 * case deadline, and is free at once.
 *
 * <p>Code spinning inside one rule (a huge computation in a consequence) can be stopped neither by the engine's
 * time budget, which is checked between firings, nor by an interrupt. A run given up on is therefore
 * <em>abandoned</em>: its thread is interrupted and left to end by itself; once the rule's code returns it
 * decides no further case, and it closes the candidate. The candidate is never closed while its thread may
 * still run in it (closing it under a running session would make that thread fail in Drools' code instead, at
 * no gain).
 *
 * <p>Anything the rules throw that the engine does not turn into an
 * {@link io.github.creditrisk.EvaluationException} (a {@link StackOverflowError}, an {@link OutOfMemoryError},
 * an unexpected exception) ends the run as {@link Threw}; the candidate is then the caller's to close.
 *
 * <p><strong>Thread safety:</strong> one thread runs the scenarios, one other thread awaits them.
 */
public final class WatchedScenarioRun {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedScenarioRun.class);

    /** How a run ended, as the waiting thread saw it. */
    public sealed interface Outcome permits Completed, TooLong, Threw {
    }

    /** Every scenario ran; the report says which passed. The candidate is the caller's. */
    public record Completed(ScenarioReport report) implements Outcome {
    }

    /**
     * A case was still running at the deadline; the run is abandoned, and its thread closes the candidate when
     * it ends.
     *
     * @param scenario   the scenario of that case
     * @param borrowerId the borrower being decided
     * @param ran        how long the case had run when the run was given up on
     */
    public record TooLong(Scenario scenario, String borrowerId, Duration ran) implements Outcome {
    }

    /**
     * The rules threw what the engine does not report as an evaluation failure. The candidate is the caller's.
     *
     * @param scenario   the scenario of the case that threw
     * @param borrowerId the borrower being decided when it was thrown; {@code null} before the first case
     * @param error      what was thrown
     */
    public record Threw(Scenario scenario, String borrowerId, Throwable error) implements Outcome {
    }

    /** Thrown into the scenario runner of an abandoned run, so that it decides no further case. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final RiskEngine candidate;
    private final List<Scenario> scenarios;
    private final String name;
    private final Thread thread;
    private final long startedAt = System.nanoTime();

    // Guarded by this.
    private Scenario scenario;
    private String borrowerId;
    private boolean inCase;
    private long caseStartedAt;
    private Outcome outcome;
    private boolean abandoned;

    private WatchedScenarioRun(RiskEngine candidate, List<Scenario> scenarios, String name) {
        this.candidate = candidate;
        this.scenarios = List.copyOf(scenarios);
        this.name = name;
        this.thread = new Thread(this::run, "risk-rules-gate " + name);
        thread.setDaemon(true);
    }

    /**
     * Starts running {@code scenarios} against {@code candidate} on a new daemon thread.
     *
     * @param name what the run checks, for its thread's name and the log (a version)
     */
    public static WatchedScenarioRun start(RiskEngine candidate, List<Scenario> scenarios, String name) {
        WatchedScenarioRun run = new WatchedScenarioRun(candidate, scenarios, name);
        run.thread.start();
        return run;
    }

    /**
     * Waits until the run ends, or until one case has run for {@code caseDeadline}; in that case the run is
     * abandoned and {@link TooLong} returned at once.
     *
     * @throws InterruptedException when the waiting thread is interrupted; the run is then abandoned
     */
    public Outcome await(Duration caseDeadline) throws InterruptedException {
        long limit = caseDeadline.toNanos();
        synchronized (this) {
            try {
                while (outcome == null) {
                    long waitNanos = limit;
                    if (inCase) {
                        long ran = System.nanoTime() - caseStartedAt;
                        if (ran >= limit) {
                            abandon("a case ran past its deadline");
                            return new TooLong(scenario, borrowerId, Duration.ofNanos(ran));
                        }
                        waitNanos = limit - ran;
                    }
                    // Between cases there is nothing to time; the next case starts within the wait.
                    TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
                }
                return outcome;
            } catch (InterruptedException e) {
                abandon("the thread waiting for them was interrupted");
                throw e;
            }
        }
    }

    private void abandon(String why) {
        abandoned = true;
        thread.interrupt(); // stops nothing that spins, but ends a rule that sleeps or waits
        LOG.warn("gave up on the scenarios of {}: {}; thread '{}' is left to end by itself and releases the"
                + " candidate when it does", name, why, thread.getName());
    }

    private void run() {
        Outcome result;
        try {
            result = new Completed(runAll());
        } catch (Abandoned e) {
            result = null;
        } catch (RuntimeException | Error e) {
            // The run's thread is the top of this code: whatever the rules threw is the run's outcome.
            synchronized (this) {
                result = new Threw(scenario, borrowerId, e);
            }
        }
        boolean release;
        synchronized (this) {
            release = abandoned;
            if (!abandoned) {
                outcome = result;
                notifyAll();
            }
        }
        if (release) {
            Thread.interrupted();
            candidate.close();
            LOG.info("the abandoned scenarios of {} ended after {} ms; its candidate is released", name,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        }
    }

    /** Runs the scenarios one by one, so that a case is known by its scenario, and merges their reports. */
    private ScenarioReport runAll() {
        ScenarioRunner runner = new ScenarioRunner(new Watched());
        List<ScenarioReport.Result> results = new ArrayList<>();
        Set<RuleInfo> notFired = null;
        int rules = candidate.ruleSet().rules().size();
        for (Scenario s : scenarios) {
            synchronized (this) {
                scenario = s;
            }
            ScenarioReport one = runner.run(List.of(s));
            results.addAll(one.results());
            if (notFired == null) {
                notFired = new LinkedHashSet<>(one.notFired());
            } else {
                notFired.retainAll(one.notFired());
            }
        }
        return new ScenarioReport(results, rules,
                notFired == null ? candidate.ruleSet().rules() : List.copyOf(notFired));
    }

    /** The candidate, timing each case for the waiting thread and refusing new cases once abandoned. */
    private final class Watched implements RiskEngine {

        @Override
        public Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener) {
            synchronized (WatchedScenarioRun.this) {
                if (abandoned) {
                    throw new Abandoned();
                }
                borrowerId = borrower.id();
                caseStartedAt = System.nanoTime();
                inCase = true;
            }
            try {
                return candidate.evaluate(borrower, context, listener);
            } finally {
                synchronized (WatchedScenarioRun.this) {
                    inCase = false;
                }
            }
        }

        @Override
        public RuleSetInfo ruleSet() {
            return candidate.ruleSet();
        }
    }
}
