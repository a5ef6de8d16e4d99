package io.github.creditrisk.scenarios;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.json.BorrowerInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs scenarios against an engine: each borrower is decided and compared with what its scenario expects,
 * and the rules that fired are counted, so the report can name the rules no scenario made fire.
 * Thread-safe; a run does not change the engine.
 */
public final class ScenarioRunner {

    private final RiskEngine engine;

    public ScenarioRunner(RiskEngine engine) {
        this.engine = engine;
    }

    /** Runs every scenario and reports each, with the rule coverage over all of them. */
    public ScenarioReport run(List<Scenario> scenarios) {
        Set<String> fired = ConcurrentHashMap.newKeySet();
        EvaluationListener coverage = new EvaluationListener() {
            @Override
            public void ruleFired(String borrowerId, String ruleName) {
                fired.add(ruleName);
            }
        };
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            EvaluationContext context = new EvaluationContext(scenario.cases().asOf(), scenario.cases().signals(),
                    Language.EN);
            List<String> differences = new ArrayList<>();
            for (BorrowerInput input : scenario.cases().borrowers()) {
                BorrowerProfile borrower = ((BorrowerInput.Valid) input).profile();
                Expectation expected = scenario.expectations().get(borrower.id());
                try {
                    Decision decision = engine.evaluate(borrower,
                            context.withRecourse(expected != null && expected.lift() != null), coverage);
                    if (expected != null) {
                        expected.differences(decision).forEach(d -> differences.add(borrower.id() + ": " + d));
                    }
                } catch (EvaluationException e) {
                    differences.add(borrower.id() + ": the rules failed: " + e.getMessage());
                }
            }
            results.add(new ScenarioReport.Result(scenario, differences));
        }
        List<RuleInfo> notFired = engine.ruleSet().rules().stream().filter(r -> !fired.contains(r.name())).toList();
        return new ScenarioReport(results, engine.ruleSet().rules().size(), notFired);
    }
}
