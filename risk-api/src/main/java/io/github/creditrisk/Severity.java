package io.github.creditrisk;

/** How severe a regional downturn is, from mildest to worst; the declaration order is the severity order. */
public enum Severity {
    LOW, MEDIUM, HIGH, SEVERE;

    /** 0 for {@link #LOW} up to 3 for {@link #SEVERE}; rules compare severities by rank. */
    public int rank() {
        return ordinal();
    }

    /** Whether this severity is worse than {@code other}. */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
