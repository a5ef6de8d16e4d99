/**
 * The machinery of the {@code risk} command; not API.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.cli.internal;
