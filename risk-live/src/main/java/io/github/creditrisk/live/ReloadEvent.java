package io.github.creditrisk.live;

import io.github.creditrisk.scenarios.ScenarioReport;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one attempt to change the live rules.
 *
 * @param kind        what happened
 * @param version     the version the attempt concerned (the candidate's, or the one rolled back to); may be
 *                    {@code null} when the files could not even be read
 * @param live        the version live after the attempt; {@code null} while none is
 * @param at          when the attempt ended
 * @param took        how long the attempt took: reading, compiling and running the scenarios
 * @param problems    why it was rejected: every rule error as {@code FILE:LINE: message}, each failing
 *                    scenario's differences, or the scenario case that ran past its time budget or threw;
 *                    empty otherwise
 * @param scenarios   the scenario run, when every scenario ran; {@code null} otherwise
 */
public record ReloadEvent(Kind kind, @Nullable String version, @Nullable String live, Instant at, Duration took,
                          List<String> problems, @Nullable ScenarioReport scenarios) {

    /** What happened to an attempt. */
    public enum Kind {
        /** The candidate compiled and passed its scenarios; it is live now. */
        ACCEPTED,
        /**
         * The candidate did not compile, failed a scenario, ran past its time budget inside one rule's code, or
         * threw while a scenario ran; the previous version keeps serving.
         */
        REJECTED,
        /** The files were saved but their content is the live version's; nothing changed. */
        UNCHANGED,
        /** The application rolled back to the version live before the current one. */
        ROLLED_BACK
    }

    public ReloadEvent {
        problems = List.copyOf(problems);
    }
}
