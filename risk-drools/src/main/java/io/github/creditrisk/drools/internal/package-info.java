/**
 * The Drools engine's machinery; not API, and may change in any release.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.drools.internal;
