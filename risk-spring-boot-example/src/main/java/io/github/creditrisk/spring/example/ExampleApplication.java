package io.github.creditrisk.spring.example;

import io.github.creditrisk.live.ReloadEvent;
import io.github.creditrisk.live.ReloadListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A lender's credit-risk service: the starter gives it the engine, the HTTP endpoint, metrics, health and the
 * {@code creditrisk} endpoint; {@code application.properties} says where the rules are. The one bean of its own
 * tells the log about every reload, as an application would tell its audit trail.
 */
@SpringBootApplication
public class ExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    @Bean
    ReloadListener auditReloads() {
        return (ReloadEvent event) -> LOG.info("rules {}: version {} (live: {}){}", event.kind(), event.version(),
                event.live(), event.problems().isEmpty() ? "" : "\n" + String.join("\n", event.problems()));
    }
}
