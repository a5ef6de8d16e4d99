package io.github.creditrisk.live;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Live rule updates under load")
class LiveReloadUnderLoadTest {

    private enum Edit { GOOD, BROKEN, FAILS_SCENARIOS }

    /** 24 edits: good ones, edits that do not compile, and edits that break the policy, interleaved. */
    private static final List<Edit> EDITS = List.of(
            Edit.GOOD, Edit.BROKEN, Edit.GOOD, Edit.FAILS_SCENARIOS, Edit.GOOD, Edit.GOOD, Edit.BROKEN,
            Edit.FAILS_SCENARIOS, Edit.GOOD, Edit.BROKEN, Edit.BROKEN, Edit.GOOD, Edit.FAILS_SCENARIOS, Edit.GOOD,
            Edit.GOOD, Edit.BROKEN, Edit.GOOD, Edit.FAILS_SCENARIOS, Edit.FAILS_SCENARIOS, Edit.GOOD, Edit.BROKEN,
            Edit.GOOD, Edit.FAILS_SCENARIOS, Edit.BROKEN);

    @TempDir
    Path temp;

    @Test
    void twoThreadsDecideWithoutFailureOnlyWithAcceptedVersionsWhileTheRulesAreRewritten() throws Exception {
        RuleDir rules = new RuleDir(temp);
        BlockingQueue<ReloadEvent> events = new LinkedBlockingQueue<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> rejected = ConcurrentHashMap.newKeySet();
        // Each edit writes several files; on a loaded machine a reload may catch one half-written, so the versions
        // in between are reloaded too. What must hold: the live version is always the latest accepted one.
        java.util.concurrent.atomic.AtomicReference<String> latestAccepted = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> goodVersions = new ArrayList<>();
        List<String> badVersions = new ArrayList<>();
        // Six lenders: blocked under the good rules, only reviewed under the scenario-failing edit.
        BorrowerProfile.Builder b = BorrowerProfile.builder("LOAD-1", Segment.ORDINARY, "CN-BJ")
                .monthlyIncome("10000").creditLimit("50000").creditScore(700);
        for (int i = 1; i <= 6; i++) {
            b.loan(Loan.of("Lender " + i, "1000", "100"));
        }
        BorrowerProfile borrower = b.build();

        try (LiveRiskEngine engine = LiveRiskEngine.builder(rules.dir).settleTime(Duration.ofMillis(100))
                .listener(e -> {
                    if (e.kind() == ReloadEvent.Kind.ACCEPTED) {
                        accepted.add(e.version());
                        latestAccepted.set(e.version());
                    } else if (e.kind() == ReloadEvent.Kind.REJECTED && e.version() != null) {
                        rejected.add(e.version());
                    }
                    events.add(e);
                }).start()) {
            events.take();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong decisions = new AtomicLong();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Throwable> failures = new ArrayList<>();
            List<Thread> deciders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            var d = engine.evaluate(borrower, LiveRiskEngineTest.CONTEXT);
                            seen.add(d.rulesetVersion());
                            if (!d.restrictions().get(0).type().name().equals("BLOCK_NEW_BORROWING")) {
                                throw new AssertionError("a decision from a policy that failed its scenarios: " + d);
                            }
                            decisions.incrementAndGet();
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    }
                });
                thread.start();
                deciders.add(thread);
            }

            String lastGood = engine.liveVersion();
            int n = 0;
            for (Edit edit : EDITS) {
                rules.undoBrokenEdit();
                rules.undoScenarioFailingEdit();
                rules.harmlessEdit(++n);
                switch (edit) {
                    case BROKEN -> rules.brokenEdit();
                    case FAILS_SCENARIOS -> rules.scenarioFailingEdit();
                    case GOOD -> { }
                }
                String expected = rules.version();
                ReloadEvent event = awaitEventFor(events, expected);
                assertThat(event.kind()).as("edit %d (%s)", n, edit)
                        .isEqualTo(edit == Edit.GOOD ? ReloadEvent.Kind.ACCEPTED : ReloadEvent.Kind.REJECTED);
                (edit == Edit.GOOD ? goodVersions : badVersions).add(expected);
                lastGood = latestAccepted.get();
                assertThat(engine.liveVersion()).isEqualTo(lastGood);
            }

            running.set(false);
            for (Thread t : deciders) {
                t.join();
            }
            assertThat(failures).as("failed evaluations").isEmpty();
            assertThat(decisions.get()).isGreaterThan(100);
            assertThat(accepted).containsAll(goodVersions).doesNotContainAnyElementsOf(badVersions);
            assertThat(rejected).containsAll(badVersions).doesNotContainAnyElementsOf(goodVersions);
            assertThat(seen).as("versions that decided").isSubsetOf(accepted).doesNotContainAnyElementsOf(rejected);
            assertThat(engine.liveVersion()).isEqualTo(lastGood);
            assertThat(new HashSet<>(engine.history().stream().map(LiveVersion::version).toList())).isEqualTo(accepted);
        }
    }

    /** The event for the directory's content {@code version}, skipping any for intermediate states of a save. */
    private static ReloadEvent awaitEventFor(BlockingQueue<ReloadEvent> events, String version)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ReloadEvent e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && version.equals(e.version())) {
                return e;
            }
        }
        throw new AssertionError("no reload of version " + version + " within 60 s");
    }
}
