/**
 * The caller's API of the credit-risk rules engine: what goes in ({@link io.github.creditrisk.BorrowerProfile},
 * {@link io.github.creditrisk.Signal}, {@link io.github.creditrisk.EvaluationContext}), what comes out
 * ({@link io.github.creditrisk.Decision} with its {@link io.github.creditrisk.Restriction}s and
 * {@link io.github.creditrisk.Exemption}s), and how an engine is obtained ({@link io.github.creditrisk.RiskEngines}).
 *
 * <h2>Null policy</h2>
 * Parameters and return values are never {@code null} unless the documentation of a record component
 * says it is optional; optional components are {@code null} when absent. Collections are never
 * {@code null}: an absent list is an empty, unmodifiable list. {@link java.util.Optional} is used only
 * as a return type.
 *
 * <h2>Values</h2>
 * Every value is an immutable record that validates itself on construction and throws
 * {@link io.github.creditrisk.InvalidValueException} naming the field, the rejected value and what would
 * have been accepted. Money and ratios are {@link java.math.BigDecimal}, so the policy's boundaries are
 * exact: a debt-to-income ratio of exactly 0.70 is not above 0.70.
 *
 * <h2>Thread safety</h2>
 * All values are immutable and safe to share. Engines are safe to share between threads.
 *
 * <h2>The principles every decision obeys</h2>
 * Every restriction carries a reason a customer can read, a stable reason code and its remedies,
 * always including {@link io.github.creditrisk.Remedy#APPEAL}; no restriction type can stop a borrower
 * from repaying; the same inputs always give the same decision. {@link io.github.creditrisk.Decision}
 * enforces these on construction, whichever engine produced it.
 */
@NullMarked
package io.github.creditrisk;

import org.jspecify.annotations.NullMarked;
