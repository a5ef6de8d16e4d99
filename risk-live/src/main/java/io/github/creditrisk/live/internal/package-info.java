/**
 * The machinery of live rule updates; not API.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.live.internal;
