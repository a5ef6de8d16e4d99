/**
 * Benchmarks of the engine against the reference policy written by hand (risk-testkit's
 * {@link io.github.creditrisk.testkit.ReferencePolicy}) and the same policy in Easy Rules. Not API.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.benchmarks;
