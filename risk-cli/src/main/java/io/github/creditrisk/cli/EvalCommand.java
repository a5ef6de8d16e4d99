package io.github.creditrisk.cli;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.spi.Batches;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.cli.internal.CountingInputStream;
import io.github.creditrisk.cli.internal.IdSet;
import io.github.creditrisk.cli.internal.LineReader;
import io.github.creditrisk.cli.internal.OrderedPipeline;
import io.github.creditrisk.cli.internal.Progress;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.RiskJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** {@code risk eval}: decides a case file or a JSON Lines portfolio, one decision per line, in input order. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Decides the borrowers of a case file (.json) or a JSON Lines portfolio (.jsonl, one"
                + " profile per line) and writes one decision per line (JSON Lines) to standard output, in"
                + " input order. A borrower that cannot be decided becomes an error line in its place:"
                + " {\"borrowerId\": ..., \"error\": ...}. That includes a borrower whose rules fail or run"
                + " past the time budget, even inside one rule's code that cannot be stopped; the others are"
                + " decided as usual.",
                "A portfolio is streamed on all cores. Memory grows only by the ids seen, to find repeated"
                        + " ones: give Java about 64 MB plus 100 bytes per borrower (-Xmx256m for 2,000,000"
                        + " borrowers, -Xmx1g for 10,000,000)."},
        footer = {"", "Exit codes: 0 every line has its output line and every borrower was decided; 2 any"
                + " borrower rejected or not decided, or the run could not start (bad option, unreadable input,"
                + " malformed signals, rules that do not compile), or the process was made to exit before the"
                + " run ended."})
