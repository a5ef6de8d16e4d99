/**
 * Live rule updates: {@link io.github.creditrisk.live.LiveRiskEngine} serves decisions from a rule
 * directory while analysts edit it. Each settled edit is compiled in the background and goes live,
 * atomically, only when it compiles cleanly and passes the scenario files shipped beside the rules; a broken
 * or failing edit is rejected, reported to a {@link io.github.creditrisk.live.ReloadListener} and the log,
 * and the previous version keeps serving. Versions are kept in a history, and the application can roll
 * back.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.live;
