package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Signal;

import java.util.List;

/** Evaluates with the bundled rules on {@link Signals#AS_OF}, and describes decisions for assertions. */
final class Decisions {

    private Decisions() {
    }

    static Decision decide(BorrowerProfile borrower, Signal... signals) {
        return Engines.BUNDLED.evaluate(borrower, EvaluationContext.of(Signals.AS_OF, List.of(signals)));
    }

    /** The restrictions as {@code FAMILY TYPE [percent]} strings, in decision order. */
    static List<String> restrictions(Decision decision) {
        return decision.restrictions().stream().map(Decisions::describe).toList();
    }

    /** The restrictions of one family, as {@code TYPE [percent]} strings. */
    static List<String> restrictionsOf(Decision decision, String family) {
        return decision.restrictions().stream().filter(r -> r.family().equals(family))
                .map(r -> r.type() + (r.reductionPercent() == null ? "" : " " + r.reductionPercent())).toList();
    }

    /** The ids of the rules that imposed restrictions. */
    static List<String> rules(Decision decision) {
        return decision.restrictions().stream().map(Restriction::rule).distinct().sorted().toList();
    }

    static String describe(Restriction r) {
        return r.family() + " " + r.type() + (r.reductionPercent() == null ? "" : " " + r.reductionPercent());
    }
}
