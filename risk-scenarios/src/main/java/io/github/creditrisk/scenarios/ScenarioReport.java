package io.github.creditrisk.scenarios;

import io.github.creditrisk.RuleInfo;

import java.util.List;

/**
 * The outcome of a scenario run.
 *
 * @param results  each scenario with its differences (none when it passed), in run order
 * @param rules    how many rules the rule set has
 * @param notFired the rules that fired in no scenario
 */
public record ScenarioReport(List<Result> results, int rules, List<RuleInfo> notFired) {

    public ScenarioReport {
        results = List.copyOf(results);
        notFired = List.copyOf(notFired);
    }

    /** One scenario's result. */
    public record Result(Scenario scenario, List<String> differences) {
        public Result {
            differences = List.copyOf(differences);
        }

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /** Whether every scenario passed. */
    public boolean passed() {
        return results.stream().allMatch(Result::passed);
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }
}
