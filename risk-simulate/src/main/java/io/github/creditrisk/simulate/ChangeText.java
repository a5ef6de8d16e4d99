package io.github.creditrisk.simulate;

import io.github.creditrisk.Restriction;

/** How a changed restriction is written in the sample of the text and HTML reports. */
final class ChangeText {

    private ChangeText() {
    }

    /** {@code +} added, {@code -} removed, {@code ~} modified. */
    static String marker(RestrictionChange change) {
        return switch (change.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case MODIFIED -> "~";
        };
    }

    /**
     * {@code REDUCE_LIMIT REGIONAL_DOWNTURN (RGD-3 RGD_REGIONAL_DOWNTURN 40%)}; for a modified restriction
     * {@code (OVB-1 OVB_DTI_ABOVE_CEILING 30% → OVB-2 OVB_DTI_FAR_ABOVE_CEILING 50%)}.
     */
    static String what(RestrictionChange change) {
        String how = change.kind() == RestrictionChange.Kind.MODIFIED
                ? source(change.baseline()) + " → " + source(change.candidate())
                : source(change.shown());
        return change.type() + " " + change.family() + " (" + how + ")";
    }

    /** The first sentence of the reason: the candidate's, or the baseline's for a removed restriction. */
    static String reason(RestrictionChange change) {
        return Sentences.first(change.shown().reason());
    }

    private static String source(Restriction r) {
        return r.rule() + " " + r.reasonCode() + (r.reductionPercent() == null ? "" : " " + r.reductionPercent() + "%");
    }
}
