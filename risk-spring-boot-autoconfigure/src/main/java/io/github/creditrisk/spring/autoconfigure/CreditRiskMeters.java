package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.live.ReloadEvent;
import io.github.creditrisk.live.ReloadListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The engine's counters, counted from the observations of evaluations and batches as they stop, and from
 * reloads; the version serving as an info gauge. Every name starts with {@code creditrisk.}:
 * <ul>
 *   <li>{@value #DECISIONS}{@code {outcome}}: borrowers decided;</li>
 *   <li>{@value #RESTRICTIONS}{@code {family,type}}: restrictions imposed;</li>
 *   <li>{@value #EXEMPTIONS}{@code {family}}: exemptions granted;</li>
 *   <li>{@value #FAILURES}: borrowers the engine gave no decision (their rules failed, or their id repeated
 *       an earlier one in a batch);</li>
 *   <li>{@value #REJECTED}: inputs the HTTP endpoint could not read;</li>
 *   <li>{@value #RELOADS}{@code {result}}: attempts to change live rules, by {@code accepted},
 *       {@code rejected}, {@code unchanged}, {@code rolled_back};</li>
 *   <li>{@value #RULESET}{@code {version}}: 1 for the version serving now.</li>
 * </ul>
 * Thread-safe.
 */
public final class CreditRiskMeters implements ObservationHandler<Observation.Context>, ReloadListener,
        InputRejections {

    public static final String DECISIONS = "creditrisk.decisions";
    public static final String RESTRICTIONS = "creditrisk.restrictions";
    public static final String EXEMPTIONS = "creditrisk.exemptions";
    public static final String FAILURES = "creditrisk.failures";
    public static final String REJECTED = "creditrisk.inputs.rejected";
    public static final String RELOADS = "creditrisk.reloads";
    public static final String RULESET = "creditrisk.ruleset.info";

    private final MeterRegistry registry;
    private final Counter failures;
    private final Counter rejected;
    private final MultiGauge ruleset;

    public CreditRiskMeters(MeterRegistry registry) {
        this.registry = registry;
        this.failures = Counter.builder(FAILURES).description("Borrowers the engine gave no decision")
                .register(registry);
        this.rejected = Counter.builder(REJECTED).description("Inputs the HTTP endpoint could not read")
                .register(registry);
        this.ruleset = MultiGauge.builder(RULESET).description("1 for the rule set version serving now")
                .register(registry);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof EvaluationObservationContext || context instanceof BatchObservationContext;
    }

    @Override
    public void onStop(Observation.Context context) {
        if (context instanceof EvaluationObservationContext evaluation) {
            if (evaluation.getDecision() != null) {
                decided(evaluation.getDecision());
            } else {
                failures.increment();
            }
        } else if (context instanceof BatchObservationContext batch) {
            for (Evaluation e : batch.getEvaluations()) {
                if (e instanceof Evaluation.Decided d) {
                    decided(d.decision());
                } else {
                    failures.increment();
                }
            }
        }
    }

    private void decided(Decision decision) {
        Counter.builder(DECISIONS).description("Borrowers decided").tag(ObservedRiskEngine.OUTCOME,
                decision.outcome().name()).register(registry).increment();
        for (Restriction r : decision.restrictions()) {
            Counter.builder(RESTRICTIONS).description("Restrictions imposed")
                    .tags("family", r.family(), "type", r.type().name()).register(registry).increment();
        }
        for (Exemption e : decision.exemptions()) {
            Counter.builder(EXEMPTIONS).description("Exemptions granted").tag("family", e.family())
                    .register(registry).increment();
        }
    }

    @Override
    public void onReload(ReloadEvent event) {
        Counter.builder(RELOADS).description("Attempts to change the live rules")
                .tag("result", event.kind().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        serving(event.live());
    }

    @Override
    public void rejected() {
        rejected.increment();
    }

    /** Makes {@code version} the one the info gauge shows; none when {@code null}. */
    void serving(@Nullable String version) {
        ruleset.register(version == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }
}
