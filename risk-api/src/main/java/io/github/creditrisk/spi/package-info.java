/**
 * The contract an engine implements to be found by {@link io.github.creditrisk.RiskEngines}: a
 * {@link io.github.creditrisk.spi.RiskEngineProvider} listed in
 * {@code META-INF/services/io.github.creditrisk.spi.RiskEngineProvider}, and {@link io.github.creditrisk.spi.Batches},
 * the one rule for repeated ids that engines and tools deciding batches share.
 *
 * <p>Null policy as in {@link io.github.creditrisk}: nothing is {@code null} unless documented.
 */
@NullMarked
package io.github.creditrisk.spi;

import org.jspecify.annotations.NullMarked;
