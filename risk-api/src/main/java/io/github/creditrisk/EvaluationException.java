package io.github.creditrisk;

/**
 * The rules failed for one borrower: a rule fired without end, exceeded the time budget, threw, or
 * produced a result the decision contract forbids. The engine stays usable for the next borrower.
 */
public final class EvaluationException extends RiskException {

    private static final long serialVersionUID = 1L;

    private final String borrowerId;

    public EvaluationException(String borrowerId, String message) {
        super(message);
        this.borrowerId = borrowerId;
    }

    public EvaluationException(String borrowerId, String message, Throwable cause) {
        super(message, cause);
        this.borrowerId = borrowerId;
    }

    /** The id of the borrower the rules failed for. */
    public String borrowerId() {
        return borrowerId;
    }
}
