/**
 * Walkthroughs of real scenarios, each a small program: who the borrowers are, which signals are active,
 * and the decision with its reasons and the customer notice. Written against {@code risk-api} only; the
 * engine is whichever provider is on the class path.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.examples;
