package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to build an engine. The defaults use the rules bundled with the engine.
 *
 * @param rulesDirectory the directory of rule files to compile; {@code null} for the bundled rules
 * @param fireLimit      the most rule firings one borrower's evaluation may take before it is stopped and
 *                       reported as an error (a guard against rules that fire without end); ≥ 1
 * @param timeBudget     the longest one borrower's evaluation may take before it is stopped and reported as
 *                       an error (checked as rules fire); positive
 * @param options        engine-specific options, by name; empty by default
 */
public record EngineSettings(@Nullable Path rulesDirectory, int fireLimit, java.time.Duration timeBudget,
                             Map<String, String> options) {

    /** The default fire limit: far above what any sane rule set needs for one borrower. */
    public static final int DEFAULT_FIRE_LIMIT = 10_000;

    /**
     * The default time budget: far above what a sane rule set needs for one borrower, even the largest borrower
     * the input limits allow against ten thousand signals.
     */
    public static final java.time.Duration DEFAULT_TIME_BUDGET = java.time.Duration.ofSeconds(5);

    public EngineSettings {
        if (fireLimit < 1) {
            throw new InvalidValueException("fireLimit", fireLimit + " is too small; expected at least 1");
        }
        Checks.required(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new InvalidValueException("timeBudget", timeBudget + " is not positive; expected a duration > 0");
        }
        options = options == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The bundled rules and the default fire limit. */
    public static EngineSettings defaults() {
        return new EngineSettings(null, DEFAULT_FIRE_LIMIT, DEFAULT_TIME_BUDGET, Map.of());
    }

    /** The same settings with the rules taken from {@code directory}. */
    public EngineSettings withRulesDirectory(Path directory) {
        return new EngineSettings(Checks.required(directory, "rulesDirectory"), fireLimit, timeBudget, options);
    }

    /** The same settings with another fire limit. */
    public EngineSettings withFireLimit(int limit) {
        return new EngineSettings(rulesDirectory, limit, timeBudget, options);
    }

    /** The same settings with another time budget per evaluation. */
    public EngineSettings withTimeBudget(java.time.Duration budget) {
        return new EngineSettings(rulesDirectory, fireLimit, budget, options);
    }

    /** The same settings with one more engine-specific option. */
    public EngineSettings withOption(String name, String value) {
        Map<String, String> copy = new TreeMap<>(options);
        copy.put(Checks.nonBlank(name, "option"), Checks.required(value, name));
        return new EngineSettings(rulesDirectory, fireLimit, timeBudget, copy);
    }
}
