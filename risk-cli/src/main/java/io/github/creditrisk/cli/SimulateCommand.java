package io.github.creditrisk.cli;

import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.cli.internal.CountingInputStream;
import io.github.creditrisk.cli.internal.IdSet;
import io.github.creditrisk.cli.internal.LineReader;
import io.github.creditrisk.cli.internal.OrderedPipeline;
import io.github.creditrisk.cli.internal.Progress;
import io.github.creditrisk.simulate.Comparison;
import io.github.creditrisk.simulate.HtmlReport;
import io.github.creditrisk.simulate.Impact;
import io.github.creditrisk.simulate.ImpactTally;
import io.github.creditrisk.simulate.JsonReport;
import io.github.creditrisk.simulate.Setup;
import io.github.creditrisk.simulate.Side;
import io.github.creditrisk.simulate.SideBySide;
import io.github.creditrisk.simulate.TextReport;
import io.github.creditrisk.json.RiskJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code risk simulate}: decides every borrower of a portfolio under a baseline and a candidate (rules and
 * signals) in one streamed pass, and reports the difference: the blast radius of a rule change or a new
 * signal.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Champion/challenger impact simulation: decides every borrower of a JSON Lines portfolio"
                + " under the baseline (rules and signals in force) and under the candidate (proposed rules or"
                + " signals), in one streamed pass on all cores, and reports what would change: the outcome"
                + " transitions, borrowers newly and no longer affected per family and restriction type, by segment"
                + " and region, the credit limit removed or restored, and a sample of changed borrowers with the"
                + " reasons.",
                "Text on standard output; --report writes a self-contained HTML page, --json the same figures"
                        + " for machines. Either side's rules default to the bundled rules."},
        footer = {"", "Exit codes: 0 every line compared and the guard (if any) respected; 2 bad usage or set-up"
                + " (unreadable input, malformed signals, rules that do not compile, no date), or any line rejected;"
                + " 3 the candidate restricts more than --max-restricted-share percent of the portfolio beyond the"
                + " baseline (3 wins over rejected lines)."})
final class SimulateCommand implements Callable<Integer> {

    /** Lines per unit of work: both sides decide a batch per firing of the rules. */
    private static final int BATCH = 256;

