package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON paths as errors report them: {@code borrowers[2].loans[0].lender}. A key that is not a plain name
 * is shown quoted in brackets ({@code ["monthly income"]}), so a hostile key cannot forge a path or break
 * the one-line message.
 */
final class Paths {

    /** What a whole-input problem is reported under: the root has no path of its own. */
    static final String INPUT = "input";

    private static final int MAX_NAME = 64;
    private static final int MAX_PATH = 300;

    private Paths() {
    }

    static String child(String parent, String key) {
        if (isPlainName(key)) {
            return cap(parent.isEmpty() ? key : parent + "." + key);
        }
        return cap(parent + "[" + Show.text(key) + "]");
    }

    /**
     * A letter or _, then letters, digits and _, 64 at most (checked without a regex: every field of every
     * borrower read has its path made).
     */
    static boolean isPlainName(String key) {
        if (key.isEmpty() || key.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static String index(String parent, int index) {
        return cap(parent + "[" + index + "]");
    }

    /** The field a problem at {@code path} is reported under: the path, or {@value #INPUT} for the root. */
    static String field(String path) {
        return path.isEmpty() ? INPUT : path;
    }

    /** The path of the value a streaming parser is at. */
    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "";
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

    private static String cap(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }
}
