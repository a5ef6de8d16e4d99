package io.github.creditrisk.cli;

import picocli.CommandLine;

/** {@code risk --version}: the program's version and the bundled rules' version. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RiskCommand.class.getPackage().getImplementationVersion();
        return new String[] {"risk " + (version == null ? "(development build)" : version),
                "bundled rules " + Engines.provider().bundledVersion()};
    }
}
