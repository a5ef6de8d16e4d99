package io.github.creditrisk.cli;

import picocli.CommandLine.Command;

/** {@code risk}: the command analysts and operators use. */
@Command(name = "risk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The credit-risk rules engine: decide borrowers, check and test rules.",
        subcommands = {EvalCommand.class, CheckCommand.class, TestCommand.class, GenerateCommand.class,
                SimulateCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success; 1 rule errors (check) or failing scenarios (test);"
                + " 2 bad usage or rejected input; 3 the impact guard of simulate tripped."})
final class RiskCommand {
}
