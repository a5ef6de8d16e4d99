/**
 * What a rule file may do. A rule set is untrusted input: {@link io.github.creditrisk.rulecheck.DrlCheck} reads
 * its DRL before Drools builds it (Drools evaluates metadata, attributes and field defaults while building), and
 * {@link io.github.creditrisk.rulecheck.CompiledRuleCheck} reads the classes it compiles to, so that rule code
 * calls only an allow-list (the engine's fact model, the API's values, {@code java.lang} basics,
 * {@code java.math}, {@code java.time} values and collections) and has no loop or recursion that cannot be shown
 * to end. Each problem names its rule, function or type ({@link io.github.creditrisk.rulecheck.Problem}).
 *
 * <p>Used by the Drools engine ({@code risk-drools}); not meant to be called by applications.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
@NullMarked
package io.github.creditrisk.rulecheck;

import org.jspecify.annotations.NullMarked;
