package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.InvalidValueException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON object at a known path. Opening it checks the object as a whole: every key
 * must be one of the accepted fields (a typo such as {@code previousScore} must not silently switch a rule
 * off) and no key may appear twice. Then each accessor reads one field: JSON {@code null} and an absent
 * key both mean "not given", which is an error ("is missing") for a required field.
 */
final class Fields {

    enum Presence { REQUIRED, OPTIONAL }

    /** Reads one element of an array at its path. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonNode value, String path);
    }

    private final JsonNode object;
    private final String path;
    private final Values values;

    private Fields(JsonNode object, String path, Values values) {
        this.object = object;
        this.path = path;
        this.values = values;
    }

    /**
     * @param what     the object's name in messages, with its article ("a borrower profile")
     * @param accepted the accepted keys, in the order messages list them
     * @throws InvalidValueException when the value is not an object, a key is unknown or appears twice
     */
    static Fields open(JsonNode node, String path, String what, List<String> accepted, Values values) {
        if (node == null || !node.isObject()) {
            throw Values.invalid(path, Show.value(node) + " is not " + what + "; expected a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (field.getValue() == TreeReader.DUPLICATE) {
                throw Values.invalid(Paths.child(path, key), "appears more than once; each field may appear only"
                        + " once");
            }
            if (!accepted.contains(key)) {
                throw Values.invalid(Paths.child(path, key), "is not a field of " + what + "; expected one of "
                        + String.join(", ", accepted) + suggestion(key, accepted));
            }
        }
        return new Fields(node, path, values);
    }

    /** The path of one of this object's fields. */
    String pathOf(String name) {
        return Paths.child(path, name);
    }

    /** The field's value; {@code null} when it is absent or JSON {@code null}. */
    JsonNode get(String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String text(String name, Presence presence) {
        return text(name, presence, values.limits().maxStringLength());
    }

    String text(String name, Presence presence, int maxLength) {
        JsonNode v = given(name, presence);
        return v == null ? null : values.text(v, pathOf(name), maxLength);
    }

    BigDecimal amount(String name, Presence presence) {
        JsonNode v = given(name, presence);
        return v == null ? null : values.amount(v, pathOf(name));
    }

    Integer whole(String name, Presence presence, int min, int max) {
        JsonNode v = given(name, presence);
        return v == null ? null : values.whole(v, pathOf(name), min, max);
    }

    <E extends Enum<E>> E choice(String name, Presence presence, Class<E> type, String noun) {
        JsonNode v = given(name, presence);
        return v == null ? null : values.choice(v, pathOf(name), type, noun);
    }

    LocalDate date(String name, Presence presence) {
        JsonNode v = given(name, presence);
        return v == null ? null : values.date(v, pathOf(name));
    }

    /**
     * An optional array, read element by element; absent or {@code null} means empty.
     *
     * @param noun what the elements are, in the plural ("loans")
     */
    <T> List<T> list(String name, int maxSize, String noun, Element<T> element) {
        JsonNode v = get(name);
        if (v == null) {
            return List.of();
        }
        String at = pathOf(name);
        if (!v.isArray()) {
            throw Values.invalid(at, Show.value(v) + " is not an array; expected an array of " + noun);
        }
        if (v.size() > maxSize) {
            throw Values.invalid(at, "has " + v.size() + " entries; expected at most " + maxSize + " " + noun);
        }
        List<T> result = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            result.add(element.read(v.get(i), Paths.index(at, i)));
        }
        return result;
    }

    private JsonNode given(String name, Presence presence) {
        JsonNode v = get(name);
        if (v == null && presence == Presence.REQUIRED) {
            throw Values.invalid(pathOf(name), "is missing; it is required");
        }
        return v;
    }

    /** A hint for a key that is probably a typo of an accepted one. */
    private static String suggestion(String key, List<String> accepted) {
        if (key.length() > 64) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : accepted) {
            int d = name.equalsIgnoreCase(key) ? 0 : distance(key, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 ? " (did you mean " + best + "?)" : "";
    }

    /** The Levenshtein distance between two short texts. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
