package io.github.creditrisk.benchmarks;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A context's signals indexed once, for the policies written without Drools ({@link HandWrittenPolicy},
 * {@link EasyRulesPolicy}): the worst active downturn per region, the banned sectors, the service outages.
 * Bans and regions are looked up, not scanned, as the engine does. Immutable once made.
 */
final class SignalIndex {

    final LocalDate asOf;
    private final Map<String, Severity> worstByRegion = new HashMap<>();
    private final Map<String, Boolean> bannedSectors = new HashMap<>();
    private final List<ServiceOutage> outages = new ArrayList<>();

    SignalIndex(EvaluationContext context) {
        this.asOf = context.asOf();
        for (Signal s : context.signals()) {
            if (s instanceof RegionalDownturn d && d.isActiveOn(asOf)) {
                worstByRegion.merge(d.region().toUpperCase(Locale.ROOT), d.severity(),
                        (a, b) -> a.isWorseThan(b) ? a : b);
            } else if (s instanceof SectorBan b && b.isActiveOn(asOf)) {
                bannedSectors.put(b.sector().toUpperCase(Locale.ROOT), Boolean.TRUE);
            } else if (s instanceof ServiceOutage o) {
                outages.add(o);
            }
        }
    }

    /** Whether a repayment due on {@code day} fell in a service outage (current or already over). */
    boolean coveredByOutage(LocalDate day) {
        for (ServiceOutage o : outages) {
            if (o.covers(day)) {
                return true;
            }
        }
        return false;
    }

    boolean hasOutages() {
        return !outages.isEmpty();
    }

    /** Whether an active ban covers {@code sector} ({@code null}: no sector, never banned). */
    boolean banned(String sector) {
        return sector != null && !bannedSectors.isEmpty() && bannedSectors.containsKey(sector.toUpperCase(Locale.ROOT));
    }

    /** The most severe active downturn for the region or one enclosing it: CN-GD-SZ looks up CN, CN-GD, CN-GD-SZ. */
    Severity worstDownturn(String region) {
        if (worstByRegion.isEmpty()) {
            return null;
        }
        String code = region.toUpperCase(Locale.ROOT);
        Severity worst = null;
        int dash = code.indexOf('-');
        while (true) {
            Severity s = worstByRegion.get(dash < 0 ? code : code.substring(0, dash));
            if (s != null && (worst == null || s.isWorseThan(worst))) {
                worst = s;
            }
            if (dash < 0) {
                return worst;
            }
            dash = code.indexOf('-', dash + 1);
        }
    }
}
