package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A change in the world outside one borrower that the rules take into account: a
 * {@link RegionalDownturn}, a regulator's {@link SectorBan}, or a {@link ServiceOutage} of the lender's own
 * systems.
 *
 * <p>A signal is <em>active</em> on a date when {@code since ≤ date} and ({@code until} is absent or
 * {@code date ≤ until}): both ends are inclusive.
 */
public sealed interface Signal permits RegionalDownturn, SectorBan, ServiceOutage {

    /** The signal's identifier, for audit trails; optional ({@code null} when not given). */
    @Nullable String id();

    /** The first day the signal applies. */
    LocalDate since();

    /** The last day the signal applies; {@code null} when it is open-ended. */
    @Nullable LocalDate until();

    /** The contract's name for the kind of signal, such as {@code REGIONAL_DOWNTURN}. */
    String type();

    /** Whether the signal applies on {@code date}: since ≤ date and (until absent or date ≤ until). */
    default boolean isActiveOn(LocalDate date) {
        return !date.isBefore(since()) && (until() == null || !date.isAfter(until()));
    }

    /** Validates the window shared by all signals. */
    static void checkWindow(LocalDate since, LocalDate until) {
        Checks.required(since, "since");
        if (until != null && until.isBefore(since)) {
            throw new InvalidValueException("until", until + " is before since (" + since
                    + "); expected a date on or after since");
        }
    }
}
