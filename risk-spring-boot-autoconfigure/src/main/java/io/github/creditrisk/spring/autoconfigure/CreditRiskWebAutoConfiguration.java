package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.RiskEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The HTTP endpoint deciding the contract's JSON ({@link DecisionController}), when turned on. */
@AutoConfiguration(after = {CreditRiskAutoConfiguration.class, CreditRiskMetricsAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "creditrisk.http", name = "enabled", havingValue = "true")
@ConditionalOnBean(RiskEngine.class)
public class CreditRiskWebAutoConfiguration {

    @Bean
    DecisionController creditRiskDecisionController(RiskEngine engine, CreditRiskProperties properties,
                                                    ObjectProvider<InputRejections> rejections,
                                                    ObjectProvider<Clock> clock) {
        return new DecisionController(engine, properties, rejections.getIfAvailable(() -> InputRejections.NONE),
                clock.getIfAvailable(Clock::systemDefaultZone));
    }
}
