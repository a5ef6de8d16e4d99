package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.live.ReloadListener;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link RiskEngine}: the bundled rules, or a directory's (followed live by default), as
 * {@link CreditRiskProperties} say, observed through the application's {@link ObservationRegistry}. Backs off
 * when the application defines its own engine.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@EnableConfigurationProperties(CreditRiskProperties.class)
public class CreditRiskAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CreditRiskAutoConfiguration.class);

    /**
     * The engine. Every {@link ReloadListener} bean is told about every attempt to change live rules (they are
     * looked up at each event, so a listener may itself need beans made after the engine).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RiskEngine.class)
    public ObservedRiskEngine riskEngine(CreditRiskProperties properties,
                                         ObjectProvider<ObservationRegistry> observations,
                                         ObjectProvider<ReloadListener> reloadListeners) {
        ReloadListener reloads = event -> reloadListeners.orderedStream().forEach(listener -> {
            try {
                listener.onReload(event);
            } catch (RuntimeException e) {
                LOG.error("reload listener {} failed: {}", listener, e.toString());
            }
        });
        return new ObservedRiskEngine(EngineFactory.create(properties, reloads),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                properties.getObservations().isIncludeBorrowerId());
    }
}
