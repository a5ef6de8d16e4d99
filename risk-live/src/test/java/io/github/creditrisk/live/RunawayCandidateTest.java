package io.github.creditrisk.live;

import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.github.creditrisk.live.LiveRiskEngineTest.BORROWER;
import static io.github.creditrisk.live.LiveRiskEngineTest.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Live rule updates: candidates whose rules run away")
class RunawayCandidateTest {

    /** About 3 to 5 s of CPU inside one consequence, where neither the time budget nor an interrupt can stop it. */
    static final String SPINNING_RULE = """
            package policy;
            rule "ZZZ-1 Spin"
            when
                $b : io.github.creditrisk.drools.facts.Borrower( )
            then
                java.math.BigInteger.valueOf(7).pow(6_000_000);
            end
            """;

    static final String OVERFLOWING_RULE = """
            package policy;
            rule "ZZZ-2 Overflow"
            when
                $b : io.github.creditrisk.drools.facts.Borrower( )
            then
                throw new StackOverflowError();
            end
            """;

    /** A budget of 200 ms: the gate gives up on a case after 1.2 s. */
    static final EngineSettings TIGHT = EngineSettings.defaults().withTimeBudget(Duration.ofMillis(200));

    @TempDir
    Path temp;

    @Test
    void aCandidateSpinningInsideOneRuleIsRejectedAsTooLongWhileDecidingGoesOnAndTheRepairGoesLive()
            throws InterruptedException {
        RuleDir rules = new RuleDir(temp);
        BlockingQueue<ReloadEvent> events = new LinkedBlockingQueue<>();
        try (LiveRiskEngine engine = LiveRiskEngine.builder(rules.dir).settings(TIGHT)
                .settleTime(Duration.ofMillis(100)).listener(events::add).start()) {
            String before = events.take().version();

            rules.write("spin.drl", SPINNING_RULE);
            String spinning = rules.version();
            ReloadEvent rejected = null;
            long slowestNanos = 0;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (rejected == null && System.nanoTime() < giveUp) {
                long start = System.nanoTime();
                Decision decision = engine.evaluate(BORROWER, CONTEXT);
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                assertThat(decision.rulesetVersion()).isEqualTo(before);
                rejected = events.poll(20, TimeUnit.MILLISECONDS);
            }

            assertThat(rejected).isNotNull();
            assertThat(rejected.kind()).isEqualTo(ReloadEvent.Kind.REJECTED);
            assertThat(rejected.version()).isEqualTo(spinning);
            assertThat(rejected.live()).isEqualTo(before);
            assertThat(rejected.problems()).singleElement().asString().startsWith("scenario \"")
                    .contains("the rules ran past their time budget (200 ms) inside one rule's code and could not"
                            + " be stopped")
                    .endsWith("version " + spinning + " rejected");
            assertThat(rejected.took()).isLessThan(Duration.ofSeconds(30));
            assertThat(Duration.ofNanos(slowestNanos)).isLessThan(Duration.ofSeconds(1));
            assertThat(gateThreads()).as("the abandoned check still spins").isNotEmpty();

            rules.delete("spin.drl");
            rules.harmlessEdit(1);
            String repaired = rules.version();
            ReloadEvent accepted = null;
            while (accepted == null && System.nanoTime() < giveUp) {
                ReloadEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && e.kind() == ReloadEvent.Kind.ACCEPTED) {
                    accepted = e;
                }
            }

            assertThat(accepted).isNotNull();
            assertThat(accepted.version()).isEqualTo(repaired);
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(repaired);
        }
        for (Thread abandoned : gateThreads()) {
            abandoned.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(abandoned.isAlive()).as("the abandoned check ends by itself").isFalse();
        }
    }

    @Test
    void aCandidateThrowingAStackOverflowErrorIsRejectedNamingItAndTheReloaderKeepsWorking() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = LiveRiskEngine.builder(rules.dir).watching(false).start()) {
            String before = engine.liveVersion();
            rules.write("overflow.drl", OVERFLOWING_RULE);

            ReloadEvent rejected = engine.reloadNow();

            assertThat(rejected.kind()).isEqualTo(ReloadEvent.Kind.REJECTED);
            // the engine turns the error into a failed evaluation of each borrower, so the scenarios fail naming it
            assertThat(rejected.problems()).anySatisfy(p -> assertThat(p).startsWith("scenario failed: "))
                    .anySatisfy(p -> assertThat(p).contains("they ran out of stack (StackOverflowError)"));
            assertThat(engine.liveVersion()).isEqualTo(before);

            rules.delete("overflow.drl");
            rules.harmlessEdit(1);
            ReloadEvent accepted = engine.reloadNow();

            assertThat(accepted.kind()).isEqualTo(ReloadEvent.Kind.ACCEPTED);
            assertThat(engine.liveVersion()).isEqualTo(rules.version());
        }
    }

    private static List<Thread> gateThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("risk-rules-gate")).toList();
    }
}
