package io.github.creditrisk.scenarios;

import io.github.creditrisk.Outcome;
import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.json.RiskJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading and running scenario files")
class ScenarioReaderTest {

    private static final String BORROWER = """
            {"id": "B-1", "segment": "ORDINARY", "region": "CN-BJ", "monthlyIncome": 10000, "creditLimit": 50000,
             "creditScore": 700}""";

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(RiskJson.create());

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aScenarioIsACaseFileWithExpectations() throws IOException {
        Path file = write("approve.scenario.json", "{\"name\": \"Healthy\", \"asOf\": \"2026-11-01\", \"borrowers\": ["
                + BORROWER + "], \"expect\": {\"B-1\": {\"outcome\": \"APPROVE\", \"restrictions\": []}}}");

        Scenario s = reader.read(file);

        assertThat(s.name()).isEqualTo("Healthy");
        assertThat(s.expectations().get("B-1").outcome()).isEqualTo(Outcome.APPROVE);
        try (DroolsRiskEngine engine = DroolsRiskEngine.bundled()) {
            ScenarioReport report = new ScenarioRunner(engine).run(List.of(s));
            assertThat(report.passed()).isTrue();
            assertThat(report.notFired()).hasSize(report.rules());
        }
    }

    @Test
    void directoriesAreSearchedForScenarioFilesButNotBuildOutput() throws IOException {
        write("a/one.scenario.json", "{}");
        write("a/notes.json", "{}");
        write("target/copy.scenario.json", "{}");
        write(".hidden/x.scenario.json", "{}");

        assertThat(ScenarioReader.find(List.of(dir))).containsExactly(dir.resolve("a/one.scenario.json"));
    }

    @Test
    void aDirectoryWithoutScenarioFilesIsAnErrorForFindButEmptyForFindIn() throws IOException {
        write("rules/a.drl", "package policy;");

        assertThatThrownBy(() -> ScenarioReader.find(List.of(dir.resolve("rules"))))
                .hasMessageContaining("holds no scenario files");
        assertThat(ScenarioReader.findIn(dir.resolve("rules"))).isEmpty();
        assertThatThrownBy(() -> ScenarioReader.findIn(dir.resolve("nope"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void mistakesAreReportedByFileAndField() throws IOException {
        String base = "{\"asOf\": \"2026-11-01\", \"borrowers\": [" + BORROWER + "], \"expect\": ";
        Path unknownBorrower = write("x1.scenario.json", base + "{\"B-9\": {\"outcome\": \"APPROVE\"}}}");
        Path badRestriction = write("x2.scenario.json", base + "{\"B-1\": {\"restrictions\": [\"BLOCK\"]}}}");
        Path unknownField = write("x3.scenario.json", base + "{\"B-1\": {\"outcomes\": \"APPROVE\"}}}");
        Path noDate = write("x4.scenario.json", "{\"borrowers\": [" + BORROWER + "], \"expect\": {\"B-1\": {}}}");
        Path twice = write("x5.scenario.json", base.replace("\"creditScore\": 700", "\"creditScore\": 700, \"creditScore\": 1")
                + "{\"B-1\": {\"outcome\": \"APPROVE\"}}}");
        Path notJson = write("x6.scenario.json", base + "{\"B-1\": {\"outcome\": APPROVE}}}");

        assertThatThrownBy(() -> reader.read(unknownBorrower)).hasMessageContaining("x1.scenario.json: expect.B-9: names no borrower");
        assertThatThrownBy(() -> reader.read(badRestriction)).hasMessageContaining("'BLOCK' is not a restriction");
        assertThatThrownBy(() -> reader.read(unknownField)).hasMessageContaining("expect.B-1.outcomes: is not an expectation");
        assertThatThrownBy(() -> reader.read(noDate)).hasMessageContaining("asOf: is missing");
        assertThatThrownBy(() -> reader.read(twice)).hasMessageEndingWith("x5.scenario.json: borrowers[0].creditScore:"
                + " appears more than once; each field may appear only once");
        assertThatThrownBy(() -> reader.read(notJson)).hasMessageEndingWith("x6.scenario.json: input: is not valid JSON"
                + " at line 2, column 61");
    }
}
