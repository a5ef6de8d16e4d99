package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health indicator and the endpoint {@code creditrisk}, for whichever {@link RiskEngine} the application has
 * (the starter's or its own), where it has Spring Boot's actuator.
 */
@AutoConfiguration(after = CreditRiskAutoConfiguration.class)
@ConditionalOnBean(RiskEngine.class)
public class CreditRiskActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("creditrisk")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "creditriskHealthIndicator")
        CreditRiskHealthIndicator creditriskHealthIndicator(RiskEngine engine) {
            return new CreditRiskHealthIndicator(engine);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(CreditRiskEndpoint.class)
    static class Management {

        @Bean
        @ConditionalOnMissingBean
        CreditRiskEndpoint creditRiskEndpoint(RiskEngine engine) {
            return new CreditRiskEndpoint(engine);
        }
    }
}
