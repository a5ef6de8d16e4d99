package io.github.creditrisk.live;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One period during which a rule set version was live.
 *
 * @param version   the rule set version (the hash decisions carry)
 * @param liveFrom  when it went live
 * @param liveUntil when it stopped being live; {@code null} while it is live
 * @param how       how it went live
 */
public record LiveVersion(String version, Instant liveFrom, @Nullable Instant liveUntil, How how) {

    /** How a version went live. */
    public enum How {
        /** It was the directory's content when the engine started. */
        STARTED,
        /** An edit was accepted. */
        RELOADED,
        /** The application rolled back to it. */
        ROLLED_BACK
    }

    LiveVersion endedAt(Instant until) {
        return new LiveVersion(version, liveFrom, until, how);
    }
}
