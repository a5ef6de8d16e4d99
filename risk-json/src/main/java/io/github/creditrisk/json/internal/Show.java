package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Renders a rejected value for a one-line error message: short, escaped, never huge. Texts are quoted
 * and cut after {@value #MAX_TEXT} characters; numbers are written as given unless they are very long,
 * when they are shown rounded in scientific notation.
 */
final class Show {

    static final int MAX_TEXT = 40;
    private static final int MAX_PLAIN_NUMBER = 40;
    private static final MathContext ROUNDED = new MathContext(10);

    private Show() {
    }

    static String value(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return text(v.textValue());
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        if (v.isNumber()) {
            if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
                return String.valueOf(v.doubleValue());
            }
            return number(v.decimalValue());
        }
        if (v.isArray()) {
            return v.isEmpty() ? "an empty array" : "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "a value that is not JSON data";
    }

    static String number(BigDecimal d) {
        // toPlainString of 1E+400 or 1E-999999999 would be huge, so look at scale and precision first.
        if (Math.abs((long) d.scale()) <= MAX_PLAIN_NUMBER && d.precision() <= MAX_PLAIN_NUMBER) {
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
        if (end < s.length()) {
            b.append('…');
        }
        return b.append('"').toString();
    }

    /** The message with anything that could break a line or mislead a terminal escaped. */
    static String oneLine(String message) {
        StringBuilder b = new StringBuilder(message.length());
        escape(message, message.length(), false, b);
        return b.toString();
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
