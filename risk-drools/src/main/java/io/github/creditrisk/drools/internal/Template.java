package io.github.creditrisk.drools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed sentence of a message catalogue: literal text and placeholders. A placeholder inserts a value with
 * {@code {name}}, or formats it with {@code {name,amount}}, {@code {name,percent}} (a ratio: 0.725 is written
 * 72.5%) or {@code {name,date}}.
 *
 * @param parts literal {@code String}s and {@link Placeholder}s, in order
 */
record Template(List<Object> parts) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** How a placeholder writes its value. */
    enum Kind {
        PLAIN(""), AMOUNT("amount"), PERCENT("percent"), DATE("date");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    record Placeholder(String name, Kind kind) {
    }

    /** @throws IllegalArgumentException when {@code text} has a broken placeholder */
    static Template parse(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'{' at position " + open + " is never closed");
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            String[] spec = text.substring(open + 1, close).split(",", 2);
            String name = spec[0].strip();
            String format = spec.length > 1 ? spec[1].strip() : "";
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'{" + text.substring(open + 1, close)
                        + "}' is not a placeholder; expected {name} or {name,amount|percent|date}");
            }
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.format.equals(format)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("format '" + format + "' of {" + name
                        + "} is unknown; expected amount, percent or date");
            }
            parts.add(new Placeholder(name, kind));
            i = close + 1;
        }
        return new Template(List.copyOf(parts));
    }
}
