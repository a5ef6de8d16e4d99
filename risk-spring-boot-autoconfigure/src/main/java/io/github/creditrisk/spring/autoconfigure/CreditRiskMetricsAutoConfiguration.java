package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The engine's counters and info gauge ({@link CreditRiskMeters}), where the application has a
 * {@link MeterRegistry}. Its timers come from the observations, through the application's meter observation
 * handler.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class CreditRiskMetricsAutoConfiguration {

    @Bean
    public CreditRiskMeters creditRiskMeters(MeterRegistry registry) {
        return new CreditRiskMeters(registry);
    }

    /** Shows the version of whichever engine serves, once every bean is made (reloads update it after). */
    @Bean
    public SmartInitializingSingleton creditRiskVersionGauge(CreditRiskMeters meters,
                                                             ObjectProvider<RiskEngine> engine) {
        return () -> engine.ifAvailable(e -> meters.serving(EngineState.version(e).orElse(null)));
    }
}
