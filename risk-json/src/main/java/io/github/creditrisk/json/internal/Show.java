package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How messages show what they are about, so that a hostile document can neither forge a line nor flood a log:
 * JSON paths ({@code borrowers[2].loans[0].lender}, a key that is not a plain name quoted in brackets:
 * {@code ["monthly income"]}), texts quoted, escaped and cut after {@value #MAX_TEXT} characters, very long
 * numbers rounded.
 */
final class Show {

    /** What a problem of the whole input is reported under: the root has no path of its own. */
    private static final String INPUT = "input";
    static final int MAX_TEXT = 40;
    private static final int MAX_PATH = 300;
    private static final int MAX_PROBLEM = 300;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final MathContext ROUNDED = new MathContext(10);

    private Show() {
    }

    static String child(String parent, String key) {
        if (PLAIN_NAME.matcher(key).matches()) {
            return cut(parent.isEmpty() ? key : parent + "." + key, MAX_PATH);
        }
        return cut(parent + "[" + text(key) + "]", MAX_PATH);
    }

    static String index(String parent, int index) {
        return cut(parent + "[" + index + "]", MAX_PATH);
    }

    /**
     * The path of {@code field}, a path relative to {@code parent} as problems report it ({@value #INPUT} for
     * the parent itself).
     */
    static String under(String parent, String field) {
        if (field.equals(INPUT)) {
            return parent;
        }
        return cut(field.startsWith("[") ? parent + field : parent + "." + field, MAX_PATH);
    }

    /** The field a problem at {@code path} is reported under: the path, or {@value #INPUT} for the root. */
    static String field(String path) {
        return path.isEmpty() ? INPUT : path;
    }

    /** The path of the value a parser is at, below {@code parent}. */
    static String path(String parent, JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = parent;
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                // Before its first element an array's index is -1: the problem is the array itself.
                path = c.hasCurrentIndex() ? index(path, c.getCurrentIndex()) : path;
            } else if (c.getCurrentName() != null) {
                path = child(path, c.getCurrentName());
            }
        }
        return path;
    }

    /** A value as Jackson binds it: a text, a number, true or false, an array (a list), an object (a map). */
    static String value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof BigDecimal d) {
            return number(d);
        }
        if (v instanceof BigInteger || v instanceof Long || v instanceof Integer) {
            return number(new BigDecimal(v.toString()));
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "an empty array" : "an array";
        }
        return v instanceof Map ? "an object" : String.valueOf(v);
    }

    /** The value a parser stopped at, as far as its first token tells. */
    static String token(JsonParser p) {
        try {
            return switch (p.currentToken()) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> text(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> cut(p.getText(), MAX_TEXT);
                case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> p.getText();
                default -> "a value";
            };
        } catch (IOException | RuntimeException e) {
            return "a value";
        }
    }

    static String number(BigDecimal d) {
        // toPlainString of 1E+400 or 1E-999999999 would be huge, so look at scale and precision first.
        if (Math.abs((long) d.scale()) <= MAX_TEXT && d.precision() <= MAX_TEXT) {
            return d.toPlainString();
        }
        BigDecimal rounded = d.round(ROUNDED);
        return (rounded.compareTo(d) == 0 ? "" : "≈") + rounded;
    }

    /** A text in double quotes, escaped as in JSON, cut after {@value #MAX_TEXT} characters. */
    static String text(String s) {
        int end = Math.min(s.length(), MAX_TEXT);
        StringBuilder b = new StringBuilder(end + 8).append('"');
        escape(s, end, true, b);
        return b.append(end < s.length() ? "…\"" : "\"").toString();
    }

    /** A problem another library worded, on one line and of a bounded length. */
    static String problem(String problem) {
        StringBuilder b = new StringBuilder(problem.length());
        escape(problem, problem.length(), false, b);
        return cut(b.toString(), MAX_PROBLEM);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static void escape(String s, int end, boolean quoted, StringBuilder b) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (quoted && (c == '"' || c == '\\')) {
                b.append('\\').append(c);
            } else if (needsEscape(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || Character.isSurrogate(c)                        // a lone half of a pair
                || c == '\u2028' || c == '\u2029'                  // line and paragraph separators
                || (c >= '\u202A' && c <= '\u202E')                // bidirectional overrides
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }
}
