package io.github.creditrisk;

/**
 * A value was rejected: its message names the field (a path such as {@code loans[2].monthlyPayment} when
 * the value is nested), the rejected value and what would have been accepted.
 *
 * <p>Nested values report their own field name; whoever holds the outer value adds the path with
 * {@link #under(String)}, so a JSON reader can report {@code borrowers[3].loans[0].lender}.
 */
public final class InvalidValueException extends RiskException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the field's name or path, e.g. {@code monthlyIncome}
     * @param problem what is wrong and what would have been accepted, e.g.
     *                {@code "-5 is negative; expected a number ≥ 0"}
     */
    public InvalidValueException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's name or path. */
    public String field() {
        return field;
    }

    /** What is wrong with the value, without the field name. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem, reported under an enclosing field: {@code e.under("loans[2]")} turns
     * {@code lender: …} into {@code loans[2].lender: …}.
     */
    public InvalidValueException under(String enclosingField) {
        return new InvalidValueException(enclosingField + "." + field, problem);
    }
}
