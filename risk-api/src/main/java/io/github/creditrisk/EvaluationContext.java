package io.github.creditrisk;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Everything an evaluation depends on besides the borrower: the evaluation date, the signals in force,
 * the language of reasons and notices, and whether to work out what lifts each restriction. Rules never read
 * the clock: {@code asOf} is the only "today".
 *
 * <p>Engines may prepare a context once (for example index the signals) and reuse it for every borrower
 * evaluated with an equal context, so build one context per batch rather than one per borrower.
 *
 * @param asOf     the evaluation date; every date comparison in the rules uses it
 * @param signals  every known signal, active or not; the engine decides which apply
 * @param language the language of reasons and notices
 * @param recourse whether each restriction also says what would lift it ({@link Restriction#lift()}) and the
 *                 notice names the principal reasons with the simplest way to lift each; off by default
 */
public record EvaluationContext(LocalDate asOf, List<Signal> signals, Language language, boolean recourse) {

    public EvaluationContext {
        Checks.required(asOf, "asOf");
        signals = Checks.listOf(signals, "signals");
        Checks.required(language, "language");
    }

    /** A context without recourse. */
    public EvaluationContext(LocalDate asOf, List<Signal> signals, Language language) {
        this(asOf, signals, language, false);
    }

    /** A context in English. */
    public static EvaluationContext of(LocalDate asOf, Collection<? extends Signal> signals) {
        return new EvaluationContext(asOf, List.copyOf(signals), Language.EN);
    }

    /** A context in English without signals. */
    public static EvaluationContext of(LocalDate asOf) {
        return new EvaluationContext(asOf, List.of(), Language.EN);
    }

    /** The same context with reasons and notices in {@code language}. */
    public EvaluationContext in(Language language) {
        return new EvaluationContext(asOf, signals, language, recourse);
    }

    /** The same context, working out what lifts each restriction ({@code true}) or not. */
    public EvaluationContext withRecourse(boolean recourse) {
        return recourse == this.recourse ? this : new EvaluationContext(asOf, signals, language, recourse);
    }
}
