package io.github.creditrisk;

/**
 * One error in a rule set, located in its file.
 *
 * @param file    the file, relative to the rule set's root (such as {@code overborrowing.drl})
 * @param line    the 1-based line, or 0 when the error concerns the whole file
 * @param message what is wrong
 */
public record RuleError(String file, int line, String message) {

    public RuleError {
        Checks.nonBlank(file, "file");
        Checks.nonNegative(line, "line");
        Checks.nonBlank(message, "message");
    }

    /** {@code FILE:LINE: message}, the form editors and build tools understand. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
