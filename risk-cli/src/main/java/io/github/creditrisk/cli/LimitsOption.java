package io.github.creditrisk.cli;

import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.json.JsonLimits;
import io.github.creditrisk.json.RiskJson;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * {@code --limit NAME=VALUE}: raises or lowers one of the input limits (see risk-json/README.md), such as
 * {@code --limit maxLoans=5000}; may be repeated.
 */
final class LimitsOption {

    private static final Map<String, BiFunction<JsonLimits, String, JsonLimits>> LIMITS = new TreeMap<>(Map.ofEntries(
            Map.entry("maxAmount", (l, v) -> l.withMaxAmount(new BigDecimal(v))),
            Map.entry("maxDecimalPlaces", (l, v) -> l.withMaxDecimalPlaces(Integer.parseInt(v))),
            Map.entry("maxDaysPastDue", (l, v) -> l.withMaxDaysPastDue(Integer.parseInt(v))),
            Map.entry("maxLoans", (l, v) -> l.withMaxLoans(Integer.parseInt(v))),
            Map.entry("maxRevenueMonths", (l, v) -> l.withMaxRevenueMonths(Integer.parseInt(v))),
            Map.entry("maxSignals", (l, v) -> l.withMaxSignals(Integer.parseInt(v))),
            Map.entry("maxStringLength", (l, v) -> l.withMaxStringLength(Integer.parseInt(v))),
            Map.entry("maxNestingDepth", (l, v) -> l.withMaxNestingDepth(Integer.parseInt(v))),
            Map.entry("maxValues", (l, v) -> l.withMaxValues(Integer.parseInt(v))),
            Map.entry("maxLineLength", (l, v) -> l.withMaxLineLength(Integer.parseInt(v))),
            Map.entry("maxDocumentLength", (l, v) -> l.withMaxDocumentLength(Integer.parseInt(v)))));

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "Change an input limit, such as maxLoans=5000 (repeatable). Limits: maxAmount,"
                    + " maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths, maxSignals, maxStringLength,"
                    + " maxNestingDepth, maxValues, maxLineLength, maxDocumentLength.")
    List<String> limits = List.of();

    /**
     * The JSON reader with the limits asked for.
     *
     * @throws InvalidValueException naming the option when a limit is unknown or its value is not accepted
     */
    RiskJson json() {
        JsonLimits result = JsonLimits.defaults();
        for (String limit : limits) {
            int eq = limit.indexOf('=');
            String name = eq < 0 ? limit : limit.substring(0, eq).strip();
            BiFunction<JsonLimits, String, JsonLimits> with = LIMITS.get(name);
            if (eq < 0 || with == null) {
                throw new InvalidValueException("--limit", "'" + limit + "' is not a limit; expected NAME=VALUE with"
                        + " NAME one of " + String.join(", ", LIMITS.keySet()));
            }
            String value = limit.substring(eq + 1).strip();
            try {
                result = with.apply(result, value);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("--limit", "'" + value + "' is not a number; " + name
                        + " needs one");
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("--limit", name + "=" + value + ": " + e.getMessage());
            }
        }
        return RiskJson.create(result);
    }
}
