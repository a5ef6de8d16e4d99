/**
 * Live rule updates: {@link io.github.creditrisk.live.LiveRiskEngine} serves decisions from a rule
 * directory while analysts edit it. Each settled edit is compiled in the background and goes live,
 * atomically, only when it compiles cleanly and passes the scenario files shipped beside the rules; a broken
 * or failing edit is rejected, reported to a {@link io.github.creditrisk.live.ReloadListener} and the log,
 * and the previous version keeps serving. The scenarios run under a deadline
 * ({@link io.github.creditrisk.live.RuleGate}): an edit whose rules run past their time budget inside one rule's
 * code is rejected as such, and the next save is still picked up. Versions are kept in a history, and the
 * application can roll back.
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
@NullMarked
package io.github.creditrisk.live;

import org.jspecify.annotations.NullMarked;