final class EvalCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RulesOption rules;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of reasons and notices (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluation date (YYYY-MM-DD); overrides the case file's asOf. Required for JSON Lines.")
    LocalDate asOf;

    @Option(names = "--signals", paramLabel = "FILE",
            description = "Signals: a JSON array of signals, or a case file whose signals are taken. Replaces"
                    + " the case file's own signals.")
    Path signalsFile;

    @Option(names = "--recourse",
            description = "Also say what lifts each restriction: every restriction gets lift, the ways (each a set"
                    + " of actions, such as lowering repayments to an amount) after which it would not be imposed,"
                    + " each checked by deciding again; the notice names the main reasons, at most four, with the"
                    + " simplest way to lift each.")
    boolean recourse;

    @Option(names = "--format", paramLabel = "auto|case|jsonl", defaultValue = "auto",
            description = "Input format; auto (default) decides by the file name (.jsonl) or, for standard"
                    + " input, by the first line.")
    String format;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RunOptions run;

    @Mixin
    LimitsOption limits;

    @Parameters(paramLabel = "INPUT", description = "The case file or .jsonl portfolio; - reads standard input.")
    String input;

    EvalCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (run.problem() != null) {
            return fail(run.problem());
        }
        if (engineOptions.problem() != null) {
            return fail(engineOptions.problem());
        }
        RiskJson json = limits.json();
        List<Signal> signals = null;
        Inputs.Opened opened;
        try {
            if (signalsFile != null) {
                signals = Inputs.signals(json, signalsFile);
            }
            opened = Inputs.open(input, io);
        } catch (Inputs.InputException e) {
            return fail(e.getMessage());
        }
        CountingInputStream counted = opened.stream();
        long size = opened.size();
        PushbackInputStream in = new PushbackInputStream(counted, 64 * 1024);
        boolean caseFile = isCaseFile(in, json);

        Iterator<?> items;
        LocalDate date = asOf;
        if (caseFile) {
            CaseFile file;
            try {
                // Never more than the limit in memory: a case file is read whole, so its size is checked first.
                byte[] bytes = in.readNBytes(json.limits().maxDocumentLength() + 1);
                if (bytes.length > json.limits().maxDocumentLength()) {
                    return fail(input + ": is longer than " + json.limits().maxDocumentLength() + " bytes, the limit"
                            + " for a case file; give a large portfolio as JSON Lines (.jsonl) instead");
                }
                file = json.readCaseFile(new String(bytes, StandardCharsets.UTF_8));
            } catch (InvalidValueException e) {
                return fail(input + ": " + e.getMessage());
            }
            date = asOf != null ? asOf : file.asOf();
            signals = signals != null ? signals : file.signals();
            items = file.borrowers().iterator();
        } else {
            items = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    json.limits().maxLineLength());
        }
        if (date == null) {
            return fail("no evaluation date: give --as-of DATE" + (caseFile ? " or asOf in the case file" : ""));
        }

        RiskEngine engine;
        try {
            engine = rules.engine(engineOptions);
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> io.err().println(err));
            return fail("the rules in " + rules.describe() + " do not compile (" + e.errors().size() + " errors)");
        }
        EvaluationContext context = new EvaluationContext(date, signals == null ? List.of() : signals, language,
                recourse);
        Progress bar = new Progress(io.err(), run.progress(io), size);
        OutputStream out = new BufferedOutputStream(io.out(), 1 << 16);
        Sink sink = new Sink(json, out, bar, counted);
        OrderedPipeline.Report report;
        try (engine; ExitGuard guard = ExitGuard.arm(io, sink)) {
            report = new OrderedPipeline<Object, Result>(recourse ? run.threads() : run.threadsBesideReaderAndWriter(), CHUNK,
                    engineOptions.stuckAfter(), EngineOptions.abandonedThreadsTolerated())
                    .run(asObjects(items), chunk -> decide(chunk, json, engine, context),
                            new Undecided(json, engineOptions.timeBudget()), sink);
            sink.flush();
            guard.disarm();
        } catch (OrderedPipeline.PipelineException e) {
            sink.flush();
            return fail("cannot read " + input + ": " + e.getMessage());
        }
        bar.finish(sink.count, counted.count());
        if (report.stopped()) {
            fail("stopped deciding after " + unstoppable(report.stuck()) + " (the threads left running such rules"
                    + " passed the limit of " + EngineOptions.abandonedThreadsTolerated() + "); the " + report.skipped()
                    + " borrowers after that are error lines saying they were not decided");
        }
        return sink.failed > 0 ? Main.INPUT_ERROR : 0;
    }

    /** Borrowers a chunk: enough to share the cost of a firing of the rules, few enough to keep every core busy. */
    private static final int CHUNK = 256;

    private static String unstoppable(long borrowers) {
        return borrowers == 0 ? "rules that ran past their time budget and could not be stopped"
                : borrowers + (borrowers == 1 ? " borrower whose rules" : " borrowers whose rules")
                + " ran past their time budget and could not be stopped";
    }

    /**
     * The error lines of borrowers the pipeline could not decide: the rules were stuck inside one rule's code,
     * or threw an error (such as StackOverflowError) even when the borrower was decided alone, or the run had
     * stopped deciding. Blank lines stay without an output line.
     */
    private static final class Undecided implements OrderedPipeline.Fallback<Object, Result> {
        private final RiskJson json;
        private final Duration budget;

        Undecided(RiskJson json, Duration budget) {
            this.json = json;
            this.budget = budget;
        }

        @Override
        public Result stuck(Object item) {
            return error(item, "the rules ran past their time budget (" + EngineOptions.words(budget) + ") inside"
                    + " one rule's code and could not be stopped; this borrower was not decided");
        }

        @Override
        public Result failed(Object item, Throwable error) {
            String id = id(item);
            String message = error.getMessage();
            return error(item, "the rules failed" + (id == null ? "" : " for borrower " + id) + ": "
                    + error.getClass().getSimpleName()
                    + (message == null || message.isBlank() ? "" : ": " + message));
        }

        @Override
        public Result skipped(Object item, long stuckItems) {
            return error(item, "not decided: risk eval stopped deciding after " + unstoppable(stuckItems));
        }

        private Result error(Object item, String problem) {
            if (item instanceof LineReader.Line line) {
                if (!line.tooLong() && line.text().isBlank()) {
                    return null;
                }
                return EvalCommand.failed(json, new Evaluation.Failed(id(item), "line " + line.number() + ": "
                        + problem));
            }
            return EvalCommand.failed(json, new Evaluation.Failed(id(item), problem));
        }

        /** The borrower's id, when the item has one. */
        private String id(Object item) {
            if (item instanceof LineReader.Line line) {
                return line.tooLong() ? null : json.readBorrowerLine(line.text()).borrowerId();
            }
            return ((BorrowerInput) item).borrowerId();
        }
    }

    /**
     * While armed, a JVM shutdown hook that turns an early exit (some code called {@code System.exit(0)} before
     * the run wrote its last line) into exit status 2 with one line on standard error: the exit code never says
     * every borrower was decided when the output is incomplete. A shutdown hook runs only when the process is
     * exiting; closing the guard removes it.
     */
    private static final class ExitGuard implements AutoCloseable {
        private final Thread hook;
        private volatile boolean armed = true;

        private ExitGuard(Io io, Sink sink) {
            this.hook = new Thread(() -> {
                if (armed) {
                    long written = sink.flushQuietly();
                    io.err().println("risk eval: the JVM is exiting before every borrower was decided (" + written
                            + " lines written); the output is incomplete");
                    io.err().flush();
                    Runtime.getRuntime().halt(Main.INPUT_ERROR); // from a hook, the one way to set the exit status
                }
            }, "risk-eval-exit-guard");
        }

        static ExitGuard arm(Io io, Sink sink) {
            ExitGuard guard = new ExitGuard(io, sink);
            Runtime.getRuntime().addShutdownHook(guard.hook);
            return guard;
        }

        /** The run wrote its last line: an exit is no longer early. */
        void disarm() {
            armed = false;
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running or has run
            }
        }
    }

    /** One borrower's result: its id (when known) and its output line, written by the worker that decided it. */
    private record Result(String borrowerId, boolean failed, String line) {
    }

    /**
     * Decides a chunk of input items: each is read, the valid profiles are decided together as one batch, and
     * every item gets its output line, in order ({@code null} for a blank line).
     */
    private static List<Result> decide(List<Object> chunk, RiskJson json, RiskEngine engine, EvaluationContext context) {
        Result[] results = new Result[chunk.size()];
        List<BorrowerProfile> valid = new java.util.ArrayList<>(chunk.size());
        List<Integer> places = new java.util.ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Object item = chunk.get(i);
            BorrowerInput in;
            if (item instanceof LineReader.Line line) {
                if (line.tooLong()) {
                    results[i] = failed(json, new Evaluation.Failed(null, "line " + line.number() + ": is "
                            + line.length() + " characters long; the limit is " + json.limits().maxLineLength()));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                in = json.readBorrowerLine(line.text());
                if (in instanceof BorrowerInput.Rejected r) {
                    results[i] = failed(json, new Evaluation.Failed(r.borrowerId(), "line " + line.number() + ": "
                            + r.error()));
                    continue;
                }
            } else {
                in = (BorrowerInput) item;
            }
            if (in instanceof BorrowerInput.Rejected r) {
                results[i] = failed(json, r.toEvaluation());
            } else {
                valid.add(((BorrowerInput.Valid) in).profile());
                places.add(i);
            }
        }
        List<Evaluation> decided = engine.evaluateAll(valid, context);
        for (int k = 0; k < decided.size(); k++) {
            Evaluation e = decided.get(k);
            results[places.get(k)] = new Result(valid.get(k).id(), e instanceof Evaluation.Failed,
                    json.writeEvaluation(e));
        }
        return java.util.Arrays.asList(results);
    }

    private static Result failed(RiskJson json, Evaluation.Failed failure) {
        return new Result(failure.borrowerId(), true, json.writeEvaluation(failure));
    }

    /**
     * Writes results in order, rejecting ids seen earlier in the run, and counts. A lock guards the output, so
     * that the exit guard can flush whole lines from its own thread.
     */
    private static final class Sink implements java.util.function.Consumer<Result> {
        private final RiskJson json;
        private final OutputStream out;
        private final Progress progress;
        private final CountingInputStream counted;
        private final IdSet ids = new IdSet();
        private final ReentrantLock lock = new ReentrantLock();
        volatile long count;
        long failed;

        Sink(RiskJson json, OutputStream out, Progress progress, CountingInputStream counted) {
            this.json = json;
            this.out = out;
            this.progress = progress;
            this.counted = counted;
        }

        @Override
        public void accept(Result result) {
            if (result == null) {
                return;
            }
            String line = result.line();
            boolean bad = result.failed();
            if (result.borrowerId() != null && !ids.add(result.borrowerId())) {
                line = json.writeEvaluation(Batches.repeated(result.borrowerId()));
                bad = true;
            }
            lock.lock();
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the decisions: " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
            if (bad) {
                failed++;
            }
            progress.update(count, counted.count());
        }

        void flush() throws IOException {
            lock.lock();
            try {
                out.flush();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Flushes the lines written so far, unless the writing thread holds the output for a second (it may be
         * blocked on a full pipe), and says how many lines were written.
         */
        long flushQuietly() {
            try {
                if (lock.tryLock(1, TimeUnit.SECONDS)) {
                    try {
                        out.flush();
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the process is exiting: what could not be written is lost either way
            }
            return count;
        }
    }

    /**
     * Whether the input is a case file: by name (.jsonl is JSON Lines), or for standard input by its first
     * line (a JSON Lines portfolio starts with a profile on one line: valid, or rejected but naming its id).
     */
    private boolean isCaseFile(PushbackInputStream in, RiskJson json) throws IOException {
        if (!format.equals("auto")) {
            if (!format.equals("case") && !format.equals("jsonl")) {
                throw new InvalidValueException("--format", "'" + format + "' is not a format; expected auto, case"
                        + " or jsonl");
            }
            return format.equals("case");
        }
        if (!input.equals("-")) {
            return !input.endsWith(".jsonl");
        }
        byte[] head = new byte[64 * 1024];
        int n = in.readNBytes(head, 0, head.length);
        in.unread(head, 0, n);
        String text = new String(head, 0, n, StandardCharsets.UTF_8).stripLeading();
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        return json.readBorrowerLine(first).borrowerId() == null;
    }

    @SuppressWarnings("unchecked")
    private static Iterator<Object> asObjects(Iterator<?> items) {
        return (Iterator<Object>) items;
    }

    private int fail(String message) {
        io.err().println("risk eval: " + message);
        return Main.INPUT_ERROR;
    }

}
