package io.github.creditrisk.json.internal;

import io.github.creditrisk.InvalidValueException;

import java.util.function.Supplier;

/** Calls a risk-api record constructor and reports its {@link InvalidValueException} at the JSON path. */
final class Construct {

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
            throw path.isEmpty() ? e : e.under(path);
        }
    }
}
