/**
 * The Spring Boot auto-configuration of the credit-risk engine: the {@code RiskEngine} bean configured under
 * {@code creditrisk.*} ({@link io.github.creditrisk.spring.autoconfigure.CreditRiskProperties}), its observations
 * ({@link io.github.creditrisk.spring.autoconfigure.ObservedRiskEngine}), counters
 * ({@link io.github.creditrisk.spring.autoconfigure.CreditRiskMeters}), health indicator and actuator endpoint.
 * Applications depend on {@code risk-spring-boot-starter} rather than on this module.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
@NullMarked
package io.github.creditrisk.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
