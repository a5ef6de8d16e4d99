package io.github.creditrisk.cli;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.drools.DroolsRiskEngine;
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
    DroolsRiskEngine engine() {
        return directory == null ? BundledRulesPrefetch.bundled() : DroolsRiskEngine.fromDirectory(directory);
    }

    String describe() {
        return directory == null ? "the bundled rules" : directory.toString();
    }
}
