/**
 * Benchmarks of the engine and the hand-written baseline it is measured against. Not API.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.benchmarks;
