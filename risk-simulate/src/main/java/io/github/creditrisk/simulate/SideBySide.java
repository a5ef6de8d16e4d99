package io.github.creditrisk.simulate;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides a batch of portfolio entries under the baseline and under the candidate (a batch at a time, the
 * engine's fastest way), giving one {@link Comparison} per entry, in order. The same rules under the same
 * signals answer the same question, so they decide once.
 *
 * <p>Thread-safe (engines are). An id repeated within a batch is rejected here; ids repeated across batches
 * are left to the caller, which sees every line ({@link Comparison#repeated}).
 */
public final class SideBySide {

    /**
     * One entry of a portfolio: its line (counting from 1) and what was read there.
     *
     * @param line  the line's number
     * @param input the borrower read from it, or why it could not be read
     */
    public record Entry(long line, BorrowerInput input) {

        public Entry {
            Objects.requireNonNull(input, "input");
        }
    }

    private final RiskJson json;
    private final RiskEngine baseline;
    private final EvaluationContext baselineContext;
    private final RiskEngine candidate;
    private final EvaluationContext candidateContext;

    public SideBySide(RiskJson json, RiskEngine baseline, EvaluationContext baselineContext,
                      RiskEngine candidate, EvaluationContext candidateContext) {
        this.json = Objects.requireNonNull(json, "json");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.baselineContext = Objects.requireNonNull(baselineContext, "baselineContext");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.candidateContext = Objects.requireNonNull(candidateContext, "candidateContext");
    }

    /** The entry of a line's text, or {@code null} for a blank line, which is not a borrower. */
    public @Nullable Entry read(long line, String text) {
        if (text.length() > json.limits().maxLineLength()) {
            return tooLong(line, text.length());
        }
        return text.isBlank() ? null : new Entry(line, json.readBorrowerLine(text));
    }

    /** The entry of a line longer than the JSON limits allow, whose text was not kept. */
    public Entry tooLong(long line, long length) {
        return new Entry(line, new BorrowerInput.Rejected(null, "is " + length
                + " characters long; the limit is " + json.limits().maxLineLength()));
    }

    /** The comparisons of {@code entries}, one each, in order. */
    public List<Comparison> compare(List<Entry> entries) {
        Comparison[] results = new Comparison[entries.size()];
        List<BorrowerProfile> profiles = new ArrayList<>(entries.size());
        List<Integer> places = new ArrayList<>(entries.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            BorrowerInput in = entry.input();
            if (in instanceof BorrowerInput.Rejected r) {
                results[i] = new Comparison.Rejected(entry.line(), r.borrowerId(),
                        "line " + entry.line() + ": " + r.error());
            } else if (!ids.add(in.borrowerId())) {
                results[i] = Comparison.repeated(entry.line(), in.borrowerId());
            } else {
                profiles.add(((BorrowerInput.Valid) in).profile());
                places.add(i);
            }
        }
        List<Evaluation> before = baseline.evaluateAll(profiles, baselineContext);
        List<Evaluation> after = candidate == baseline && candidateContext.equals(baselineContext)
                ? before : candidate.evaluateAll(profiles, candidateContext);
        for (int k = 0; k < profiles.size(); k++) {
            int i = places.get(k);
            results[i] = compare(entries.get(i).line(), profiles.get(k), before.get(k), after.get(k));
        }
        return List.of(results);
    }

    private static Comparison compare(long line, BorrowerProfile borrower, Evaluation before, Evaluation after) {
        if (before instanceof Evaluation.Failed f) {
            return new Comparison.Rejected(line, borrower.id(), "line " + line + ": baseline rules: " + f.error());
        }
        if (after instanceof Evaluation.Failed f) {
            return new Comparison.Rejected(line, borrower.id(), "line " + line + ": candidate rules: " + f.error());
        }
        return Comparison.Compared.of(line, borrower, ((Evaluation.Decided) before).decision(),
                ((Evaluation.Decided) after).decision());
    }
}
