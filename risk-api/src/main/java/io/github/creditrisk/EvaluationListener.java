package io.github.creditrisk;

/**
 * Observes evaluations, for audit trails and rule coverage. Every method has a no-op default, so a listener
 * overrides only what it needs. Called on the evaluating thread; a listener shared between threads must be
 * thread-safe. A listener that throws fails the evaluation it observes.
 *
 * <p>Listeners receive borrower ids and rule names only, never profile contents, so an audit log built on
 * them holds no personal data beyond the id.
 */
public interface EvaluationListener {

    /** A listener that does nothing. */
    EvaluationListener NONE = new EvaluationListener() {
    };

    /** A rule fired while deciding {@code borrowerId} (a rule may fire more than once). */
    default void ruleFired(String borrowerId, String ruleName) {
    }

    /** The borrower was decided. */
    default void decided(Decision decision) {
    }

    /** The rules failed for the borrower. */
    default void failed(String borrowerId, String error) {
    }
}