    private final Io io;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "The rules in force (.drl and messages_LANG.properties); default: the bundled rules.")
    Path baselineRules;

    @Option(names = "--candidate", paramLabel = "DIR",
            description = "The proposed rules; default: the bundled rules.")
    Path candidateRules;

    @Option(names = "--signals", paramLabel = "FILE",
            description = "The signals in force (a JSON array, or a case file whose signals are taken); both sides"
                    + " use them unless --candidate-signals is given. Default: none.")
    Path signalsFile;

    @Option(names = "--candidate-signals", paramLabel = "FILE",
            description = "The candidate's signals, instead of --signals (to ask \"what if this signal is issued\","
                    + " give the signals in force plus the new one).")
    Path candidateSignalsFile;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluation date of both sides (YYYY-MM-DD). Required.")
    LocalDate asOf;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of the reasons in the sample (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the report as a self-contained HTML page (FILE.html).")
    Path htmlFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path jsonFile;

    @Option(names = "--max-restricted-share", paramLabel = "P",
            description = "Guard: exit with 3 when the candidate restricts more than P percent of the compared"
                    + " borrowers beyond the baseline ((candidate RESTRICT - baseline RESTRICT) / compared x 100 > P).")
    Double maxRestrictedShare;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "20",
            description = "How many changed borrowers to show, the first by input order (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--top-regions", paramLabel = "N", defaultValue = "10",
            description = "How many regions the text and HTML reports list (default: ${DEFAULT-VALUE}).")
    int topRegions;

    @Mixin
    RunOptions run;

    @Mixin
    LimitsOption limits;

    @Parameters(paramLabel = "PORTFOLIO", description = "The JSON Lines portfolio (.jsonl); - reads standard input.")
    String input;

    SimulateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        String bad = badOption();
        if (bad != null) {
            return fail(bad);
        }
        RiskJson json = limits.json();
        List<Signal> baselineSignals;
        List<Signal> candidateSignals;
        try {
            baselineSignals = signalsFile == null ? List.of() : Inputs.signals(json, signalsFile);
            candidateSignals = candidateSignalsFile == null ? baselineSignals
                    : Inputs.signals(json, candidateSignalsFile);
        } catch (Inputs.InputException e) {
            return fail(e.getMessage());
        }
        if (asOf == null) {
            return fail("no evaluation date: give --as-of DATE");
        }
        for (Path out : new Path[] {htmlFile, jsonFile}) {
            Path parent = out == null ? null : out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return fail("cannot write " + out + ": no such directory " + parent);
            }
        }
        Inputs.Opened opened;
        try {
            opened = Inputs.open(input, io);
        } catch (Inputs.InputException e) {
            return fail(e.getMessage());
        }
        CountingInputStream counted = opened.stream();
        long size = opened.size();

        RiskEngine baseline = compile("baseline", baselineRules);
        RiskEngine candidate = baseline == null ? null
                : sameRules() ? baseline : compile("candidate", candidateRules);
        try {
            if (candidate == null) {
                return Main.INPUT_ERROR;
            }
            Setup setup = new Setup(asOf, language,
                    new Side(describe(baselineRules), baseline.ruleSet().version(), baselineSignals),
                    new Side(describe(candidateRules), candidate.ruleSet().version(), candidateSignals),
                    maxRestrictedShare, sample, topRegions);
            Impact impact = compare(setup, json, counted, size, new SideBySide(json,
                    baseline, new EvaluationContext(asOf, baselineSignals, language),
                    candidate, new EvaluationContext(asOf, candidateSignals, language)));
            return impact == null ? Main.INPUT_ERROR : report(impact);
        } finally {
            if (baseline != null) {
                baseline.close();
            }
            if (candidate != null && candidate != baseline) {
                candidate.close();
            }
            if (!input.equals("-")) {
                counted.close();
            }
        }
    }

    /** Decides the portfolio under both sides and adds it up; {@code null} when the input cannot be read. */
    private Impact compare(Setup setup, RiskJson json, CountingInputStream counted, long size, SideBySide work) {
        ImpactTally tally = new ImpactTally(setup);
        IdSet ids = new IdSet();
        Progress bar = new Progress(io.err(), run.progress(io), size);
        LineReader lines = new LineReader(new InputStreamReader(counted, StandardCharsets.UTF_8),
                json.limits().maxLineLength());
        int workers = run.threads();
        OrderedPipeline.Report report;
        try {
            // Each chunk of lines is decided as one batch under each side; both sides have the default budget.
            report = new OrderedPipeline<LineReader.Line, Comparison>(workers, BATCH,
                    EngineSettings.DEFAULT_TIME_BUDGET.plus(EngineOptions.STUCK_GRACE),
                    EngineOptions.abandonedThreadsTolerated())
                    .run(lines, batch -> work.compare(entries(work, batch)), new Unanswered(json), comparison -> {
                        if (comparison != null) {
                            tally.accept(firstOfItsId(comparison, ids));
                            bar.update(tally.lines(), counted.count());
                        }
                    });
        } catch (OrderedPipeline.PipelineException e) {
            fail("cannot read " + input + ": " + e.getMessage());
            return null;
        }
        bar.finish(tally.lines(), counted.count());
        if (report.stopped()) {
            fail("stopped comparing after " + report.stuck() + " borrowers whose rules ran past their time budget"
                    + " and could not be stopped; the " + report.skipped() + " lines after that count as rejected");
        }
        return tally.impact();
    }

    /** The entries of a batch of lines; blank lines are not borrowers. */
    private static List<SideBySide.Entry> entries(SideBySide work, List<LineReader.Line> lines) {
        List<SideBySide.Entry> entries = new ArrayList<>(lines.size());
        for (LineReader.Line line : lines) {
            SideBySide.Entry entry = line.tooLong() ? work.tooLong(line.number(), line.length())
                    : work.read(line.number(), line.text());
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * The comparison as the tally takes it: a borrower compared under an id seen on an earlier line is rejected
     * as repeated; a rejected line keeps its own error, and its id counts as seen, as in {@code risk eval}.
     */
    private static Comparison firstOfItsId(Comparison comparison, IdSet ids) {
        boolean first = comparison.borrowerId() == null || ids.add(comparison.borrowerId());
        return first || comparison instanceof Comparison.Rejected ? comparison
                : Comparison.repeated(comparison.line(), comparison.borrowerId());
    }

    /**
     * The rejections of lines the pipeline could not compare: the rules were stuck inside one rule's code, or
     * threw an error even for the borrower alone, or the run had stopped comparing. Blank lines stay uncounted.
     */
    private record Unanswered(RiskJson json) implements OrderedPipeline.Fallback<LineReader.Line, Comparison> {
        @Override
        public Comparison stuck(LineReader.Line line) {
            return rejected(line, "the rules ran past their time budget (" + EngineOptions.words(
                    EngineSettings.DEFAULT_TIME_BUDGET) + ") inside one rule's code and could not be stopped");
        }

        @Override
        public Comparison failed(LineReader.Line line, Throwable error) {
            return rejected(line, "the rules failed: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        }

        @Override
        public Comparison skipped(LineReader.Line line, long stuckItems) {
            return rejected(line, "not compared: risk simulate stopped after " + stuckItems + " borrowers whose"
                    + " rules could not be stopped");
        }

        private Comparison rejected(LineReader.Line line, String problem) {
            if (!line.tooLong() && line.text().isBlank()) {
                return null;
            }
            String id = line.tooLong() ? null : json.readBorrowerLine(line.text()).borrowerId();
            return new Comparison.Rejected(line.number(), id, "line " + line.number() + ": " + problem);
        }
    }

    /** Writes the reports and says how the run ends. */
    private int report(Impact impact) {
        io.out().print(TextReport.write(impact));
        io.out().flush();
        if (htmlFile != null && !write(htmlFile, HtmlReport.write(impact))) {
            return Main.INPUT_ERROR;
        }
        if (jsonFile != null && !write(jsonFile, JsonReport.write(impact))) {
            return Main.INPUT_ERROR;
        }
        impact.warnings().forEach(w -> io.err().println("risk simulate: " + w));
        return impact.exitStatus();
    }

    /** The first problem with the numeric options, or {@code null}. */
    private String badOption() {
        if (maxRestrictedShare != null && !(maxRestrictedShare >= 0 && maxRestrictedShare <= 100)) {
            return "--max-restricted-share " + maxRestrictedShare + " is not a percentage; expected a number from 0"
                    + " to 100";
        }
        if (sample < 0) {
            return "--sample " + sample + " is negative; expected a number ≥ 0";
        }
        if (topRegions < 0) {
            return "--top-regions " + topRegions + " is negative; expected a number ≥ 0";
        }
        if (run.problem() != null) {
            return run.problem();
        }
        return null;
    }

    /** The engine for one side, or {@code null} after reporting every error as FILE:LINE: message. */
    private RiskEngine compile(String side, Path directory) {
        try {
            return Engines.create(EngineSettings.defaults(), directory);
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> io.err().println(err));
            fail("the " + side + " rules in " + describe(directory) + " do not compile (" + e.errors().size()
                    + (e.errors().size() == 1 ? " error)" : " errors)"));
            return null;
        }
    }

    /** Whether both sides name the same rules, which are then compiled once. */
    private boolean sameRules() {
        if (baselineRules == null || candidateRules == null) {
            return baselineRules == candidateRules;
        }
        try {
            return Files.isSameFile(baselineRules, candidateRules);
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Path directory) {
        return directory == null ? "bundled rules" : directory.toString();
    }

    private boolean write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            fail("cannot write " + file + ": " + Inputs.reason(e));
            return false;
        }
    }

    private int fail(String message) {
        io.err().println("risk simulate: " + message);
        return Main.INPUT_ERROR;
    }

}
