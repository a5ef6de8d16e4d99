package io.github.creditrisk.spring.example;

import io.github.creditrisk.RiskEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The example service starts with the copy of the rules it follows")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationTest {

    @Autowired
    RiskEngine engine;

    @Test
    void itServesTheCopyOfThePolicyBuiltBesideIt() {
        assertThat(engine.ruleSet().source())
                .contains(Path.of("target", "credit-rules").toAbsolutePath().toString());
        assertThat(engine.ruleSet().files()).contains("parameters.drl");
    }
}
