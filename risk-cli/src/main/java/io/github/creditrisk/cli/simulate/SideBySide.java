package io.github.creditrisk.cli.simulate;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.spi.Batches;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.cli.internal.LineReader;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.RiskJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The work of one worker thread: reads a batch of portfolio lines once and decides its borrowers under the
 * baseline and under the candidate (a batch at a time, the engine's fastest way), giving one
 * {@link Comparison} per non-blank line, in input order.
 *
 * <p>Thread-safe (engines are); ids repeated across batches are left to the caller, which sees every line.
 */
public final class SideBySide implements Function<List<LineReader.Line>, List<Comparison>> {

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

    @Override
    public List<Comparison> apply(List<LineReader.Line> lines) {
        Comparison[] results = new Comparison[lines.size()];
        List<BorrowerProfile> profiles = new ArrayList<>(lines.size());
        List<Integer> places = new ArrayList<>(lines.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineReader.Line line = lines.get(i);
            if (line.tooLong()) {
                results[i] = new Comparison.Rejected(line.number(), null, "line " + line.number() + ": is "
                        + line.length() + " characters long; the limit is " + json.limits().maxLineLength());
            } else if (!line.text().isBlank()) {
                BorrowerInput in = json.readBorrowerLine(line.text());
                if (in instanceof BorrowerInput.Rejected r) {
                    results[i] = new Comparison.Rejected(line.number(), r.borrowerId(),
                            "line " + line.number() + ": " + r.error());
                } else if (!ids.add(in.borrowerId())) {
                    results[i] = duplicate(line.number(), in.borrowerId());
                } else {
                    profiles.add(((BorrowerInput.Valid) in).profile());
                    places.add(i);
                }
            }
        }
        List<Evaluation> before = baseline.evaluateAll(profiles, baselineContext);
        // The same rules under the same signals answer the same question: decide once.
        List<Evaluation> after = candidate == baseline && candidateContext.equals(baselineContext)
                ? before : candidate.evaluateAll(profiles, candidateContext);
        for (int k = 0; k < profiles.size(); k++) {
            int i = places.get(k);
            results[i] = compare(lines.get(i).number(), profiles.get(k), before.get(k), after.get(k));
        }
        List<Comparison> out = new ArrayList<>(results.length);
        for (Comparison c : results) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
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

    /** The rejection of a line whose id appeared earlier in the portfolio. */
    static Comparison.Rejected duplicate(long line, String id) {
        return new Comparison.Rejected(line, id, "line " + line + ": " + Batches.repeated(id).error());
    }
}
