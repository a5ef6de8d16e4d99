package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Remedy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule found about a borrower, with the reason code and the evidence its sentence is written from.
 * The engine learns which rule inserted it from the session, and renders the reason in the customer's language
 * from the rule set's message catalogue.
 */
public abstract sealed class Finding permits Restrict, Exempt {

    private final Borrower borrower;
    private final String reasonCode;
    private final Set<Remedy> remedies = EnumSet.noneOf(Remedy.class);
    private final Map<String, Object> evidence = new LinkedHashMap<>();

    Finding(Borrower borrower, String reasonCode) {
        this.borrower = Objects.requireNonNull(borrower, "a finding needs the borrower it is about");
        this.reasonCode = Objects.requireNonNull(reasonCode, "a finding needs a reason code");
    }

    /** The borrower the finding is about. */
    public Borrower getBorrower() {
        return borrower;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    /** The remedies offered besides the ones the engine always adds. */
    public Set<Remedy> getRemedies() {
        return Collections.unmodifiableSet(remedies);
    }

    /** Evidence by name, in the order given; values are amounts, ratios, whole numbers, dates or text. */
    public Map<String, Object> getEvidence() {
        return Collections.unmodifiableMap(evidence);
    }

    void addRemedy(Remedy remedy) {
        remedies.add(remedy);
    }

    void addEvidence(String name, Object value) {
        if (!(value instanceof BigDecimal || value instanceof Integer || value instanceof Long
                || value instanceof LocalDate || value instanceof String || value instanceof Enum)) {
            throw new IllegalArgumentException("evidence '" + name + "' is a " + (value == null ? "null"
                    : value.getClass().getName()) + "; expected an amount, a whole number, a date, a text or an enum");
        }
        evidence.put(name, value);
    }
}
