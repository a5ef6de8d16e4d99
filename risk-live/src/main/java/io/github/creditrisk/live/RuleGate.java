package io.github.creditrisk.live;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.spi.RiskEngineProvider;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleError;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.live.internal.WatchedScenarioRun;
import io.github.creditrisk.scenarios.Scenario;
import io.github.creditrisk.scenarios.ScenarioException;
import io.github.creditrisk.scenarios.ScenarioReader;
import io.github.creditrisk.scenarios.ScenarioReport;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The check a rule directory passes before its rules may go live: they compile cleanly, and every scenario file
 * beside them ({@code *.scenario.json}, the files {@code risk test} runs) passes, each case decided in time.
 * {@link LiveRiskEngine} runs it on every settled edit, {@code risk check --watch} on every save.
 *
 * <pre>{@code
 * RuleGate.Verdict verdict = new RuleGate(EngineSettings.defaults().withRulesDirectory(dir)).check();
 * if (verdict.passed()) { ... verdict.engine() ... } else { verdict.problems().forEach(System.out::println); }
 * }</pre>
 *
 * <p><strong>The deadline.</strong> The scenarios run on a daemon thread of their own, and each case (one
 * borrower's evaluation) is watched: a case still running {@link #GRACE} after the engine's time budget
 * ({@link EngineSettings#timeBudget()}, 5 s by default, so 6 s) is given up on, and the candidate is rejected as
 * having run too long ({@link Verdict.Kind#RAN_TOO_LONG}). The time budget stops rules between firings; neither
 * it nor an interrupt can stop code spinning inside one rule's consequence (a huge {@code BigInteger.pow}, say).
 * Such a thread is left to end by itself: it decides no further case, and releases the candidate once the rule's
 * code returns. The caller is free at once, so the next edit is checked normally.
 *
 * <p>Whatever the rules throw while the scenarios run that is not an evaluation failure (a
 * {@link StackOverflowError}, an {@link OutOfMemoryError}) rejects the candidate naming it
 * ({@link Verdict.Kind#THREW}); so does anything thrown while the rules are read or compiled
 * ({@link Verdict.Kind#UNREADABLE}). A check returns a verdict; it does not throw.
 *
 * <p><strong>Thread safety:</strong> immutable; checks may run at the same time, each with its own candidate.
 */
public final class RuleGate {

    /** How long past its time budget one case may run before the gate gives up on it. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private final RiskEngineProvider engines;
    private final EngineSettings settings;
    private final ScenarioReader reader = new ScenarioReader(RiskJson.create());

    /**
     * A gate for the rules of {@code settings.rulesDirectory()}, compiled with {@code settings}.
     *
     * @throws InvalidValueException when the settings name no rules directory
     */
    public RuleGate(EngineSettings settings) {
        this(RiskEngines.provider(null, RuleGate.class.getClassLoader()), settings);
    }

    /**
     * A gate for the rules of {@code settings.rulesDirectory()}, compiled by {@code engines} with {@code settings}.
     *
     * @throws InvalidValueException when the settings name no rules directory
     */
    public RuleGate(RiskEngineProvider engines, EngineSettings settings) {
        this.engines = Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(settings, "settings");
        if (settings.rulesDirectory() == null) {
            throw new InvalidValueException("rulesDirectory", "is not set; the gate checks a rule directory");
        }
        this.settings = settings;
    }

    /** The directory checked. */
    public Path directory() {
        return settings.rulesDirectory();
    }

    /** How long one scenario case may run before the candidate is rejected: the time budget plus {@link #GRACE}. */
    public Duration caseDeadline() {
        return settings.timeBudget().plus(GRACE);
    }

    /** Compiles the directory as it is now and runs its scenarios against the result. */
    public Verdict check() {
        return check(null, false);
    }

    /**
     * As {@link #check()}, except that rules whose version is {@code liveVersion} are {@link Verdict.Kind#UNCHANGED}:
     * their scenarios are not run again.
     */
    public Verdict check(String liveVersion) {
        return check(Objects.requireNonNull(liveVersion, "liveVersion"), true);
    }

    private Verdict check(String liveVersion, boolean againstLive) {
        Path directory = directory();
        String version = null;
        RiskEngine candidate;
        try {
            version = engines.versionOf(directory);
            candidate = engines.create(settings);
        } catch (RuleCompilationException e) {
            return rejected(Verdict.Kind.DOES_NOT_COMPILE, version, null, null,
                    e.errors().stream().map(RuleError::toString).toList());
        } catch (RuntimeException | Error e) {
            // A candidate that breaks the compiler (a StackOverflowError in its parser, say) is only rejected.
            return rejected(Verdict.Kind.UNREADABLE, version, null, null, List.of(directory + ": " + describe(e)));
        }
        RuleSetInfo info = candidate.ruleSet();
        version = info.version();
        if (againstLive && version.equals(liveVersion)) {
            candidate.close();
            return new Verdict(Verdict.Kind.UNCHANGED, version, info, null, null, List.of());
        }
        List<Scenario> scenarios = new ArrayList<>();
        try {
            for (Path file : ScenarioReader.findIn(directory)) {
                scenarios.add(reader.read(file));
            }
        } catch (ScenarioException e) {
            candidate.close();
            return rejected(Verdict.Kind.UNREADABLE, version, info, null, List.of(e.getMessage()));
        }
        if (scenarios.isEmpty()) {
            return new Verdict(Verdict.Kind.PASSED, version, info, candidate, null, List.of());
        }
        WatchedScenarioRun.Outcome outcome;
        try {
            outcome = WatchedScenarioRun.start(candidate, scenarios, "version " + version + " of " + directory)
                    .await(caseDeadline());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RiskException("interrupted while checking version " + version + " of " + directory);
        }
        if (outcome instanceof WatchedScenarioRun.TooLong tooLong) {
            // The abandoned run's thread may still be inside the candidate: it closes the candidate itself.
            return rejected(Verdict.Kind.RAN_TOO_LONG, version, info, null, List.of(where(tooLong.scenario(),
                    tooLong.borrowerId()) + ": the rules ran past their time budget (" + seconds(settings.timeBudget())
                    + ") inside one rule's code and could not be stopped (given up after " + seconds(tooLong.ran())
                    + "); version " + version + " rejected"));
        }
        if (outcome instanceof WatchedScenarioRun.Threw threw) {
            candidate.close();
            return rejected(Verdict.Kind.THREW, version, info, null, List.of(where(threw.scenario(),
                    threw.borrowerId()) + ": the rules threw " + describe(threw.error()) + "; version " + version
                    + " rejected"));
        }
        ScenarioReport report = ((WatchedScenarioRun.Completed) outcome).report();
        if (report.passed()) {
            return new Verdict(Verdict.Kind.PASSED, version, info, candidate, report, List.of());
        }
        candidate.close();
        List<String> problems = new ArrayList<>();
        for (ScenarioReport.Result r : report.results()) {
            if (!r.passed()) {
                problems.add("scenario failed: " + r.scenario().name() + " (" + r.scenario().file() + ")");
                r.differences().forEach(d -> problems.add("  " + d));
            }
        }
        return rejected(Verdict.Kind.FAILED, version, info, report, problems);
    }

    private static Verdict rejected(Verdict.Kind kind, String version, RuleSetInfo info, ScenarioReport report,
                                    List<String> problems) {
        return new Verdict(kind, version, info, null, report, problems);
    }

    private static String where(Scenario scenario, String borrowerId) {
        String where = scenario == null ? "the scenarios" : "scenario \"" + scenario.name() + "\" (" + scenario.file()
                + ")";
        return borrowerId == null ? where : where + ", borrower " + borrowerId;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
    }

    /** A duration as a person reads it: {@code 200 ms}, {@code 5 s}, {@code 1.2 s}. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * What a check found.
     *
     * @param kind      what it found
     * @param version   the candidate's version; {@code null} when the directory could not be read
     * @param ruleSet   the candidate's rule set, once it compiled; {@code null} otherwise
     * @param engine    the candidate, only when {@link Kind#PASSED}: from then on the caller's, to put live or
     *                  close; {@code null} otherwise (the gate has released it, or its abandoned thread will)
     * @param scenarios the scenario run, when every scenario ran; {@code null} otherwise, and when there are no
     *                  scenario files
     * @param problems  why the candidate was rejected, one line each: every rule error as
     *                  {@code FILE:LINE: message}, each failing scenario followed by its differences (indented),
     *                  or the scenario and borrower that ran too long or threw; empty when it passed or is unchanged
     */
    public record Verdict(Kind kind, @Nullable String version, @Nullable RuleSetInfo ruleSet,
                          @Nullable RiskEngine engine, @Nullable ScenarioReport scenarios, List<String> problems) {

        /** What a check found. */
        public enum Kind {
            /** The rules compiled and every scenario passed (or there are none); {@link #engine()} is the candidate. */
            PASSED,
            /** The rules are the live version already; their scenarios were not run again. */
            UNCHANGED,
            /** The rules do not compile; the problems are every error. */
            DOES_NOT_COMPILE,
            /** The rules or a scenario file cannot be read, or compiling them failed. */
            UNREADABLE,
            /** A scenario failed; the problems are each failing scenario and its differences. */
            FAILED,
            /** One case ran past the time budget inside one rule's code, where it cannot be stopped. */
            RAN_TOO_LONG,
            /** The rules threw while deciding a case, what the engine does not report as a failed evaluation. */
            THREW
        }

        public Verdict {
            Objects.requireNonNull(kind, "kind");
            problems = List.copyOf(problems);
        }

        /** Whether the candidate passed: compiled, and passed every scenario in time. */
        public boolean passed() {
            return kind == Kind.PASSED;
        }
    }
}
