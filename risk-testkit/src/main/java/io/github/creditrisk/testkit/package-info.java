/**
 * For testing rules, with any engine: {@link io.github.creditrisk.testkit.ReferencePolicy}, the reference
 * credit-line policy written once in plain Java, which says for a borrower and the signals in force what the
 * policy imposes ({@link io.github.creditrisk.testkit.Verdict}); and
 * {@link io.github.creditrisk.testkit.PortfolioGenerator}, a reproducible synthetic portfolio to decide. A
 * lender who edits the rules decides a generated portfolio with the edited rules and with the reference, and
 * reads where the two differ: those borrowers, and only those, are the edit's effect.
 *
 * <p>The reference states its numbers once, in {@link io.github.creditrisk.testkit.ReferenceThresholds} and
 * {@link io.github.creditrisk.testkit.ReferenceRestriction}. It is independent of the engine: it uses nothing
 * but the values of {@code risk-api}.
 *
 * <p>Null policy as in {@link io.github.creditrisk}. Every type here is immutable or stateless and safe to
 * share between threads.
 */
@NullMarked
package io.github.creditrisk.testkit;

import org.jspecify.annotations.NullMarked;
