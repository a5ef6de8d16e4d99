/**
 * The implementation of {@link io.github.creditrisk.json.RiskJson}: one strict Jackson mapper, the shapes it binds
 * and the mapping of those to the risk-api records. Not API: anything here may change without notice.
 *
 * <p>Null policy as in {@link io.github.creditrisk.json}: nothing is {@code null} unless documented. In the
 * shapes, {@code null} stands for a field that is absent or JSON {@code null}.
 */
package io.github.creditrisk.json.internal;
