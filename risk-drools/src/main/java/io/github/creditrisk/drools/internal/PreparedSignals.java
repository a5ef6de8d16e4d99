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
    /**
     * The answer of {@link #downturnsFor} by borrowers' region as given, remembered: a portfolio has far fewer
     * regions than borrowers. Bounded, since the regions come from the input.
     */
    private final Recurring<String, List<RegionalDownturn>> downturnsByBorrowerRegion = new Recurring<>(10_000);
    /** The answer of {@link #bansFor} by borrowers' sector as given, remembered in the same way. */
    private final Recurring<String, List<SectorBan>> bansByBorrowerSector = new Recurring<>(10_000);

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
        List<RegionalDownturn> known = downturnsByBorrowerRegion.get(region);
        if (known != null) {
            return known;
        }
        List<RegionalDownturn> found = List.copyOf(lookUpDownturns(region));
        downturnsByBorrowerRegion.put(region, found);
        return found;
    }

    private List<RegionalDownturn> lookUpDownturns(String region) {
        String code = key(region);
        List<RegionalDownturn> found = new ArrayList<>(2);
        int dash = code.indexOf('-');
        while (dash >= 0) {
            addAll(found, downturnsByRegion.get(code.substring(0, dash)));
            dash = code.indexOf('-', dash + 1);
        }
        addAll(found, downturnsByRegion.get(code));
        return found;
    }

    /** The active bans on {@code sector}; none when the sector is unknown ({@code null}). */
    public List<SectorBan> bansFor(String sector) {
        if (sector == null || bansBySector.isEmpty()) {
            return List.of();
        }
        List<SectorBan> known = bansByBorrowerSector.get(sector);
        if (known != null) {
            return known;
        }
        List<SectorBan> found = bansBySector.get(key(sector));
        found = found == null ? List.of() : List.copyOf(found);
        bansByBorrowerSector.put(sector, found);
        return found;
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
