package io.github.creditrisk.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.spring.testapp.TestApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a running application on a random port: health, the endpoint, Prometheus output, the HTTP
 * endpoint, and a live reload and a rollback seen through the endpoint.
 */
@DisplayName("The starter in a running web application")
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "creditrisk.http.enabled=true",
            "creditrisk.rules.settle-time=100ms",
            "management.endpoints.web.exposure.include=health,creditrisk,prometheus",
            "management.endpoint.health.show-details=always",
        })
class CreditRiskApplicationTest {

    static final String PROFILE = """
            {"id":"B-7","segment":"ORDINARY","region":"CN-BJ","monthlyIncome":1000,"creditLimit":50000,
             "creditScore":700,"loans":[
              {"lender":"a","outstanding":1000,"monthlyPayment":100},{"lender":"b","outstanding":1000,"monthlyPayment":100},
              {"lender":"c","outstanding":1000,"monthlyPayment":100},{"lender":"d","outstanding":1000,"monthlyPayment":100},
              {"lender":"e","outstanding":1000,"monthlyPayment":100},{"lender":"f","outstanding":1000,"monthlyPayment":100},
              {"lender":"g","outstanding":1000,"monthlyPayment":100}]}""";

    @TempDir
    static Path temp;

    static Path rules;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        rules = RuleDirectory.copyInto(temp.resolve("rules"));
        registry.add("creditrisk.rules.directory", rules::toString);
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    @Test
    void healthIsUpWithTheLiveVersion() throws Exception {
        HttpResponse<String> response = get("/actuator/health/creditrisk");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("version").asText()).isEqualTo(liveVersion());
        assertThat(health.path("details").path("rules").asInt()).isPositive();
        assertThat(health.path("details").path("files").asInt()).isPositive();
        assertThat(health.path("details").path("watching").asBoolean()).isTrue();
    }

    @Test
    void aPostedProfileIsDecidedAndCountedInPrometheus() throws Exception {
        HttpResponse<String> response = post("/creditrisk/decisions?asOf=2026-11-01&lang=ZH", PROFILE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode decision = json(response);
        assertThat(decision.path("borrowerId").asText()).isEqualTo("B-7");
        assertThat(decision.path("outcome").asText()).isEqualTo("RESTRICT");
        assertThat(decision.path("restrictions").get(0).path("reason").asText()).containsPattern("\\p{IsHan}");

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("(?m)^creditrisk_decisions_total\\{outcome=\"RESTRICT\"\\} [1-9]")
                .containsPattern("(?m)^creditrisk_restrictions_total\\{family=\"OVERBORROWING\",type=\"[A-Z_]+\"\\} [1-9]")
                .containsPattern("(?m)^creditrisk_evaluation_seconds_count\\{error=\"none\",outcome=\"RESTRICT\"\\} [1-9]")
                .containsPattern("(?m)^creditrisk_ruleset_info\\{version=\"" + liveVersion() + "\"\\} 1");
    }

    @Test
    void badInputIsAnsweredWithTheContractsErrorLineNamingTheFieldAndCounted() throws Exception {
        HttpResponse<String> response = post("/creditrisk/decisions",
                PROFILE.replace("\"segment\":\"ORDINARY\"", "\"segment\":\"VIP\""));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.path("error").asText()).startsWith("segment: \"VIP\" is not a segment");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(post("/creditrisk/decisions?asOf=yesterday", PROFILE).body()).contains("asOf: ");

        assertThat(get("/actuator/prometheus").body())
                .containsPattern("(?m)^creditrisk_inputs_rejected_total [1-9]");
    }

    @Test
    void aCaseIsDecidedBorrowerByBorrowerWithBadOnesAsErrorLinesInTheirPlace() throws Exception {
        String body = "{\"asOf\":\"2026-11-01\",\"signals\":[],\"borrowers\":[" + PROFILE + ","
                + PROFILE.replace("\"creditScore\":700", "\"creditScore\":7000") + ","
                + PROFILE.replace("B-7", "B-8") + "," + PROFILE + "]}";

        HttpResponse<String> response = post("/creditrisk/cases", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lines = json(response);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("outcome").asText()).isEqualTo("RESTRICT");
        assertThat(lines.get(1).path("error").asText()).startsWith("borrowers[1].creditScore:");
        assertThat(lines.get(2).path("borrowerId").asText()).isEqualTo("B-8");
        assertThat(lines.get(3).path("error").asText()).contains("B-7");
        assertThat(get("/actuator/prometheus").body()).containsPattern(
                "(?m)^creditrisk_batch_seconds_count\\{error=\"none\"\\} [1-9]")
                .containsPattern("(?m)^creditrisk_failures_total [1-9]");
    }

    @Test
    void anEditGoesLiveAndIsRolledBackThroughTheEndpointAndABrokenEditIsShownWithItsErrors() throws Exception {
        String first = liveVersion();

        RuleDirectory.harmlessEdit(rules, 1);
        JsonNode state = await(s -> !s.path("version").asText().equals(first));

        String second = state.path("version").asText();
        assertThat(state.path("history")).hasSize(2);
        assertThat(state.path("history").get(1).path("how").asText()).isEqualTo("RELOADED");
        assertThat(post("/creditrisk/decisions", PROFILE).body()).contains("\"rulesetVersion\":\"" + second + "\"");
        assertThat(get("/actuator/health/creditrisk").body()).contains(second);
        assertThat(get("/actuator/prometheus").body())
                .containsPattern("(?m)^creditrisk_reloads_total\\{result=\"accepted\"\\} [1-9]")
                .containsPattern("(?m)^creditrisk_ruleset_info\\{version=\"" + second + "\"\\} 1")
                .doesNotContain("creditrisk_ruleset_info{version=\"" + first + "\"}");

        HttpResponse<String> rollback = post("/actuator/creditrisk", "{}");
        assertThat(rollback.statusCode()).isEqualTo(200);
        assertThat(json(rollback).path("version").asText()).isEqualTo(first);
        assertThat(liveVersion()).isEqualTo(first);

        RuleDirectory.brokenEdit(rules);
        JsonNode rejected = await(s -> !s.path("lastRejected").isNull() && !s.path("lastRejected").isMissingNode());
        assertThat(rejected.path("version").asText()).isEqualTo(first);
        assertThat(rejected.path("lastRejected").path("problems").get(0).asText()).startsWith("broken.drl:4: ");
        assertThat(get("/actuator/health/creditrisk").body()).contains("\"UP\"");
    }

    private String liveVersion() throws Exception {
        return json(get("/actuator/creditrisk")).path("version").asText();
    }

    private JsonNode await(Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode state = json(get("/actuator/creditrisk"));
            if (until.test(state) || Instant.now().isAfter(deadline)) {
                return state;
            }
            Thread.sleep(100);
        }
    }
}
