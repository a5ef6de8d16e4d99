package io.github.creditrisk.examples;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.Signal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One story told step by step: the situation, the borrowers it involves, the signals in force, and what the
 * rules decide for each. Subclasses say who and what; {@link Narrator} tells it.
 */
abstract class Walkthrough {

    /** The evaluation date of every walkthrough. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** A borrower in the story, introduced in a few words. */
    record Character(Text who, BorrowerProfile profile) {
    }

    abstract Text title();

    /** The situation, in a few sentences. */
    abstract Text story();

    abstract List<Signal> signals();

    abstract List<Character> cast();

    /** What the story shows, said once the decisions are known. */
    abstract Text moral();

    /**
     * Decides every borrower of the story, in order, with reasons in {@code language} and the ways that lift each
     * restriction.
     */
    final Map<String, Decision> decide(RiskEngine engine, Language language) {
        EvaluationContext context = new EvaluationContext(AS_OF, signals(), language, true);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Character c : cast()) {
            decisions.put(c.profile().id(), engine.evaluate(c.profile(), context));
        }
        return decisions;
    }

    /** Runs this walkthrough alone, as its own program (same options as {@link Walkthroughs}). */
    static void runAlone(Walkthrough walkthrough, String[] args) {
        Walkthroughs.run(List.of(walkthrough), args, System.out);
    }
}
