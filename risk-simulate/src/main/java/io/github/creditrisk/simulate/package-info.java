/**
 * The machinery of {@code risk simulate}: comparing every borrower of a portfolio under a baseline and a
 * candidate (rules and signals), adding up the differences in one streamed pass, and writing them as text,
 * HTML and JSON, for the command and for risk-spark.
 *
 * <p>Null policy as in {@link io.github.creditrisk}; the exceptions are named where they occur (a
 * {@link io.github.creditrisk.simulate.RestrictionChange} has no "before" when a restriction was added
 * and no "after" when it was removed; a {@link io.github.creditrisk.simulate.Comparison.Rejected} may
 * lack an id).
 */
@NullMarked
package io.github.creditrisk.simulate;

import org.jspecify.annotations.NullMarked;
