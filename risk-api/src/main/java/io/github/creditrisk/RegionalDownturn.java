package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Locale;

/**
 * An economic downturn in a region: a province, a city, or a whole country.
 *
 * <p>Region codes are hierarchical and dash-separated ({@code CN}, {@code CN-GD}, {@code CN-GD-SZ}). A
 * downturn for region R matches a borrower in region B when B equals R or B starts with R followed by
 * {@code -}, ignoring case: {@code CN-GD} matches {@code CN-GD-SZ} but not {@code CN-GDX}.
 *
 * @param id       optional identifier
 * @param region   the region code the downturn covers; non-blank
 * @param severity how severe the downturn is
 * @param since    the first day it applies
 * @param until    the last day it applies; optional (open-ended)
 * @param note     optional free text, for people
 */
public record RegionalDownturn(@Nullable String id, String region, Severity severity, LocalDate since,
                               @Nullable LocalDate until, @Nullable String note) implements Signal {

    public RegionalDownturn {
        Checks.optionalNonBlank(id, "id");
        Checks.nonBlank(region, "region");
        Checks.required(severity, "severity");
        Signal.checkWindow(since, until);
    }

    @Override
    public String type() {
        return "REGIONAL_DOWNTURN";
    }

    /** Whether a borrower in {@code borrowerRegion} lies inside this downturn's region. */
    public boolean covers(String borrowerRegion) {
        return regionContains(region, borrowerRegion);
    }

    /**
     * Whether region {@code outer} contains region {@code inner}: they are equal, or {@code inner} starts with
     * {@code outer} followed by {@code -}, ignoring case.
     */
    public static boolean regionContains(String outer, String inner) {
        String o = outer.toUpperCase(Locale.ROOT);
        String i = inner.toUpperCase(Locale.ROOT);
        return i.equals(o) || (i.startsWith(o) && i.charAt(o.length()) == '-');
    }
}
