package io.github.creditrisk.testkit;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A context's signals as the reference policy reads them, indexed once so that a borrower looks them up
 * rather than scanning them: the most severe active downturn of each region, the sectors under an active
 * ban, and the service outages. The policy's terms are written here from the policy itself, not taken from
 * the helpers of the signal values: a signal is active on {@code asOf} when {@code since ≤ asOf} and
 * ({@code until} is absent or {@code asOf ≤ until}); region and sector codes match ignoring case.
 *
 * <p>Immutable once made, and safe to share between threads.
 */
public final class SignalIndex {

    private final LocalDate asOf;
    private final Map<String, Severity> worstByRegion = new HashMap<>();
    private final Set<String> bannedSectors = new HashSet<>();
    private final List<ServiceOutage> outages = new ArrayList<>();

    /** Indexes {@code context}'s signals as of its {@link EvaluationContext#asOf() asOf}. */
    public SignalIndex(EvaluationContext context) {
        this.asOf = context.asOf();
        for (Signal s : context.signals()) {
            if (s instanceof RegionalDownturn d && isActive(d)) {
                worstByRegion.merge(code(d.region()), d.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            } else if (s instanceof SectorBan b && isActive(b)) {
                bannedSectors.add(code(b.sector()));
            } else if (s instanceof ServiceOutage o) {
                outages.add(o);
            }
        }
    }

    /** The evaluation date every comparison uses. */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * The most severe active downturn over {@code region}: signalled for the region itself or for one that
     * encloses it ({@code CN-GD-SZ} is in {@code CN-GD} and {@code CN}, not in {@code CN-G}). A province-wide
     * and a city-wide downturn never stack; the worse counts. Empty when none is in force there.
     */
    public Optional<Severity> worstDownturn(String region) {
        if (worstByRegion.isEmpty()) {
            return Optional.empty();
        }
        String code = code(region);
        Severity worst = null;
        // The region and each enclosing one: CN-GD-SZ looks up CN, CN-GD and CN-GD-SZ.
        for (int dash = code.indexOf('-'); ; dash = code.indexOf('-', dash + 1)) {
            Severity s = worstByRegion.get(dash < 0 ? code : code.substring(0, dash));
            if (s != null && (worst == null || s.compareTo(worst) > 0)) {
                worst = s;
            }
            if (dash < 0) {
                return Optional.ofNullable(worst);
            }
        }
    }

    /** Whether an active ban covers {@code sector}; {@code sector} may be {@code null} (none), never banned. */
    public boolean banned(@Nullable String sector) {
        return sector != null && !bannedSectors.isEmpty() && bannedSectors.contains(code(sector));
    }

    /**
     * Whether {@code day} lies inside a service outage's window [since, until], both ends inclusive, whether
     * the outage is still going on or already over.
     */
    public boolean duringOutage(LocalDate day) {
        for (ServiceOutage o : outages) {
            if (!day.isBefore(o.since()) && !day.isAfter(o.until())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the context has any service outage, over or not. */
    public boolean hasOutages() {
        return !outages.isEmpty();
    }

    private boolean isActive(Signal s) {
        return !s.since().isAfter(asOf) && (s.until() == null || !asOf.isAfter(s.until()));
    }

    private static String code(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
