package io.github.creditrisk.cli;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.RuleSetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.github.creditrisk.live.RuleGate;
import io.github.creditrisk.live.DirectoryWatcher;
import io.github.creditrisk.scenarios.ScenarioReport;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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
                        + " on every save, until interrupted (Ctrl-C). A scenario case whose rules run past their"
                        + " time budget inside one rule's code is reported as STOPPED, and the next save is checked"
                        + " as usual."},
        footer = {"", "Exit codes: 0 the rules compile; 1 rule errors; 2 bad usage."})
final class CheckCommand implements Callable<Integer> {

    /** Always with the seconds: {@code LocalTime.toString} drops them when they are zero. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Io io;

    @Mixin
    RulesOption rules;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Watch DIR: check it, and run its scenarios, on every save.")
    Path watch;

    @Option(names = "--max-checks", hidden = true, description = "Stop watching after N checks (for scripts).")
    int maxChecks = Integer.MAX_VALUE;

    /** With --watch: the budget and the fire limit the scenarios of each save are checked under. */
    @Mixin
    EngineOptions limits;

    CheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (watch != null) {
            return watch();
        }
        RuleSetInfo info;
        try (RiskEngine engine = rules.engine()) {
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
        if (limits.problem() != null) {
            io.err().println("risk check: " + limits.problem());
            return Main.INPUT_ERROR;
        }
        RuleGate gate = new RuleGate(limits.settings().withRulesDirectory(watch));
        Semaphore saves = new Semaphore(0);
        try (DirectoryWatcher watcher = new DirectoryWatcher(watch, Duration.ofMillis(300), saves::release)) {
            for (int checks = 0; checks < maxChecks; checks++) {
                if (checks > 0) {
                    saves.acquire();
                    saves.drainPermits();
                }
                checkOnce(gate);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * One check of {@link #watch}, through the same gate as live reload: a candidate whose rules run too long
     * inside one rule's code is reported as such, and the watch goes on with the next save.
     */
    private void checkOnce(RuleGate gate) {
        String time = "[" + LocalTime.now().format(CLOCK) + "] ";
        String pad = " ".repeat(time.length());
        RuleGate.Verdict verdict = gate.check();
        try {
            RuleSetInfo info = verdict.ruleSet();
            if (info == null) {
                if (verdict.kind() == RuleGate.Verdict.Kind.DOES_NOT_COMPILE) {
                    int errors = verdict.problems().size();
                    io.out().println(time + errors + (errors == 1 ? " error:" : " errors:"));
                } else {
                    io.out().println(time + "cannot check:");
                }
                verdict.problems().forEach(p -> io.out().println(pad + p));
                return;
            }
            io.out().println(time + "OK: version " + info.version() + ", " + info.rules().size() + " rules in "
                    + info.files().size() + " files");
            ScenarioReport report = verdict.scenarios();
            switch (verdict.kind()) {
                case PASSED, FAILED -> {
                    if (report == null) {
                        io.out().println(pad + "no scenarios (*.scenario.json) beside the rules");
                        return;
                    }
                    for (ScenarioReport.Result r : report.results()) {
                        if (!r.passed()) {
                            io.out().println(pad + "FAIL  " + r.scenario().name());
                            r.differences().forEach(d -> io.out().println(pad + "        " + d));
                        }
                    }
                    io.out().println(pad + "scenarios: " + (report.results().size() - report.failures()) + " of "
                            + report.results().size() + " pass; rule coverage "
                            + (report.rules() - report.notFired().size()) + " of " + report.rules());
                }
                case RAN_TOO_LONG, THREW -> verdict.problems().forEach(p -> io.out().println(pad + "STOPPED  " + p));
                default -> verdict.problems().forEach(p -> io.out().println(pad + "scenarios: " + p));
            }
        } finally {
            if (verdict.engine() != null) {
                verdict.engine().close();
            }
            io.out().flush();
        }
    }
}
