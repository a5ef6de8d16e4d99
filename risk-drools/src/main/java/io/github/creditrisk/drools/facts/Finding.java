package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Remedy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a rule found about a borrower, with the reason code and the evidence its sentence is written from.
 * The engine stamps it with the id and family of the rule whose consequence made it, and renders the reason
 * in the customer's language from the rule set's message catalogue.
 */
public abstract sealed class Finding permits Restrict, Exempt {

    private final Borrower borrower;
    private final String reasonCode;
    private final Set<Remedy> remedies = EnumSet.noneOf(Remedy.class);
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private String rule;
    private String family;

    /** Where the findings made on a thread are reported while the engine fires rules on it. */
    private static final ThreadLocal<Recorder> RECORDER = new ThreadLocal<>();

    Finding(Borrower borrower, String reasonCode) {
        this.borrower = borrower;
        this.reasonCode = reasonCode;
        Recorder recorder = RECORDER.get();
        if (recorder != null) {
            recorder.made(this);
        }
    }

    /** Told of every finding made while a rule fires; the engine's, not the rules'. */
    @FunctionalInterface
    public interface Recorder {
        /** {@code finding} was just made (its own fields set, its subclass's not yet). */
        void made(Finding finding);
    }

    /** Reports the findings made on this thread to {@code recorder} until {@link #stopRecording()}. */
    public static void recordInto(Recorder recorder) {
        RECORDER.set(recorder);
    }

    /** Ends {@link #recordInto}. */
    public static void stopRecording() {
        RECORDER.remove();
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

    /** The id of the rule that made the finding; stamped by the engine. */
    public String getRule() {
        return rule;
    }

    /** The family of the rule that made the finding; stamped by the engine. */
    public String getFamily() {
        return family;
    }

    /** Stamps the making rule's id and family; called by the engine once, as the finding is made. */
    public void stamp(String ruleId, String ruleFamily) {
        if (this.rule == null) {
            this.rule = ruleId;
            this.family = ruleFamily;
        }
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
