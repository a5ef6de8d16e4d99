/**
 * The implementation of {@link io.github.creditrisk.json.RiskJson}. Not API: anything here may change
 * without notice.
 *
 * <p>Null policy as in {@link io.github.creditrisk.json}: nothing is {@code null} unless documented.
 * Internally a {@code null} {@link com.fasterxml.jackson.databind.JsonNode} stands for a field that is
 * absent or JSON {@code null}.
 */
package io.github.creditrisk.json.internal;
