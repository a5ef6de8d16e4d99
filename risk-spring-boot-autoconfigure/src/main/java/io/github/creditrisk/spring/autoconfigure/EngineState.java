package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.live.LiveRiskEngine;

import java.util.Optional;

/** What the health indicator, the endpoint and the meters read of an engine, observed or not. */
final class EngineState {

    private EngineState() {
    }

    /** The engine inside the observation, or the engine itself. */
    static RiskEngine unwrap(RiskEngine engine) {
        return engine instanceof ObservedRiskEngine observed ? observed.engine() : engine;
    }

    /** The live engine, when the rules follow a directory. */
    static Optional<LiveRiskEngine> live(RiskEngine engine) {
        return unwrap(engine) instanceof LiveRiskEngine live ? Optional.of(live) : Optional.empty();
    }

    /** The version serving now; empty while none does (a live engine waiting for rules, or a closed one). */
    static Optional<String> version(RiskEngine engine) {
        Optional<LiveRiskEngine> live = live(engine);
        if (live.isPresent()) {
            return Optional.ofNullable(live.get().liveVersion());
        }
        try {
            return Optional.of(engine.ruleSet().version());
        } catch (RiskException e) {
            return Optional.empty();
        }
    }
}
