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

    public static final class Alpha implements RiskEngineProvider {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public RiskEngine create(EngineSettings settings) {
            return new ApprovingEngine(name(), settings);
        }
    }

    public static final class Beta implements RiskEngineProvider {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public RiskEngine create(EngineSettings settings) {
            return new ApprovingEngine(name(), settings);
        }
    }
}
