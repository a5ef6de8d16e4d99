package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.Decision;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.creditrisk.spring.autoconfigure.CreditRiskAutoConfigurationTest.CONTEXT;
import static io.github.creditrisk.spring.autoconfigure.CreditRiskAutoConfigurationTest.OVERBORROWED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@DisplayName("Evaluations become spans where the application traces")
class TracingTest {

    @Test
    void anEvaluationIsOneSpanWithItsOutcomeAndVersionAndNoBorrowerDataUnlessAsked() {
        SimpleTracer tracer = new SimpleTracer();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        try (RiskEngine engine = new ObservedRiskEngine(RiskEngines.create(), registry, false)) {
            Decision decision = engine.evaluate(OVERBORROWED, CONTEXT);
            engine.evaluateAll(List.of(OVERBORROWED), CONTEXT);

            List<FinishedSpan> spans = tracer.getSpans().stream().map(s -> (FinishedSpan) s).toList();
            assertThat(spans).extracting(FinishedSpan::getName)
                    .containsExactly("creditrisk evaluate", "creditrisk evaluate batch");
            assertThat(spans.get(0).getTags()).containsOnly(
                    entry(ObservedRiskEngine.OUTCOME, decision.outcome().name()),
                    entry(ObservedRiskEngine.VERSION, decision.rulesetVersion()));
            assertThat(spans.get(1).getTags()).containsEntry(ObservedRiskEngine.BATCH_SIZE, "1")
                    .containsEntry(ObservedRiskEngine.VERSION, decision.rulesetVersion());
        }
    }
}
