package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A period when the lender's own repayment channels did not work (for example during a system upgrade).
 * A loan that fell overdue inside such a window is not held against the borrower.
 *
 * @param id    optional identifier
 * @param since the first day of the outage
 * @param until the last day of the outage; required
 * @param note  optional free text, for people (it may appear in the exemption's reason)
 */
public record ServiceOutage(@Nullable String id, LocalDate since, LocalDate until, @Nullable String note) implements Signal {

    public ServiceOutage {
        Checks.optionalNonBlank(id, "id");
        Checks.required(until, "until");
        Signal.checkWindow(since, until);
    }

    @Override
    public String type() {
        return "SERVICE_OUTAGE";
    }

    /** Whether {@code date} lies inside the outage window [since, until], both ends inclusive. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(since) && !date.isAfter(until);
    }
}
