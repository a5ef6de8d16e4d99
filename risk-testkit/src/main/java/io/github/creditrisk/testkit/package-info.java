/**
 * For testing rules, with any engine: {@link io.github.creditrisk.testkit.PortfolioGenerator}, a reproducible
 * synthetic portfolio to decide. It uses nothing but the values of {@code risk-api}.
 *
 * <p>Null policy as in {@link io.github.creditrisk}. Every type here is immutable or stateless and safe to
 * share between threads.
 */
package io.github.creditrisk.testkit;
