package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Remedy;

/**
 * A rule's finding that something is deliberately not held against the borrower, inserted in a rule's
 * consequence:
 *
 * <pre>{@code
 * insert( Exempt.because( $b, "DEL_OUTAGE_EXEMPTION" ).offer( Remedy.CREDIT_REPAIR ) );
 * }</pre>
 */
public final class Exempt extends Finding {

    private Exempt(Borrower borrower, String reasonCode) {
        super(borrower, reasonCode);
    }

    public static Exempt because(Borrower borrower, String reasonCode) {
        return new Exempt(borrower, reasonCode);
    }

    /** Offers a remedy, such as CREDIT_REPAIR. */
    public Exempt offer(Remedy remedy) {
        addRemedy(remedy);
        return this;
    }

    /** Adds a piece of evidence the reason's sentence can cite by {@code name}. */
    public Exempt with(String name, Object value) {
        addEvidence(name, value);
        return this;
    }

    @Override
    public String toString() {
        return "Exempt[" + getBorrower().getId() + ", " + getReasonCode() + "]";
    }
}
