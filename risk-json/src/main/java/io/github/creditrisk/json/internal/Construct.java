package io.github.creditrisk.json.internal;

import io.github.creditrisk.InvalidValueException;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls a risk-api record constructor and reports its {@link InvalidValueException} at the JSON path. */
final class Construct {

    /** A record's message that starts by quoting the rejected value: {@code 'x' is not a code; …}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?s)'(.*)'( is not .*)");
    private static final int MAX_PROBLEM = 300;

    private Construct() {
    }

    /**
     * @param path the JSON path of the object being built; empty for the root
     * @param constructor builds the record from values already read (never reads JSON itself, so every
     *                    exception it throws is the record's own and names a field of this object)
     */
    static <T> T at(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            InvalidValueException shown = shown(e);
            throw path.isEmpty() ? shown : shown.under(path);
        }
    }

    /**
     * The record's message with the value it quotes shown as every other message shows values: escaped and
     * cut (a record writes {@code 'value' is not a code} with the value as given, which from a hostile
     * document could hold a line break or a megabyte), and nothing in it that could break the line.
     */
    private static InvalidValueException shown(InvalidValueException e) {
        Matcher quoted = QUOTED_VALUE.matcher(e.problem());
        String problem = quoted.matches() ? Show.text(quoted.group(1)) + quoted.group(2) : e.problem();
        problem = Show.oneLine(problem);
        if (problem.length() > MAX_PROBLEM) {
            problem = problem.substring(0, MAX_PROBLEM) + "…";
        }
        return problem.equals(e.problem()) ? e : new InvalidValueException(e.field(), problem);
    }
}
