package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

/**
 * A value was rejected: its message names the field (a path such as {@code loans[2].monthlyPayment} when
 * the value is nested), the rejected value and what would have been accepted.
 *
 * <p>Nested values report their own field name; whoever holds the outer value adds the path with
 * {@link #under(String)}, so a JSON reader can report {@code borrowers[3].loans[0].lender}.
 *
 * <p>A problem about a rejected text ({@link #ofText}) keeps the text apart from the reason, so that a reader
 * of hostile input can show the text its own way (escaped, cut short) without taking the message apart.
 */
public final class InvalidValueException extends RiskException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final @Nullable String text;
    private final String reason;

    /**
     * @param field   the field's name or path, e.g. {@code monthlyIncome}
     * @param problem what is wrong and what would have been accepted, e.g.
     *                {@code "-5 is negative; expected a number ≥ 0"}
     */
    public InvalidValueException(String field, String problem) {
        this(field, null, problem);
    }

    private InvalidValueException(String field, @Nullable String text, String reason) {
        super(field + ": " + (text == null ? reason : "'" + text + "' " + reason));
        this.field = field;
        this.text = text;
        this.reason = reason;
    }

    /**
     * A rejected text, quoted at the start of the problem: {@code ofText("family", "x", "is not a code; …")}
     * is {@code family: 'x' is not a code; …}.
     *
     * @param text   the rejected text, as given
     * @param reason what is wrong with it and what would have been accepted
     */
    public static InvalidValueException ofText(String field, String text, String reason) {
        return new InvalidValueException(field, java.util.Objects.requireNonNull(text, "text"), reason);
    }

    /** The field's name or path. */
    public String field() {
        return field;
    }

    /** What is wrong with the value, without the field name. */
    public String problem() {
        return text == null ? reason : "'" + text + "' " + reason;
    }

    /** The rejected text the problem quotes, as given; {@code null} unless made by {@link #ofText}. */
    public @Nullable String text() {
        return text;
    }

    /** The problem without the text it quotes (for {@link #ofText}); otherwise the whole {@link #problem()}. */
    public String reason() {
        return reason;
    }

    /**
     * The same problem, reported under an enclosing field: {@code e.under("loans[2]")} turns
     * {@code lender: …} into {@code loans[2].lender: …}.
     */
    public InvalidValueException under(String enclosingField) {
        return new InvalidValueException(enclosingField + "." + field, text, reason);
    }
}
