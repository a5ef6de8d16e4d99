package io.github.creditrisk;

import io.github.creditrisk.spi.RiskEngineProvider;

import java.util.List;

/**
 * Two minimal but real engines for the discovery tests: each approves every borrower with its own rule set
 * description, so a test can tell which one was created.
 */
final class TestEngines {

    private TestEngines() {
    }

    private record ApprovingEngine(String name, EngineSettings settings) implements RiskEngine {
        @Override
        public Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener) {
            Decision d = Decision.of(borrower.id(), borrower.creditLimit(), List.of(), List.of(),
                    (o, l, a, r, e) -> "approved by " + name, name);
            listener.decided(d);
            return d;
        }

        @Override
        public RuleSetInfo ruleSet() {
            return new RuleSetInfo(name, name + ", fire limit " + settings.fireLimit(), List.of(), List.of());
        }
    }

    /** A provider of approving engines whose rules are its name. */
    abstract static class Approving implements RiskEngineProvider {
        @Override
        public RiskEngine create(EngineSettings settings) {
            return new ApprovingEngine(name(), settings);
        }

        @Override
        public String versionOf(java.nio.file.Path directory) {
            return name() + "@" + directory.getFileName();
        }

        @Override
        public String bundledVersion() {
            return name();
        }

        @Override
        public boolean isLeftOut(java.nio.file.Path relative) {
            return false;
        }
    }

    public static final class Alpha extends Approving {
        @Override
        public String name() {
            return "alpha";
        }
    }

    public static final class Beta extends Approving {
        @Override
        public String name() {
            return "beta";
        }
    }
}
