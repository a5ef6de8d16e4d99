package io.github.creditrisk;

import java.util.EnumSet;
import java.util.List;

/**
 * One way to lift a restriction: a set of {@link Action}s that together, with everything else unchanged, give a
 * decision without a restriction of that family and type and without any restriction the decision did not already
 * have. Each way an engine returns was checked by deciding the changed borrower again.
 *
 * @param actions what the customer does (or waits for), at most one of each kind except
 *                {@link Action.Kind#SIGNAL_ENDS}, in the order of {@link Action.Kind}; never empty
 * @param text    the way said to the customer in the decision's language, with each target beside the current
 *                value; never blank
 */
public record Way(List<Action> actions, String text) {

    public Way {
        actions = Checks.listOf(actions, "actions");
        if (actions.isEmpty()) {
            throw new InvalidValueException("actions", "is empty; a way has at least one action");
        }
        EnumSet<Action.Kind> seen = EnumSet.noneOf(Action.Kind.class);
        for (int i = 0; i < actions.size(); i++) {
            Action.Kind kind = actions.get(i).kind();
            if (i > 0 && actions.get(i - 1).kind().compareTo(kind) > 0) {
                throw new InvalidValueException("actions", "are not in the order of their kinds: " + kind
                        + " after " + actions.get(i - 1).kind());
            }
            if (kind != Action.Kind.SIGNAL_ENDS && !seen.add(kind)) {
                throw new InvalidValueException("actions", "hold " + kind + " twice; a way has one of each kind");
            }
        }
        Checks.nonBlank(text, "text");
    }

    /** The borrower with every action of this way done. */
    public BorrowerProfile applyTo(BorrowerProfile borrower) {
        BorrowerProfile changed = borrower;
        for (Action action : actions) {
            changed = action.applyTo(changed);
        }
        return changed;
    }

    /** The context with every action of this way done (the signals that end removed). */
    public EvaluationContext applyTo(EvaluationContext context) {
        EvaluationContext changed = context;
        for (Action action : actions) {
            changed = action.applyTo(changed);
        }
        return changed;
    }
}
