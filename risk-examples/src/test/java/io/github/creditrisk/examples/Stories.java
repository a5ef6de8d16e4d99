package io.github.creditrisk.examples;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;

import java.util.List;
import java.util.Map;

/** Decides walkthroughs with the engine found on the class path, once per test run. */
final class Stories {

    private static final RiskEngine ENGINE = RiskEngines.create();

    private Stories() {
    }

    static Map<String, Decision> decide(Walkthrough w) {
        return w.decide(ENGINE, Language.EN);
    }

    /** A decision's restrictions as {@code FAMILY TYPE [percent]}, in decision order. */
    static List<String> restrictions(Decision d) {
        return d.restrictions().stream()
                .map(r -> r.family() + " " + r.type() + (r.reductionPercent() == null ? "" : " " + r.reductionPercent()))
                .toList();
    }
}
