package io.github.creditrisk.cli;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RuleCompilationException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --rules DIR}: the rule directory to compile instead of the rules bundled in the jar. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of rule files (.drl and messages_LANG.properties) to use instead of the"
                    + " bundled rules.")
    Path directory;

    /**
     * @throws RuleCompilationException when the rules do not compile
     */
    RiskEngine engine() {
        return directory == null ? BundledRulesPrefetch.bundled()
                : Engines.create(EngineSettings.defaults(), directory);
    }

    /**
     * The engine for these rules with the time budget and fire limit of {@code options}: the fast way (the
     * prefetched bundled rules) when neither is given.
     *
     * @throws RuleCompilationException when the rules do not compile
     */
    RiskEngine engine(EngineOptions options) {
        if (!options.given()) {
            return engine();
        }
        return Engines.create(options.settings(), directory);
    }

    String describe() {
        return directory == null ? "the bundled rules" : directory.toString();
    }
}
