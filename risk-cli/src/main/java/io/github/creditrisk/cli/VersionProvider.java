package io.github.creditrisk.cli;

import io.github.creditrisk.drools.DroolsRiskEngine;
import picocli.CommandLine;

/** {@code risk --version}: the program's version and the bundled rules' version. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RiskCommand.class.getPackage().getImplementationVersion();
        return new String[] {"risk " + (version == null ? "(development build)" : version),
                "bundled rules " + DroolsRiskEngine.bundledVersion()};
    }
}
