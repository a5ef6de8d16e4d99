/**
 * The engine on Apache Spark: {@link io.github.creditrisk.spark.SparkDecisions} decides a JSON Lines portfolio with
 * the lines {@code risk eval} writes, and {@link io.github.creditrisk.spark.RuleFiles} carries the rules from the
 * driver to the executors as text.
 *
 * <p>Null policy as in {@link io.github.creditrisk}: nothing is {@code null} unless documented.
 */
@NullMarked
package io.github.creditrisk.spark;

import org.jspecify.annotations.NullMarked;
