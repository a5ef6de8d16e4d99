package io.github.creditrisk.cli;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.drools.DroolsRiskEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code risk check}: compiles a rule directory and summarises it, or lists every error. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles the rules and prints their files, rules and version, or every error as"
                + " FILE:LINE: message.",
        footer = {"", "Exit codes: 0 the rules compile; 1 rule errors; 2 bad usage."})
final class CheckCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RulesOption rules;

    CheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
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
}
