package io.github.creditrisk.cli;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.scenarios.Scenario;
import io.github.creditrisk.scenarios.ScenarioException;
import io.github.creditrisk.scenarios.ScenarioReader;
import io.github.creditrisk.scenarios.ScenarioReport;
import io.github.creditrisk.scenarios.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code risk test}: runs scenario files against the rules and reports each, then the rule coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs scenario files (a case file plus the decisions expected for its borrowers) against"
                + " the rules, reports each as PASS or FAIL with the differences, and ends with the rules that"
                + " no scenario made fire.",
                "A directory is searched for *.scenario.json files. The format is described in rules/README.md."},
        footer = {"", "Exit codes: 0 every scenario passed; 1 a scenario failed or the rules do not compile;"
                + " 2 bad usage or an unreadable scenario file."})
final class TestCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Scenario files, or directories to search.")
    List<Path> paths;

    TestCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        List<Scenario> scenarios = new ArrayList<>();
        ScenarioReader reader = new ScenarioReader(RiskJson.create());
        try {
            for (Path file : ScenarioReader.find(paths)) {
                scenarios.add(reader.read(file));
            }
        } catch (ScenarioException e) {
            io.err().println("risk test: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        ScenarioReport report;
        try (RiskEngine engine = rules.engine()) {
            report = new ScenarioRunner(engine).run(scenarios);
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> io.out().println(err));
            io.out().println("the rules in " + rules.describe() + " do not compile");
            return 1;
        }
        for (ScenarioReport.Result result : report.results()) {
            Scenario s = result.scenario();
            io.out().println((result.passed() ? "PASS  " : "FAIL  ") + s.name() + "  (" + s.file() + ", "
                    + s.expectations().size() + " borrowers)");
            result.differences().forEach(d -> io.out().println("        " + d));
        }
        io.out().println();
        int fired = report.rules() - report.notFired().size();
        io.out().println("rule coverage: " + fired + " of " + report.rules() + " rules fired");
        for (RuleInfo rule : report.notFired()) {
            io.out().println("  never fired: " + rule.name() + "  (" + rule.file() + ")");
        }
        io.out().println(report.passed()
                ? "OK: " + report.results().size() + " scenarios passed"
                : "FAILED: " + report.failures() + " of " + report.results().size() + " scenarios failed");
        return report.passed() ? 0 : 1;
    }
}
