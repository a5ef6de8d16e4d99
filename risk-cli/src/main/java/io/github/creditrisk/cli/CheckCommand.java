package io.github.creditrisk.cli;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.drools.DroolsRiskEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.live.internal.DirectoryWatcher;
import io.github.creditrisk.scenarios.Scenario;
import io.github.creditrisk.scenarios.ScenarioException;
import io.github.creditrisk.scenarios.ScenarioReader;
import io.github.creditrisk.scenarios.ScenarioReport;
import io.github.creditrisk.scenarios.ScenarioRunner;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code risk check}: compiles a rule directory and summarises it, or lists every error. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles the rules and prints their files, rules and version, or every error as"
                + " FILE:LINE: message.",
                "With --watch DIR, checks DIR and runs the scenarios beside it (*.scenario.json) at once and again"
                        + " on every save, until interrupted (Ctrl-C)."},
        footer = {"", "Exit codes: 0 the rules compile; 1 rule errors; 2 bad usage."})
final class CheckCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RulesOption rules;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Watch DIR: check it, and run its scenarios, on every save.")
    Path watch;

    @Option(names = "--max-checks", hidden = true, description = "Stop watching after N checks (for scripts).")
    int maxChecks = Integer.MAX_VALUE;

    CheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (watch != null) {
            return watch();
        }
        RuleSetInfo info;
        try (DroolsRiskEngine engine = rules.engine()) {
            info = engine.ruleSet();
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> io.out().println(err));
            io.out().println(e.errors().size() + (e.errors().size() == 1 ? " error" : " errors") + " in "
                    + rules.describe());
            return 1;
        }
        Map<String, String> byFile = new TreeMap<>();
        for (RuleInfo rule : info.rules()) {
            byFile.merge(rule.file(), rule.id(), (a, b) -> a + " " + b);
        }
        long drl = info.files().stream().filter(f -> f.endsWith(".drl")).count();
        String families = info.rules().stream().map(RuleInfo::family).filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining(", "));
        io.out().println("rules    " + info.source());
        io.out().println("version  " + info.version());
        io.out().println("files    " + info.files().size() + ": " + drl + " rule files, " + (info.files().size() - drl)
                + " message catalogues");
        io.out().println("rules    " + info.rules().size() + ", in the families " + families);
        int width = byFile.keySet().stream().mapToInt(String::length).max().orElse(0);
        byFile.forEach((file, ids) -> io.out().printf("  %-" + width + "s  %s%n", file, ids));
        io.out().println("OK");
        return 0;
    }

    /** Checks {@link #watch} now and after every settled save, until interrupted or {@link #maxChecks} is reached. */
    private int watch() throws Exception {
        if (!Files.isDirectory(watch)) {
            io.err().println("risk check: " + watch + " is not a directory");
            return Main.INPUT_ERROR;
        }
        io.out().println("watching " + watch + " (Ctrl-C to stop)");
        Semaphore saves = new Semaphore(0);
        try (DirectoryWatcher watcher = new DirectoryWatcher(watch, Duration.ofMillis(300), saves::release)) {
            for (int checks = 0; checks < maxChecks; checks++) {
                if (checks > 0) {
                    saves.acquire();
                    saves.drainPermits();
                }
                checkOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void checkOnce() {
        String time = "[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] ";
        String pad = " ".repeat(time.length());
        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(watch)) {
            RuleSetInfo info = engine.ruleSet();
            io.out().println(time + "OK: version " + info.version() + ", " + info.rules().size() + " rules in "
                    + info.files().size() + " files");
            List<Scenario> scenarios = new ArrayList<>();
            try {
                ScenarioReader reader = new ScenarioReader(RiskJson.create());
                for (Path file : ScenarioReader.find(List.of(watch))) {
                    scenarios.add(reader.read(file));
                }
            } catch (ScenarioException e) {
                if (!e.getMessage().contains("holds no scenario files")) {
                    io.out().println(pad + "scenarios: " + e.getMessage());
                    return;
                }
            }
            if (scenarios.isEmpty()) {
                io.out().println(pad + "no scenarios (*.scenario.json) beside the rules");
                return;
            }
            ScenarioReport report = new ScenarioRunner(engine).run(scenarios);
            for (ScenarioReport.Result r : report.results()) {
                if (!r.passed()) {
                    io.out().println(pad + "FAIL  " + r.scenario().name());
                    r.differences().forEach(d -> io.out().println(pad + "        " + d));
                }
            }
            io.out().println(pad + "scenarios: " + (report.results().size() - report.failures()) + " of "
                    + report.results().size() + " pass; rule coverage " + (report.rules() - report.notFired().size())
                    + " of " + report.rules());
        } catch (RuleCompilationException e) {
            io.out().println(time + e.errors().size() + (e.errors().size() == 1 ? " error:" : " errors:"));
            e.errors().forEach(err -> io.out().println(pad + err));
        }
        io.out().flush();
    }
}
