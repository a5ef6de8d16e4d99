package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.live.LiveRiskEngine;
import io.github.creditrisk.live.LiveVersion;
import io.github.creditrisk.live.ReloadEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The actuator endpoint {@code creditrisk}: reading it shows the version serving, what it is made of, which
 * versions were live and when, and the last rejected edit with its problems; writing to it rolls back to the
 * version live before the current one (a live engine only).
 */
@Endpoint(id = "creditrisk")
public class CreditRiskEndpoint {

    private final RiskEngine engine;

    public CreditRiskEndpoint(RiskEngine engine) {
        this.engine = engine;
    }

    /**
     * The rules serving now.
     *
     * @param version      the version serving; {@code null} while none has gone live
     * @param source       where the rules come from: a directory, or the bundled rules
     * @param watching     whether edits of the directory go live
     * @param rules        the rules' full names, sorted
     * @param files        the rule set's files
     * @param history      every period a version was live, oldest first (a live engine only)
     * @param lastRejected the last rejected edit, or {@code null}
     */
    public record RuleSetState(@Nullable String version, @Nullable String source, boolean watching,
                               List<String> rules, List<String> files, List<LiveVersion> history,
                               @Nullable Rejection lastRejected) {
    }

    /** A rejected edit: the candidate's version, when, and every problem it had. */
    public record Rejection(@Nullable String version, Instant at, List<String> problems) {
    }

    /** The result of a rollback: the version now live, and when. */
    public record Rollback(String version, Instant at) {
    }

    @ReadOperation
    public RuleSetState ruleSet() {
        Optional<LiveRiskEngine> live = EngineState.live(engine);
        Rejection rejected = live.flatMap(LiveRiskEngine::lastRejected)
                .map(r -> new Rejection(r.version(), r.at(), r.problems())).orElse(null);
        List<LiveVersion> history = live.map(LiveRiskEngine::history).orElse(List.of());
        RuleSetInfo info;
        try {
            info = engine.ruleSet(); // one read: the version and its rules always belong together
        } catch (RiskException e) {
            // no rules live yet (a live engine waiting for rules), or the engine is closed
            return new RuleSetState(null, live.map(l -> l.directory().toString()).orElse(null), live.isPresent(),
                    List.of(), List.of(), history, rejected);
        }
        return new RuleSetState(info.version(), info.source(), live.isPresent(), info.ruleNames(), info.files(),
                history, rejected);
    }

    @WriteOperation
    public Rollback rollback() {
        LiveRiskEngine live = EngineState.live(engine).orElseThrow(() -> new InvalidEndpointRequestException(
                "the rules are not followed live, so there is nothing to roll back",
                "the rules are not followed live (set creditrisk.rules.directory and creditrisk.rules.watch)"));
        try {
            ReloadEvent event = live.rollback();
            return new Rollback(event.live(), event.at());
        } catch (RiskException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }
}
