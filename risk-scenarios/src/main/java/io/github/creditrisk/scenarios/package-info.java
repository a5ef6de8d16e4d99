/**
 * Scenario files: a case file (evaluation date, signals, borrowers) plus the decisions expected for its
 * borrowers. {@link io.github.creditrisk.scenarios.ScenarioReader} reads them,
 * {@link io.github.creditrisk.scenarios.ScenarioRunner} runs them against any
 * {@link io.github.creditrisk.RiskEngine} and reports each as passed or failed with a readable difference,
 * and the rules that no scenario made fire. The format is documented in {@code rules/README.md}.
 *
 * <p>Null policy as in {@link io.github.creditrisk}: optional values are documented and {@code null} when
 * absent; collections are never {@code null}.
 */
@NullMarked
package io.github.creditrisk.scenarios;

import org.jspecify.annotations.NullMarked;
