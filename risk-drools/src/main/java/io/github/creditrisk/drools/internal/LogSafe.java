package io.github.creditrisk.drools.internal;

/**
 * Values from input made safe for a log line: control characters (line breaks above all) are escaped, so a
 * borrower id cannot forge a second log line, and long values are cut.
 */
public final class LogSafe {

    private static final int MAX = 120;

    private LogSafe() {
    }

    /** The id as it can appear in a log line. */
    public static String id(String id) {
        return escape(id, MAX);
    }

    /** A message (which may quote input) as it can appear in a log line. */
    public static String text(String message) {
        return escape(message, 2000);
    }

    private static String escape(String id, int max) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(id.length(), max) + 8);
        for (int i = 0; i < id.length() && out.length() < max; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && id.length() > max) {
            out.append("…");
        }
        return out.toString();
    }
}
