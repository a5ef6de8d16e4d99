/**
 * The contract an engine implements to be found by {@link io.github.creditrisk.RiskEngines}: a
 * {@link io.github.creditrisk.spi.RiskEngineProvider} listed in
 * {@code META-INF/services/io.github.creditrisk.spi.RiskEngineProvider}.
 *
 * <p>Null policy as in {@link io.github.creditrisk}: nothing is {@code null} unless documented.
 */
package io.github.creditrisk.spi;
