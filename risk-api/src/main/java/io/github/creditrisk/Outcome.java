package io.github.creditrisk;

import java.util.Collection;

/** The overall result of an evaluation, derived from its restrictions. */
public enum Outcome {
    /** No restriction: the line continues as it is. */
    APPROVE,
    /** The only restrictions are {@link RestrictionType#MANUAL_REVIEW}: a person will look at the account. */
    REVIEW,
    /** At least one restriction blocks new borrowing, reduces or freezes the line. */
    RESTRICT;

    /**
     * The outcome the merge rules give for a set of restrictions: RESTRICT when any restriction is
     * BLOCK_NEW_BORROWING, REDUCE_LIMIT or FREEZE_LIMIT; REVIEW when the only restrictions are
     * MANUAL_REVIEW; APPROVE when there are none.
     */
    public static Outcome of(Collection<Restriction> restrictions) {
        if (restrictions.isEmpty()) {
            return APPROVE;
        }
        for (Restriction r : restrictions) {
            if (r.type().restrictsTheLine()) {
                return RESTRICT;
            }
        }
        return REVIEW;
    }
}
