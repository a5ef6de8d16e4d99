package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.live.LiveRiskEngine;
import io.github.creditrisk.live.ReloadEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Optional;

/**
 * The health of the engine, as {@code creditrisk}: UP with the version serving, its source and how many rules and
 * files it has; DOWN when no rule set has gone live (a watched directory whose rules were rejected at start, with
 * the problems) or the engine is closed.
 */
public class CreditRiskHealthIndicator implements HealthIndicator {

    private final RiskEngine engine;

    public CreditRiskHealthIndicator(RiskEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        Optional<LiveRiskEngine> live = EngineState.live(engine);
        if (live.isPresent() && live.get().liveVersion() == null) {
            Health.Builder down = Health.down().withDetail("reason", "no rule set has gone live");
            live.get().lastRejected().map(ReloadEvent::problems)
                    .ifPresent(problems -> down.withDetail("problems", problems));
            return down.build();
        }
        RuleSetInfo info;
        try {
            info = engine.ruleSet();
        } catch (RiskException e) {
            return Health.down().withDetail("reason", e.getMessage()).build();
        }
        Health.Builder up = Health.up()
                .withDetail("version", info.version())
                .withDetail("source", info.source())
                .withDetail("rules", info.rules().size())
                .withDetail("files", info.files().size())
                .withDetail("watching", live.isPresent());
        live.flatMap(LiveRiskEngine::lastRejected)
                .ifPresent(r -> up.withDetail("lastRejected", r.at().toString()));
        return up.build();
    }
}
