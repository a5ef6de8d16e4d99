package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A regulator's restriction on lending to an industry sector (for example {@code P2P_LENDING}). Sectors
 * match a borrower's sector ignoring case.
 *
 * @param id         optional identifier
 * @param sector     the sector the ban covers; non-blank
 * @param regulation the regulation that imposes the ban, as text the customer can look up; non-blank
 * @param since      the first day it applies
 * @param until      the last day it applies; optional (open-ended)
 */
public record SectorBan(@Nullable String id, String sector, String regulation, LocalDate since,
                        @Nullable LocalDate until)
        implements Signal {

    public SectorBan {
        Checks.optionalNonBlank(id, "id");
        Checks.nonBlank(sector, "sector");
        Checks.nonBlank(regulation, "regulation");
        Signal.checkWindow(since, until);
    }

    @Override
    public String type() {
        return "SECTOR_BAN";
    }

    /** Whether the ban covers a borrower working in {@code borrowerSector} ({@code null} never matches). */
    public boolean covers(@Nullable String borrowerSector) {
        return borrowerSector != null && sector.equalsIgnoreCase(borrowerSector);
    }
}
