package io.github.creditrisk.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.RiskJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The counters count what the engine decided")
class CreditRiskMetersTest {

    @Test
    void decisionsRestrictionsExemptionsAndFailuresOfABatchAreCountedAsTheScenarioExpectsThem() throws Exception {
        JsonNode scenario = new ObjectMapper().readTree(Files.readString(
                RuleDirectory.SOURCE.resolve("scenarios/delinquency.scenario.json")));
        ObjectNode file = new ObjectMapper().createObjectNode();
        file.set("asOf", scenario.get("asOf"));
        file.set("signals", scenario.get("signals"));
        file.set("borrowers", scenario.get("borrowers"));
        CaseFile cases = RiskJson.create().readCaseFile(file.toString());
        List<BorrowerProfile> borrowers = new ArrayList<>(cases.validBorrowers());
        borrowers.add(borrowers.get(0)); // a repeated id: no decision for it

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CreditRiskMeters counters = new CreditRiskMeters(meters);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(counters);
        try (RiskEngine engine = new ObservedRiskEngine(RiskEngines.create(), observations, false)) {
            engine.evaluateAll(borrowers, new EvaluationContext(cases.asOf(), cases.signals(),
                    Language.EN, false));
            counters.serving(engine.ruleSet().version());
        }

        Map<String, Integer> outcomes = new HashMap<>();
        Map<String, Integer> restrictions = new HashMap<>();
        int exemptions = 0;
        for (JsonNode expected : (Iterable<JsonNode>) () -> scenario.get("expect").elements()) {
            outcomes.merge(expected.get("outcome").asText(), 1, Integer::sum);
            for (JsonNode r : expected.get("restrictions")) {
                restrictions.merge(r.asText(), 1, Integer::sum);
            }
            exemptions += expected.get("exemptions").size();
        }
        outcomes.forEach((outcome, n) -> assertThat(meters.get(CreditRiskMeters.DECISIONS).tag("outcome", outcome)
                .counter().count()).as(outcome).isEqualTo(n.doubleValue()));
        restrictions.forEach((familyAndType, n) -> {
            String[] parts = familyAndType.split(" ");
            assertThat(meters.get(CreditRiskMeters.RESTRICTIONS).tag("family", parts[0]).tag("type", parts[1])
                    .counter().count()).as(familyAndType).isEqualTo(n.doubleValue());
        });
        assertThat(exemptions).isPositive();
        assertThat(meters.get(CreditRiskMeters.EXEMPTIONS).tag("family", "DELINQUENCY").counter().count())
                .isEqualTo((double) exemptions);
        assertThat(meters.get(CreditRiskMeters.FAILURES).counter().count()).isEqualTo(1.0);
        assertThat(meters.get(CreditRiskMeters.RULESET).gauges()).singleElement()
                .satisfies(g -> assertThat(g.getId().getTag("version")).isNotBlank());
    }
}
