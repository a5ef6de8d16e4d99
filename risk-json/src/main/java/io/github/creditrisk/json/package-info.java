/**
 * The contract's JSON formats mapped to and from the risk-api values: {@link io.github.creditrisk.json.RiskJson}
 * reads borrower profiles, signals, case files and JSON Lines portfolio lines, and writes decisions and
 * error lines; {@link io.github.creditrisk.json.JsonLimits} bounds what it accepts.
 *
 * <h2>Null policy</h2>
 * Parameters and return values are never {@code null} unless documented: passing {@code null} throws
 * {@link java.lang.NullPointerException}. Record components that are optional say so and are {@code null}
 * when absent ({@link io.github.creditrisk.json.CaseFile#asOf()},
 * {@link io.github.creditrisk.json.BorrowerInput.Rejected#borrowerId()}). Collections are never
 * {@code null}.
 *
 * <h2>Errors</h2>
 * Bad input is reported as {@link io.github.creditrisk.InvalidValueException}, whose field is the JSON path
 * of the bad value, or, for one borrower of a batch, as a {@link io.github.creditrisk.json.BorrowerInput.Rejected}
 * entry. Messages are one line and name the path, the value and what would have been accepted.
 *
 * <h2>Thread safety</h2>
 * Every type here is immutable and safe to share between threads.
 */
@NullMarked
package io.github.creditrisk.json;

import org.jspecify.annotations.NullMarked;
