package io.github.creditrisk.drools.internal;

import io.github.creditrisk.rulecheck.DrlText;
import io.github.creditrisk.RuleError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rules defined more than once in a rule set, from the DRL text alone, so that they are reported in
 * our words before Drools builds: given the same name twice, Drools reports dozens of errors about classes it
 * generates ({@code The type Rule_OVB$u45$1_... is already defined}) that name neither the rule nor the
 * second place. A rule's name must be unique in the whole rule set, not only in its package: decisions and
 * tests refer to rules by name and id.
 *
 * <p>A definition is a {@code rule "NAME"}, {@code rule 'NAME'} or {@code rule NAME} header at the start of
 * a line (after blanks), outside comments. Stateless and thread-safe.
 */
final class DuplicateRules {

    private static final Pattern HEADER = Pattern.compile(
            "(?m)^[ \\t]*rule[ \\t]*(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'"
                    + "|[ \\t](\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*))");

    private DuplicateRules() {
    }

    /**
     * One error for every definition of a rule after its first, at that definition's file and line, naming the
     * first: {@code copy.drl:40: rule "OVB-1 ..." is defined twice: here and at overborrowing.drl:25; rule
     * names must be unique}. The first definition is the first in file order (the files' relative paths,
     * sorted), then line order.
     *
     * @param drl the text of every DRL file of the rule set, by relative path
     * @return the errors in file and line order; empty when every rule name is unique
     */
    static List<RuleError> find(Map<String, String> drl) {
        Map<String, List<Place>> definitions = new LinkedHashMap<>();
        new TreeMap<>(drl).forEach((file, text) -> {
            Matcher m = HEADER.matcher(withoutComments(text));
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                definitions.computeIfAbsent(name, n -> new ArrayList<>()).add(new Place(file, lineAt(text, m.start())));
            }
        });
        List<RuleError> errors = new ArrayList<>();
        definitions.forEach((name, places) -> {
            Place first = places.get(0);
            String times = places.size() == 2 ? "twice" : places.size() + " times";
            for (Place again : places.subList(1, places.size())) {
                errors.add(new RuleError(again.file(), again.line(), "rule \"" + name + "\" is defined " + times
                        + ": here and at " + first.file() + ":" + first.line() + "; rule names must be unique"));
            }
        });
        errors.sort(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line));
        return errors;
    }

    private record Place(String file, int line) {
    }

    /**
     * The text with its comments blanked out, keeping its length and line breaks (so offsets and lines stay
     * true). Unlike a plain pattern, it reads string literals, so {@code //} inside a rule's name or a string
     * is not taken for a comment.
     */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '"' || c == '\'') {
                i = endOfString(text, i, c);
            } else if (c == '/' && next == '/') {
                int end = text.indexOf('\n', i);
                i = blank(out, i, end < 0 ? text.length() : end);
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? text.length() : end + 2);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Where the string literal opened at {@code start} ends (just after its closing quote, or at its line's end). */
    private static int endOfString(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    private static int blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
        return to;
    }

    private static int lineAt(String text, int offset) {
        return DrlText.lineAt(text, offset);
    }
}
