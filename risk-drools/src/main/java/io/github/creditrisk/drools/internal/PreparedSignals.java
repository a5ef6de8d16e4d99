package io.github.creditrisk.drools.internal;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signals of one context, indexed once so that finding those that apply to a borrower costs a few
 * hash lookups whatever the number of signals: active downturns by region code, active bans by sector,
 * and every outage (past ones too, since an overdue that began during a past outage is still exempt).
 * Immutable and thread-safe.
 */
public final class PreparedSignals {

    private final EvaluationContext context;
    private final Map<String, List<RegionalDownturn>> downturnsByRegion = new HashMap<>();
    private final Map<String, List<SectorBan>> bansBySector = new HashMap<>();
    private final List<ServiceOutage> outages = new ArrayList<>();

    public PreparedSignals(EvaluationContext context) {
        this.context = context;
        for (Signal signal : context.signals()) {
            // A downturn or ban applies only while active; an outage matters even after it ended.
            if (signal instanceof RegionalDownturn d && d.isActiveOn(context.asOf())) {
                downturnsByRegion.computeIfAbsent(key(d.region()), k -> new ArrayList<>()).add(d);
            } else if (signal instanceof SectorBan b && b.isActiveOn(context.asOf())) {
                bansBySector.computeIfAbsent(key(b.sector()), k -> new ArrayList<>()).add(b);
            } else if (signal instanceof ServiceOutage o) {
                outages.add(o);
            }
        }
        // rules read these lists through the borrower's facts: they must not be able to change them
        downturnsByRegion.replaceAll((region, found) -> List.copyOf(found));
        bansBySector.replaceAll((sector, found) -> List.copyOf(found));
    }

    public EvaluationContext context() {
        return context;
    }

    /**
     * The active downturns whose region contains {@code region}: those for the region itself and for each
     * enclosing region ({@code CN-GD-SZ} looks up {@code CN}, {@code CN-GD} and {@code CN-GD-SZ}).
     */
    public List<RegionalDownturn> downturnsFor(String region) {
        if (downturnsByRegion.isEmpty()) {
            return List.of();
        }
        String code = key(region);
        List<RegionalDownturn> found = new ArrayList<>(2);
        int dash = code.indexOf('-');
        while (dash >= 0) {
            addAll(found, downturnsByRegion.get(code.substring(0, dash)));
            dash = code.indexOf('-', dash + 1);
        }
        addAll(found, downturnsByRegion.get(code));
        return List.copyOf(found);
    }

    /** The active bans on {@code sector}; none when the sector is unknown ({@code null}). */
    public List<SectorBan> bansFor(String sector) {
        if (sector == null || bansBySector.isEmpty()) {
            return List.of();
        }
        List<SectorBan> found = bansBySector.get(key(sector));
        return found == null ? List.of() : found;
    }

    /** Every outage, current or past. */
    public List<ServiceOutage> outages() {
        return outages;
    }

    private static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static <T> void addAll(List<T> into, List<T> from) {
        if (from != null) {
            into.addAll(from);
        }
    }
}
