package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The validation shared by the records of this package; each check names the field it guards. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is missing; it is required");
        }
        return value;
    }

    static String nonBlank(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new InvalidValueException(field, "is blank; expected a non-blank text");
        }
        return value;
    }

    /** A nullable text: {@code null} stays {@code null}, but a present value must not be blank. */
    static @Nullable String optionalNonBlank(@Nullable String value, String field) {
        return value == null ? null : nonBlank(value, field);
    }

    static BigDecimal nonNegative(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new InvalidValueException(field, value.toPlainString() + " is negative; expected a number ≥ 0");
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field, value + " is negative; expected a whole number ≥ 0");
        }
        return value;
    }

    static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value + " is out of range; expected a whole number from "
                    + min + " to " + max);
        }
        return value;
    }

    /** An unmodifiable copy of a nullable list; {@code null} means empty, and no element may be null. */
    static <T> List<T> listOf(@Nullable Collection<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw new InvalidValueException(field + "[" + i + "]", "is null; expected a value");
            }
            i++;
        }
        return List.copyOf(values);
    }

    static void noNullValues(Map<String, String> map, String field) {
        Objects.requireNonNull(map, field);
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidValueException(field, "contains a null key or value");
            }
        });
    }
}
