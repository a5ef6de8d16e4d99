package io.github.creditrisk;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to build an engine. The defaults use the rules bundled with the engine.
 *
 * @param rulesDirectory the directory of rule files to compile; {@code null} for the bundled rules
 * @param fireLimit      the most rule firings one borrower's evaluation may take before it is stopped and
 *                       reported as an error (a guard against rules that fire without end); ≥ 1
 * @param options        engine-specific options, by name; empty by default
 */
public record EngineSettings(Path rulesDirectory, int fireLimit, Map<String, String> options) {

    /** The default fire limit: far above what any sane rule set needs for one borrower. */
    public static final int DEFAULT_FIRE_LIMIT = 10_000;

    public EngineSettings {
        if (fireLimit < 1) {
            throw new InvalidValueException("fireLimit", fireLimit + " is too small; expected at least 1");
        }
        options = options == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The bundled rules and the default fire limit. */
    public static EngineSettings defaults() {
        return new EngineSettings(null, DEFAULT_FIRE_LIMIT, Map.of());
    }

    /** The same settings with the rules taken from {@code directory}. */
    public EngineSettings withRulesDirectory(Path directory) {
        return new EngineSettings(Checks.required(directory, "rulesDirectory"), fireLimit, options);
    }

    /** The same settings with another fire limit. */
    public EngineSettings withFireLimit(int limit) {
        return new EngineSettings(rulesDirectory, limit, options);
    }

    /** The same settings with one more engine-specific option. */
    public EngineSettings withOption(String name, String value) {
        Map<String, String> copy = new TreeMap<>(options);
        copy.put(Checks.nonBlank(name, "option"), Checks.required(value, name));
        return new EngineSettings(rulesDirectory, fireLimit, copy);
    }
}
