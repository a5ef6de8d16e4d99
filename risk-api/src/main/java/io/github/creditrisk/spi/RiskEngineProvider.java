package io.github.creditrisk.spi;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;

import java.nio.file.Path;

/**
 * Creates engines of one kind. Implementations need a public no-argument constructor and a line in
 * {@code META-INF/services/io.github.creditrisk.spi.RiskEngineProvider}; they must be thread-safe.
 */
public interface RiskEngineProvider {

    /** The engine's short name, used to choose it (such as {@code drools}); non-blank, unique. */
    String name();

    /**
     * Creates an engine with {@code settings}.
     *
     * @throws io.github.creditrisk.RuleCompilationException when the rules do not compile
     * @throws io.github.creditrisk.RiskException             when the settings cannot be honoured
     */
    RiskEngine create(EngineSettings settings);

    /**
     * The version the rules in {@code directory} would have, without compiling them: what decisions made with
     * them carry as {@code rulesetVersion}.
     *
     * @throws io.github.creditrisk.RiskException when the directory cannot be read
     */
    String versionOf(Path directory);

    /**
     * The version of the rules the engine bundles (used when {@link EngineSettings#rulesDirectory()} is unset).
     *
     * @throws io.github.creditrisk.RiskException when the engine bundles no rules
     */
    String bundledVersion();

    /**
     * Whether a path inside a rules directory, relative to it, is left out of the rule set (tools that watch a
     * directory ignore changes to it).
     */
    boolean isLeftOut(Path relative);
}
