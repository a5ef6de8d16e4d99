package io.github.creditrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.BorrowerProfile;
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
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code risk eval}: decides a case file or a JSON Lines portfolio, one decision per line, in input order. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Decides the borrowers of a case file (.json) or a JSON Lines portfolio (.jsonl, one"
                + " profile per line) and writes one decision per line (JSON Lines) to standard output, in"
                + " input order. A borrower that cannot be decided becomes an error line in its place:"
                + " {\"borrowerId\": ..., \"error\": ...}.",
                "A portfolio is streamed on all cores; memory does not grow with its size."},
        footer = {"", "Exit codes: 0 every borrower decided; 2 any borrower rejected, or the run could not start"
                + " (bad option, unreadable input, malformed signals, rules that do not compile)."})
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

    @Option(names = "--format", paramLabel = "auto|case|jsonl", defaultValue = "auto",
            description = "Input format; auto (default) decides by the file name (.jsonl) or, for standard"
                    + " input, by the first line.")
    String format;

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
            engine = rules.engine();
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> io.err().println(err));
            return fail("the rules in " + rules.describe() + " do not compile (" + e.errors().size() + " errors)");
        }
        EvaluationContext context = new EvaluationContext(date, signals == null ? List.of() : signals, language);
        Progress bar = new Progress(io.err(), run.progress(io), size);
        OutputStream out = new BufferedOutputStream(io.out(), 1 << 16);
        Sink sink = new Sink(json, out, bar, counted);
        try (engine) {
            new OrderedPipeline<Object, Result>(run.threadsBesideReaderAndWriter(), 256)
                    .runChunked(asObjects(items), chunk -> decide(chunk, json, engine, context), sink);
        } catch (OrderedPipeline.PipelineException e) {
            out.flush();
            return fail("cannot read " + input + ": " + e.getMessage());
        }
        out.flush();
        bar.finish(sink.count, counted.count());
        return sink.failed > 0 ? Main.INPUT_ERROR : 0;
    }

    /**
     * One borrower's result: its id (when known) and its output line, already written as JSON in UTF-8 (by the
     * worker that decided it: the thread writing the output only copies bytes).
     */
    private record Result(String borrowerId, boolean failed, byte[] line) {
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
                    json.writeEvaluationUtf8(e));
        }
        return java.util.Arrays.asList(results);
    }

    private static Result failed(RiskJson json, Evaluation.Failed failure) {
        return new Result(failure.borrowerId(), true, json.writeEvaluationUtf8(failure));
    }

    /** Writes results in order, rejecting ids seen earlier in the run, and counts. */
    private static final class Sink implements java.util.function.Consumer<Result> {
        private final RiskJson json;
        private final OutputStream out;
        private final Progress progress;
        private final CountingInputStream counted;
        private final IdSet ids = new IdSet();
        long count;
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
            byte[] line = result.line();
            boolean bad = result.failed();
            if (result.borrowerId() != null && !ids.add(result.borrowerId())) {
                line = json.writeEvaluationUtf8(RiskEngine.duplicate(result.borrowerId()));
                bad = true;
            }
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the decisions: " + e.getMessage(), e);
            }
            count++;
            if (bad) {
                failed++;
            }
            progress.update(count, counted.count());
        }
    }

    /**
     * Whether the input is a case file: by name (.jsonl is JSON Lines), or for standard input by its first
     * line (a JSON Lines portfolio starts with a complete profile on one line).
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
        try {
            JsonNode node = json.readTree(first);
            return node.has("borrowers") || node.has("signals") || node.has("asOf");
        } catch (InvalidValueException e) {
            return true; // not one object on its first line: a pretty-printed case file
        }
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
