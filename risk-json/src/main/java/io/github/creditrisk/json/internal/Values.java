package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.json.JsonLimits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts one JSON value to a Java value, or throws an {@link InvalidValueException} naming the path,
 * showing the value and saying what would have been accepted. The value is present here: whether an
 * absent value is allowed is decided by {@link Fields}.
 *
 * <p>Numbers: JSON has one number type, so an integral value written with a fraction or an exponent
 * ({@code 700.0}, {@code 7e2}) is accepted where a whole number is expected; {@code 700.5} is not. A
 * number written as text ({@code "700"}) is rejected, as is {@code NaN}, {@code Infinity} and anything
 * beyond the limits. An amount given with an exponent is stored in plain form ({@code 1e3} is 1000);
 * otherwise its scale is kept ({@code 1.50} stays 1.50).
 */
final class Values {

    static final String AMOUNT = "a finite number ≥ 0";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonLimits limits;

    Values(JsonLimits limits) {
        this.limits = limits;
    }

    JsonLimits limits() {
        return limits;
    }

    /** A text of at most {@code maxLength} characters (blankness is the records' check). */
    String text(JsonNode v, String path, int maxLength) {
        if (!v.isTextual()) {
            throw invalid(path, Show.value(v) + " is not a text; expected a text in double quotes");
        }
        String s = v.textValue();
        if (acceptable(s, maxLength)) {
            return s;
        }
        if (s.length() > maxLength) {
            throw invalid(path, Show.value(v) + " is too long (" + s.length() + " characters); expected at most "
                    + maxLength + " characters");
        }
        int broken = unpairedSurrogate(s);
        if (broken >= 0) {
            // Only an escape such as "\\ud800" in the JSON puts one here. It is not a character: written out
            // as UTF-8 it becomes '?', so an id holding one would be reported as, and collide with, another one.
            throw invalid(path, Show.value(v) + " holds half a character (an unpaired surrogate, "
                    + String.format("\\u%04X", (int) s.charAt(broken)) + ", at position " + (broken + 1)
                    + "); expected Unicode text");
        }
        return s;
    }

    /** Whether {@link #text} accepts {@code s} as it is. */
    static boolean acceptable(String s, int maxLength) {
        return s.length() <= maxLength && unpairedSurrogate(s) < 0;
    }

    /** The index of the first UTF-16 surrogate in {@code s} that is not half of a pair; -1 when none. */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A finite number from 0 to {@link JsonLimits#maxAmount()} with few enough decimal places. */
    BigDecimal amount(JsonNode v, String path) {
        BigDecimal d = number(v, path, AMOUNT);
        BigDecimal accepted = acceptableAmount(d);
        if (accepted != null) {
            return accepted;
        }
        if (d.signum() < 0) {
            throw invalid(path, Show.value(v) + " is negative; expected " + AMOUNT);
        }
        if (d.compareTo(limits.maxAmount()) > 0) {
            throw invalid(path, Show.value(v) + " is too large; expected at most "
                    + Show.number(limits.maxAmount()));
        }
        // within the range, so what is wrong is the decimal places
        throw invalid(path, Show.value(v) + " has more than " + limits.maxDecimalPlaces()
                + " decimal places; expected at most " + limits.maxDecimalPlaces());
    }

    /**
     * The amount {@link #amount} makes of {@code d}, or {@code null} when it rejects it: within 0 to the
     * maximum, no more decimal places than allowed once trailing zeros are dropped, and in plain form.
     */
    BigDecimal acceptableAmount(BigDecimal d) {
        if (d.signum() < 0 || d.compareTo(limits.maxAmount()) > 0) {
            return null;
        }
        if (d.scale() > limits.maxDecimalPlaces()) {
            d = d.stripTrailingZeros();
            if (d.scale() > limits.maxDecimalPlaces()) {
                return null;
            }
        }
        // 1e3 arrives as 1E+3: store the plain 1000, as a person would read it. Safe: d ≤ maxAmount.
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A whole number from {@code min} to {@code max}; see the class comment for 700.0. */
    int whole(JsonNode v, String path, int min, int max) {
        if (v.isInt() && v.intValue() >= min && v.intValue() <= max) {
            return v.intValue(); // the usual case, decided without making the message it would need
        }
        String expected = "a whole number from " + min + " to " + max;
        BigDecimal d = number(v, path, expected);
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw invalid(path, Show.value(v) + " is not a whole number; expected " + expected);
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(path, Show.value(v) + " is out of range; expected " + expected);
        }
        return d.intValueExact();
    }

    /** One of an enum's constants, by its exact name. */
    <E extends Enum<E>> E choice(JsonNode v, String path, Class<E> type, String noun) {
        if (v.isTextual()) {
            E constant = byName(type, v.textValue());
            if (constant != null) {
                return constant;
            }
        }
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        if (v.isTextual()) {
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(v.textValue().strip())) {
                    throw invalid(path, Show.value(v) + " is not " + noun + "; expected one of " + names
                            + " (written exactly so: did you mean " + constant.name() + "?)");
                }
            }
        }
        throw invalid(path, Show.value(v) + " is not " + noun + "; expected one of " + names);
    }

    /** Each enum's constants by exact name, made once: every borrower read looks one up. */
    private static final ClassValue<java.util.Map<String, Enum<?>>> CONSTANTS = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Enum<?>> computeValue(Class<?> type) {
            java.util.Map<String, Enum<?>> byName = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), (Enum<?>) constant);
            }
            return java.util.Map.copyOf(byName);
        }
    };

    static <E extends Enum<E>> E byName(Class<E> type, String name) {
        return type.cast(CONSTANTS.get(type).get(name));
    }

    /** An ISO-8601 calendar date, {@code 2026-10-01}. */
    LocalDate date(JsonNode v, String path) {
        String expected = "; expected an ISO-8601 date such as 2026-10-01";
        if (!v.isTextual() || !ISO_DATE.matcher(v.textValue()).matches()) {
            throw invalid(path, Show.value(v) + " is not a date" + expected);
        }
        try {
            return LocalDate.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw invalid(path, Show.value(v) + " is not a date (there is no such day)" + expected);
        }
    }

    private static BigDecimal number(JsonNode v, String path, String expected) {
        if (!v.isNumber()) {
            String hint = v.isTextual() && looksNumeric(v.textValue()) ? " (without quotes)" : "";
            throw invalid(path, Show.value(v) + " is not a number; expected " + expected + hint);
        }
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            throw invalid(path, Show.value(v) + " is not a finite number; expected " + expected);
        }
        return v.decimalValue();
    }

    private static boolean looksNumeric(String s) {
        return s.length() <= 40 && s.strip().toLowerCase(Locale.ROOT).matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
    }

    static InvalidValueException invalid(String path, String problem) {
        return new InvalidValueException(Paths.field(path), problem);
    }
}
