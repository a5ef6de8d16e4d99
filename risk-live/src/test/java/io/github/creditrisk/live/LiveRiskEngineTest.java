package io.github.creditrisk.live;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Live rule updates")
class LiveRiskEngineTest {

    static final EvaluationContext CONTEXT = EvaluationContext.of(LocalDate.of(2026, 11, 1));
    static final BorrowerProfile BORROWER = BorrowerProfile.builder("B-1", Segment.ORDINARY, "CN-BJ")
            .monthlyIncome("10000").creditLimit("50000").creditScore(700).build();

    @TempDir
    Path temp;

    private LiveRiskEngine manual(RuleDir rules, BlockingQueue<ReloadEvent> events) {
        return LiveRiskEngine.builder(rules.dir).watching(false).listener(events::add).start();
    }

    @Test
    void startsWithTheDirectorysRulesAndDecisionsNameTheirVersion() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            assertThat(engine.liveVersion()).isEqualTo(rules.version());
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(rules.version());
            assertThat(engine.history()).singleElement().satisfies(v -> {
                assertThat(v.how()).isEqualTo(LiveVersion.How.STARTED);
                assertThat(v.liveUntil()).isNull();
            });
        }
    }

    @Test
    void aDirectoryThatDoesNotCompileCannotStart() {
        RuleDir rules = new RuleDir(temp);
        rules.brokenEdit();

        assertThatThrownBy(() -> LiveRiskEngine.watch(rules.dir)).isInstanceOf(RiskException.class)
                .hasMessageContaining("broken.drl:4:");
    }

    @Test
    void anEngineThatWaitsForRulesStartsWithNoneLiveRefusesToDecideAndGoesLiveWithTheFirstGoodEdit() {
        RuleDir rules = new RuleDir(temp);
        rules.brokenEdit();
        try (LiveRiskEngine engine = LiveRiskEngine.builder(rules.dir).watching(false).waitForRules(true).start()) {
            assertThat(engine.liveVersion()).isNull();
            assertThat(engine.history()).isEmpty();
            assertThat(engine.lastRejected()).hasValueSatisfying(r -> {
                assertThat(r.live()).isNull();
                assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("broken.drl:4: "));
            });
            assertThatThrownBy(() -> engine.evaluate(BORROWER, CONTEXT)).isInstanceOf(RiskException.class)
                    .hasMessageContaining("no rules from " + rules.dir + " are live yet; they were rejected:"
                            + " broken.drl:4:");
            assertThatThrownBy(engine::rollback).isInstanceOf(RiskException.class)
                    .hasMessageContaining("nothing to roll back to");

            rules.undoBrokenEdit();
            ReloadEvent event = engine.reloadNow();

            assertThat(event.kind()).isEqualTo(ReloadEvent.Kind.ACCEPTED);
            assertThat(engine.liveVersion()).isEqualTo(rules.version());
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(rules.version());
            assertThat(engine.history()).singleElement().extracting(LiveVersion::how)
                    .isEqualTo(LiveVersion.How.RELOADED);
        }
    }

    @Test
    void theLastRejectedEditIsKeptWithItsProblems() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            assertThat(engine.lastRejected()).isEmpty();
            rules.scenarioFailingEdit();
            ReloadEvent rejected = engine.reloadNow();
            rules.undoScenarioFailingEdit();
            engine.reloadNow();

            assertThat(engine.lastRejected()).containsSame(rejected);
        }
    }

    @Test
    void anAcceptedEditGoesLive() {
        RuleDir rules = new RuleDir(temp);
        BlockingQueue<ReloadEvent> events = new LinkedBlockingQueue<>();
        try (LiveRiskEngine engine = manual(rules, events)) {
            String before = engine.liveVersion();
            rules.harmlessEdit(1);

            ReloadEvent event = engine.reloadNow();

            assertThat(event.kind()).isEqualTo(ReloadEvent.Kind.ACCEPTED);
            assertThat(event.version()).isEqualTo(rules.version()).isNotEqualTo(before);
            assertThat(event.scenarios().passed()).isTrue();
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(rules.version());
            assertThat(events).extracting(ReloadEvent::kind)
                    .containsExactly(ReloadEvent.Kind.ACCEPTED, ReloadEvent.Kind.ACCEPTED);
        }
    }

    @Test
    void anEditThatDoesNotCompileIsRejectedWithEveryErrorAndThePreviousVersionKeepsServing() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            String before = engine.liveVersion();
            rules.brokenEdit();

            ReloadEvent event = engine.reloadNow();

            assertThat(event.kind()).isEqualTo(ReloadEvent.Kind.REJECTED);
            assertThat(event.version()).isEqualTo(rules.version());
            assertThat(event.live()).isEqualTo(before);
            assertThat(event.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("broken.drl:4: "));
            assertThat(event.problems().get(0)).contains("no viable alternative at input ')'");
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(before);
        }
    }

    @Test
    void anEditThatFailsAScenarioIsRejectedNamingTheScenario() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            String before = engine.liveVersion();
            rules.scenarioFailingEdit();

            ReloadEvent event = engine.reloadNow();

            assertThat(event.kind()).isEqualTo(ReloadEvent.Kind.REJECTED);
            assertThat(event.problems()).contains("  OVB-6-LENDERS: outcome: expected RESTRICT, got REVIEW")
                    .anySatisfy(p -> assertThat(p).startsWith("scenario failed: OVERBORROWING"));
            assertThat(engine.liveVersion()).isEqualTo(before);
        }
    }

    @Test
    void savingWithoutChangingTheRulesChangesNothing() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            rules.write("overborrowing.drl", rules.read("overborrowing.drl"));

            assertThat(engine.reloadNow().kind()).isEqualTo(ReloadEvent.Kind.UNCHANGED);
            assertThat(engine.history()).hasSize(1);
        }
    }

    @Test
    void theHistoryTellsWhichVersionsWereLiveAndRollbackRestoresThePreviousOne() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            String first = engine.liveVersion();
            rules.harmlessEdit(1);
            String second = engine.reloadNow().version();

            ReloadEvent back = engine.rollback();

            assertThat(back.kind()).isEqualTo(ReloadEvent.Kind.ROLLED_BACK);
            assertThat(engine.liveVersion()).isEqualTo(first);
            assertThat(engine.evaluate(BORROWER, CONTEXT).rulesetVersion()).isEqualTo(first);
            List<LiveVersion> history = engine.history();
            assertThat(history).extracting(LiveVersion::version).containsExactly(first, second, first);
            assertThat(history).extracting(LiveVersion::how).containsExactly(LiveVersion.How.STARTED,
                    LiveVersion.How.RELOADED, LiveVersion.How.ROLLED_BACK);
            assertThat(history.get(0).liveUntil()).isEqualTo(history.get(1).liveFrom());
            assertThat(history.get(2).liveUntil()).isNull();
        }
    }

    @Test
    void withNothingEarlierThereIsNothingToRollBackTo() {
        RuleDir rules = new RuleDir(temp);
        try (LiveRiskEngine engine = manual(rules, new LinkedBlockingQueue<>())) {
            assertThatThrownBy(engine::rollback).isInstanceOf(RiskException.class)
                    .hasMessageContaining("no earlier version");
        }
    }

    @Test
    void theWatcherReloadsOnceAnEditSettles() throws InterruptedException {
        RuleDir rules = new RuleDir(temp);
        BlockingQueue<ReloadEvent> events = new LinkedBlockingQueue<>();
        try (LiveRiskEngine engine = LiveRiskEngine.builder(rules.dir).settleTime(Duration.ofMillis(100))
                .listener(events::add).start()) {
            events.take(); // the start
            rules.harmlessEdit(7);

            ReloadEvent event = events.poll(30, TimeUnit.SECONDS);

            assertThat(event).isNotNull();
            assertThat(event.kind()).isEqualTo(ReloadEvent.Kind.ACCEPTED);
            assertThat(engine.liveVersion()).isEqualTo(rules.version());
        }
    }
}
