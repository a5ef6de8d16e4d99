/**
 * The Drools 10 implementation of {@link io.github.creditrisk.RiskEngine}:
 * {@link io.github.creditrisk.drools.DroolsRiskEngine}, found by
 * {@link io.github.creditrisk.RiskEngines} as the engine named {@code drools}.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
@NullMarked
package io.github.creditrisk.drools;

import org.jspecify.annotations.NullMarked;
