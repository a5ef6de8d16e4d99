package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One borrower entry as read from a case file or a JSON Lines portfolio: either a {@link Valid} profile,
 * or a {@link Rejected} entry with the reason. A rejected entry costs only itself: the caller evaluates
 * the valid ones and writes an error line in place of each rejected one, in input order.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface BorrowerInput permits BorrowerInput.Valid, BorrowerInput.Rejected {

    /** The borrower's id; {@code null} only for a rejected entry without a usable {@code id}. */
    @Nullable String borrowerId();

    /**
     * A profile that passed every check.
     *
     * @param profile the borrower's profile
     */
    record Valid(BorrowerProfile profile) implements BorrowerInput {

        public Valid {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String borrowerId() {
            return profile.id();
        }
    }

    /**
     * An entry that could not be read as a profile.
     *
     * @param borrowerId the entry's {@code id} when it held a usable one (a non-blank text within the
     *                   length limit), otherwise {@code null}
     * @param error      one line naming the field (a JSON path such as {@code loans[1].monthlyPayment}),
     *                   the rejected value and what would have been accepted; never blank
     */
    record Rejected(@Nullable String borrowerId, String error) implements BorrowerInput {

        /**
         * @throws InvalidValueException when {@code error} is missing or blank
         */
        public Rejected {
            if (error == null || error.isBlank()) {
                throw new InvalidValueException("error", (error == null ? "is missing" : "is blank")
                        + "; expected a message naming the field and the value");
            }
        }

        /** The same rejection as a failed evaluation, ready to be written as the contract's error line. */
        public Evaluation.Failed toEvaluation() {
            return new Evaluation.Failed(borrowerId, error);
        }
    }
}
