package io.github.creditrisk.live;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.scenarios.ScenarioReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An engine whose rules follow a directory that analysts edit, without a restart and without ever serving a
 * broken rule set.
 *
 * <pre>{@code
 * RiskEngine engine = LiveRiskEngine.watch(Path.of("/srv/credit-rules"), event -> log(event));
 * }</pre>
 *
 * <p>When an edit settles (no change for {@link Builder#settleTime}), the directory is compiled in the
 * background. The new version replaces the live one only if it compiles cleanly <em>and</em> every scenario
 * file in the directory ({@code *.scenario.json}, the files {@code risk test} runs) passes; otherwise it is
 * rejected, the {@link ReloadListener} and the log are told why (every error as {@code FILE:LINE: message},
 * or the failing scenarios), and the previous version keeps serving. The switch is one atomic reference
 * swap: an evaluation uses the version live when it starts, to the end; a batch
 * ({@link #evaluateAll}) is decided by one version; no evaluation ever sees a half-built rule set or fails
 * because of a reload. Every decision names its version.
 *
 * <p>The candidate's scenarios run on a thread of their own, under a deadline ({@link RuleGate}): a scenario case
 * still running one second ({@link RuleGate#GRACE}) past the engine's time budget
 * ({@link EngineSettings#timeBudget()}) is code spinning inside one rule, which nothing can stop. The candidate is
 * rejected as having run too long, its thread is left to end by itself (it releases the candidate when it does),
 * and the next save is checked as usual. A candidate whose rules throw an {@link Error} while its scenarios run
 * (a {@link StackOverflowError}, say) is rejected naming it. Deciding threads never wait for a check: they use
 * the live version throughout.
 *
 * <p>The engine remembers which versions were live and when ({@link #history()}) and keeps the last few
 * compiled, so {@link #rollback()} returns to the previous one at once. A rollback lasts until the next edit.
 *
 * <p><strong>Thread safety:</strong> safe to share between threads. Reloads run one at a time on a background
 * thread. {@link #close()} stops watching and releases every version.
 */
public final class LiveRiskEngine implements RiskEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRiskEngine.class);

    private final Path directory;
    private final EngineSettings settings;
    private final ReloadListener listener;
    private final int keep;
    private final ExecutorService reloader;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private final AtomicReference<ReloadEvent> lastRejected = new AtomicReference<>();
    private volatile boolean closed;
    private final List<LiveVersion> history = new ArrayList<>();
    private final Map<String, RiskEngine> compiled = new LinkedHashMap<>();
    private final RuleGate gate;
    private DirectoryWatcher watcher;

    private record Live(String version, RiskEngine engine) {
    }

    private LiveRiskEngine(Builder b) {
        this.directory = b.directory;
        this.settings = b.settings.withRulesDirectory(b.directory);
        this.listener = b.listener;
        this.keep = b.keep;
        this.gate = new RuleGate(settings);
        this.reloader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "risk-rules-reloader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * An engine serving the rules in {@code directory} and following its edits.
     *
     * @throws RuleCompilationException when the directory's rules do not compile now
     * @throws RiskException            when its scenarios fail now
     */
    public static LiveRiskEngine watch(Path directory) {
        return builder(directory).start();
    }

    /** As {@link #watch(Path)}, telling {@code listener} about every reload. */
    public static LiveRiskEngine watch(Path directory, ReloadListener listener) {
        return builder(directory).listener(listener).start();
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Options of a live engine; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private EngineSettings settings = EngineSettings.defaults();
        private ReloadListener listener = event -> { };
        private Duration settleTime = Duration.ofMillis(300);
        private int keep = 10;
        private boolean watching = true;
        private boolean waitForRules;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** Engine settings (fire limit, options); the rules directory is the watched one. */
        public Builder settings(EngineSettings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        public Builder listener(ReloadListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** How long the directory must stay unchanged before an edit is compiled (default 300 ms). */
        public Builder settleTime(Duration settleTime) {
            this.settleTime = Objects.requireNonNull(settleTime);
            return this;
        }

        /** How many compiled versions are kept for rollback (default 10, at least 2). */
        public Builder keep(int versions) {
            this.keep = Math.max(2, versions);
            return this;
        }

        /** Whether to watch the directory (default); without it, only {@link #reloadNow()} reloads. */
        public Builder watching(boolean watching) {
            this.watching = watching;
            return this;
        }

        /**
         * Whether the engine starts even when the directory's rules cannot go live yet (default {@code false}:
         * {@link #start()} fails). Such an engine has no live version: it refuses to decide
         * ({@link RiskException} naming why the rules were rejected) and keeps watching, and the first edit that
         * passes puts it live. For a service that must come up and report itself unhealthy, rather than not
         * come up, while analysts mend a rule directory.
         */
        public Builder waitForRules(boolean wait) {
            this.waitForRules = wait;
            return this;
        }

        /**
         * Compiles the directory, checks its scenarios, puts it live and starts watching.
         *
         * @throws RuleCompilationException when the rules do not compile
         * @throws RiskException            when a scenario fails or cannot be read (unless the engine
         *                                  {@linkplain #waitForRules waits for rules})
         */
        public LiveRiskEngine start() {
            LiveRiskEngine engine = new LiveRiskEngine(this);
            ReloadEvent first = engine.attempt(LiveVersion.How.STARTED);
            if (first.kind() != ReloadEvent.Kind.ACCEPTED && !waitForRules) {
                engine.close();
                throw new RiskException("the rules in " + directory + " cannot go live:\n"
                        + String.join("\n", first.problems()));
            }
            if (watching) {
                try {
                    engine.watcher = new DirectoryWatcher(directory, settleTime, engine::reloadInBackground);
                } catch (IOException e) {
                    engine.close();
                    throw new UncheckedIOException("cannot watch " + directory + ": " + e.getMessage(), e);
                }
            }
            return engine;
        }
    }

    @Override
    public Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener) {
        return current().engine().evaluate(borrower, context, listener);
    }

    /** Decides the whole batch with the version live when the batch starts. */
    @Override
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        return current().engine().evaluateAll(borrowers, context);
    }

    @Override
    public RuleSetInfo ruleSet() {
        return current().engine().ruleSet();
    }

    /** The directory whose rules the engine follows. */
    public Path directory() {
        return directory;
    }

    /** The version live now; {@code null} while no rules have gone live ({@link Builder#waitForRules}). */
    public @Nullable String liveVersion() {
        Live l = live.get();
        return l == null ? null : l.version();
    }

    /** The last attempt that was rejected, if any was: its version, when, and every problem it had. */
    public Optional<ReloadEvent> lastRejected() {
        return Optional.ofNullable(lastRejected.get());
    }

    /** Every period a version was live, oldest first; the last one is live now. */
    public List<LiveVersion> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /**
     * Compiles and checks the directory now, and waits for the result (reloads triggered by edits do the
     * same in the background).
     */
    public ReloadEvent reloadNow() {
        try {
            return reloader.submit(() -> attempt(LiveVersion.How.RELOADED)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RiskException("interrupted while reloading " + directory);
        } catch (ExecutionException e) {
            throw new RiskException("reloading " + directory + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Puts back the version that was live before the current one.
     *
     * @throws RiskException when there is no earlier version still kept
     */
    public ReloadEvent rollback() {
        try {
            return reloader.submit(this::rollBackNow).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RiskException("interrupted while rolling back " + directory);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RiskException r ? r : new RiskException(e.getCause().toString(), e.getCause());
        }
    }

    private void reloadInBackground() {
        // execute, not submit: a Future nobody reads would swallow whatever escaped the attempt.
        reloader.execute(() -> {
            try {
                attempt(LiveVersion.How.RELOADED);
            } catch (RuntimeException | Error e) {
                LOG.error("reloading {} failed: {}", directory, e.toString());
            }
        });
    }

    /**
     * One attempt: check, then put live or reject; runs on the reloader thread (or at start). Nothing the
     * candidate does escapes as an exception: the reloader must outlive every edit.
     */
    private ReloadEvent attempt(LiveVersion.How how) {
        long start = System.nanoTime();
        Live current = live.get();
        RuleGate.Verdict verdict;
        try {
            verdict = current == null ? gate.check() : gate.check(current.version());
        } catch (RuntimeException | Error e) {
            return report(rejected(null, start, List.of(directory + ": the check failed: " + e), null));
        }
        switch (verdict.kind()) {
            case PASSED -> {
                putLive(verdict.version(), verdict.engine(), how);
                return report(new ReloadEvent(ReloadEvent.Kind.ACCEPTED, verdict.version(), verdict.version(),
                        Instant.now(), since(start), List.of(), verdict.scenarios()));
            }
            case UNCHANGED -> {
                return report(new ReloadEvent(ReloadEvent.Kind.UNCHANGED, verdict.version(), verdict.version(),
                        Instant.now(), since(start), List.of(), null));
            }
            default -> {
                return report(rejected(verdict.version(), start, verdict.problems(), verdict.scenarios()));
            }
        }
    }

    private ReloadEvent rollBackNow() {
        long start = System.nanoTime();
        synchronized (history) {
            Live present = live.get();
            if (present == null) {
                throw new RiskException("no rules from " + directory + " have gone live, so there is nothing to roll"
                        + " back to");
            }
            String current = present.version();
            for (int i = history.size() - 1; i >= 0; i--) {
                String candidate = history.get(i).version();
                if (!candidate.equals(current) && compiled.containsKey(candidate)) {
                    putLive(candidate, compiled.get(candidate), LiveVersion.How.ROLLED_BACK);
                    return report(new ReloadEvent(ReloadEvent.Kind.ROLLED_BACK, candidate, candidate, Instant.now(),
                            since(start), List.of(), null));
                }
            }
        }
        throw new RiskException("there is no earlier version of " + directory + " to roll back to");
    }

    private void putLive(String version, RiskEngine candidate, LiveVersion.How how) {
        synchronized (history) {
            Instant now = Instant.now();
            // The same content compiled before (an edit undone): keep the compiled version, drop the copy.
            RiskEngine engine = compiled.getOrDefault(version, candidate);
            if (engine != candidate) {
                candidate.close();
            }
            compiled.remove(version);
            compiled.put(version, engine);
            live.set(new Live(version, engine));
            if (!history.isEmpty()) {
                history.set(history.size() - 1, history.get(history.size() - 1).endedAt(now));
            }
            history.add(new LiveVersion(version, now, null, how));
            // Keep the last few versions compiled for rollback; older ones are released.
            Iterator<Map.Entry<String, RiskEngine>> oldest = compiled.entrySet().iterator();
            while (compiled.size() > keep && oldest.hasNext()) {
                Map.Entry<String, RiskEngine> e = oldest.next();
                if (!e.getKey().equals(version)) {
                    e.getValue().close();
                    oldest.remove();
                }
            }
        }
    }

    private ReloadEvent rejected(String version, long start, List<String> problems, ScenarioReport report) {
        Live current = live.get();
        return new ReloadEvent(ReloadEvent.Kind.REJECTED, version, current == null ? null : current.version(),
                Instant.now(), since(start), problems, report);
    }

    private ReloadEvent report(ReloadEvent event) {
        switch (event.kind()) {
            case ACCEPTED -> LOG.info("rules {} from {} are live ({} ms)", event.version(), directory,
                    event.took().toMillis());
            case REJECTED -> LOG.warn("rejected an edit of {} ({} stays live):\n{}", directory, event.live(),
                    String.join("\n", event.problems()));
            case ROLLED_BACK -> LOG.warn("rolled back {} to {}", directory, event.version());
            case UNCHANGED -> LOG.debug("{} saved without a change to the rules", directory);
        }
        if (event.kind() == ReloadEvent.Kind.REJECTED) {
            lastRejected.set(event);
        }
        try {
            listener.onReload(event);
        } catch (RuntimeException e) {
            LOG.error("the reload listener failed: {}", e.toString());
        }
        return event;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private Live current() {
        Live l = live.get();
        if (l == null) {
            if (closed) {
                throw new RiskException("this engine is closed");
            }
            ReloadEvent rejected = lastRejected.get();
            throw new RiskException("no rules from " + directory + " are live yet"
                    + (rejected == null || rejected.problems().isEmpty() ? ""
                    : "; they were rejected: " + rejected.problems().get(0)));
        }
        return l;
    }

    /** Stops watching and releases every compiled version; evaluating afterwards is an error. */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        reloader.shutdownNow();
        synchronized (history) {
            live.set(null);
            compiled.values().forEach(RiskEngine::close);
            compiled.clear();
        }
    }
}
