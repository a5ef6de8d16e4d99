package io.github.creditrisk.simulate;

import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Signals described for people, and the signals one side has that the other lacks. */
final class Signals {

    private Signals() {
    }

    /** {@code REGIONAL_DOWNTURN CN-GD SEVERE from 2026-10-01 (DT-7)}. */
    static String describe(Signal signal) {
        String what = "";
        if (signal instanceof RegionalDownturn d) {
            what = d.region() + " " + d.severity();
        } else if (signal instanceof SectorBan b) {
            what = b.sector() + " under " + b.regulation();
        }
        String window = signal.until() == null ? "from " + signal.since() : signal.since() + " to " + signal.until();
        return signal.type() + (what.isEmpty() ? "" : " " + what) + " " + window
                + (signal.id() == null ? "" : " (" + signal.id() + ")");
    }

    /** The signals of {@code side} that {@code other} does not have, in {@code side}'s order. */
    static List<Signal> onlyIn(Side side, Side other) {
        Set<Signal> theirs = new HashSet<>(other.signals());
        List<Signal> only = new ArrayList<>();
        for (Signal s : side.signals()) {
            if (!theirs.contains(s)) {
                only.add(s);
            }
        }
        return only;
    }
}
