package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.JsonLimits;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static io.github.creditrisk.json.internal.Fields.Presence.OPTIONAL;

/**
 * The implementation behind {@code RiskJson}; not API. Immutable and thread-safe: it holds one configured
 * {@link JsonFactory} and the limits, and every call uses its own parser or generator.
 *
 * <p>No {@code ObjectMapper} is involved: input is parsed by Jackson's streaming parser into a tree (see
 * {@link TreeReader}) and mapped field by field to the risk-api records, and output is written with a
 * {@link JsonGenerator}. So there is no data binding, no default typing and no type information taken from
 * the document, by construction rather than by configuration.
 */
public final class Codec {

    static final String BORROWERS = "borrowers";
    static final List<String> CASE_FILE_FIELDS = List.of("asOf", "signals", BORROWERS);

    /** Drops streamed entries unread. */
    private static final TreeReader.Entries IGNORED = new TreeReader.Entries() {
        @Override
        public void entry(int index, JsonNode element) {
        }

        @Override
        public void rejected(int index, String id, InvalidValueException problem) {
        }
    };

    private final JsonLimits limits;
    private final JsonFactory factory;
    private final TreeReader reader;
    private final Values values;
    private final ProfileFormat profiles;
    /** The usual borrower line, read without a tree; anything else is read through {@link #reader}. */
    private final ProfileLineReader lines;
    private final SignalFormat signals;
    private final DecisionFormat decisions;

    public Codec(JsonLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        int longest = Math.max(limits.maxLineLength(), limits.maxDocumentLength());
        this.factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(longest)
                        // Texts are limited field by field (Values.text), so that an over-long text costs
                        // one borrower; the parser only guards the document as a whole.
                        .maxStringLength(longest)
                        .build())
                // Strict JSON, stated rather than assumed: no NaN, comments, single quotes, trailing commas.
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
                .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
                .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                // Duplicate keys are detected by TreeReader, per object, so that one costs one borrower.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Written as bytes, a character beyond the BMP (an emoji in a name) is its UTF-8, as when the
                // line is written as text and then encoded, not a \uD83D\uDE00 escape: the same line either way.
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        this.reader = new TreeReader(factory, limits);
        this.values = new Values(limits);
        this.profiles = new ProfileFormat(values);
        this.lines = new ProfileLineReader(factory, limits, values);
        this.signals = new SignalFormat(values);
        this.decisions = new DecisionFormat(values);
    }

    public JsonLimits limits() {
        return limits;
    }

    public JsonNode readTree(String json) {
        return reader.read(Objects.requireNonNull(json, "json"), TreeReader.Framing.DOCUMENT, "a JSON value", true,
                new TreeReader.Attempt());
    }

    public BorrowerProfile readBorrower(String json) {
        JsonNode root = document(json, "a borrower profile (a JSON object)");
        return guarded(() -> profiles.read(root, ""));
    }

    public BorrowerProfile readBorrower(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return guarded(() -> profiles.read(node, ""));
    }

    public BorrowerInput readBorrowerLine(String line) {
        Objects.requireNonNull(line, "line");
        BorrowerProfile usual = lines.read(line);
        if (usual != null) {
            return new BorrowerInput.Valid(usual);
        }
        TreeReader.Attempt attempt = new TreeReader.Attempt();
        JsonNode root;
        try {
            root = reader.read(line, TreeReader.Framing.LINE, "a borrower profile (one JSON object per line)",
                    false, attempt);
        } catch (InvalidValueException e) {
            return new BorrowerInput.Rejected(usableId(attempt.rootId()), e.getMessage());
        }
        return borrower(root, "");
    }

    /** What the fast path alone makes of a borrower line: the profile, or {@code null} (for tests). */
    BorrowerProfile readUsualLine(String line) {
        return lines.read(line);
    }

    public List<Signal> readSignals(String json) {
        // A case file's borrowers are of no interest here: stream them past without keeping them.
        JsonNode root = reader.read(Objects.requireNonNull(json, "json"), TreeReader.Framing.DOCUMENT,
                "an array of signals or a case file", false, new TreeReader.Attempt(), BORROWERS, IGNORED);
        return guarded(() -> signalsOf(root));
    }

    public List<Signal> readSignals(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return guarded(() -> signalsOf(node));
    }

    public CaseFile readCaseFile(String json) {
        // Each borrower is mapped as soon as the parser has it, and its tree dropped.
        List<BorrowerInput> streamed = new ArrayList<>();
        JsonNode root = reader.read(Objects.requireNonNull(json, "json"), TreeReader.Framing.DOCUMENT,
                "a case file (a JSON object)", false, new TreeReader.Attempt(), BORROWERS,
                new TreeReader.Entries() {
                    @Override
                    public void entry(int index, JsonNode element) {
                        streamed.add(borrower(element, Paths.index(BORROWERS, index)));
                    }

                    @Override
                    public void rejected(int index, String id, InvalidValueException problem) {
                        streamed.add(new BorrowerInput.Rejected(usableId(id), problem.getMessage()));
                    }
                });
        return guarded(() -> caseFile(root, streamed));
    }

    public CaseFile readCaseFile(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return guarded(() -> caseFile(node, null));
    }

    public Decision readDecision(String json) {
        JsonNode root = document(json, "a decision (a JSON object)");
        return guarded(() -> decisions.readDecision(root));
    }

    public Evaluation readEvaluation(String json) {
        JsonNode root = document(json, "a decision or an error line (a JSON object)");
        return guarded(() -> decisions.readEvaluation(root));
    }

    public String writeBorrower(BorrowerProfile borrower) {
        Objects.requireNonNull(borrower, "borrower");
        return write(g -> ProfileFormat.write(g, borrower));
    }

    public String writeSignals(List<? extends Signal> list) {
        List<? extends Signal> copy = List.copyOf(list);
        return write(g -> SignalFormat.writeAll(g, copy));
    }

    public String writeDecision(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        return write(g -> DecisionFormat.write(g, decision));
    }

    public String writeEvaluation(Evaluation evaluation) {
        return write(evaluationBody(evaluation));
    }

    /** {@link #writeEvaluation}, as UTF-8 bytes: for output that is bytes anyway, without a detour through chars. */
    public byte[] writeEvaluationUtf8(Evaluation evaluation) {
        return writeUtf8(evaluationBody(evaluation));
    }

    /** An evaluation's line: the decision, or the contract's error line. */
    private static Body evaluationBody(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        if (evaluation instanceof Evaluation.Decided decided) {
            return g -> DecisionFormat.write(g, decided.decision());
        }
        Evaluation.Failed failed = (Evaluation.Failed) evaluation;
        return g -> DecisionFormat.writeError(g, failed);
    }

    /** Writes an amount as a JSON number in plain notation: 80000, never 8E+4. */
    static void writeAmount(JsonGenerator g, String name, BigDecimal amount) throws IOException {
        g.writeFieldName(name);
        writeAmount(g, amount);
    }

    /** Writes an amount as a plain decimal number. */
    static void writeAmount(JsonGenerator g, BigDecimal amount) throws IOException {
        if (amount.scale() == 0 && amount.signum() >= 0 && amount.compareTo(LONG_MAX) <= 0) {
            g.writeNumber(amount.longValue()); // a whole amount, the usual one: written without a string
        } else {
            g.writeNumber(amount.toPlainString());
        }
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private JsonNode document(String json, String expected) {
        return reader.read(Objects.requireNonNull(json, "json"), TreeReader.Framing.DOCUMENT, expected, false,
                new TreeReader.Attempt());
    }

    private List<Signal> signalsOf(JsonNode root) {
        if (root.isArray()) {
            return signals.readAll(root, "signals");
        }
        if (root.isObject()) {
            Fields f = Fields.open(root, "", "a case file", CASE_FILE_FIELDS, values);
            return signals.readAll(f.get("signals"), "signals");
        }
        throw Values.invalid("", Show.value(root) + " is neither an array of signals nor a case file; expected"
                + " a JSON array or object");
    }

    /**
     * @param streamed the borrowers already read from a streamed {@code borrowers} array, or {@code null}
     *                 to read them from the tree
     */
    private CaseFile caseFile(JsonNode root, List<BorrowerInput> streamed) {
        Fields f = Fields.open(root, "", "a case file", CASE_FILE_FIELDS, values);
        LocalDate asOf = f.date("asOf", OPTIONAL);
        List<Signal> found = signals.readAll(f.get("signals"), "signals");
        JsonNode entries = f.get(BORROWERS);
        List<BorrowerInput> borrowers = new ArrayList<>();
        if (entries != null) {
            if (!entries.isArray()) {
                throw Values.invalid(BORROWERS, Show.value(entries) + " is not an array; expected an array of"
                        + " borrower profiles");
            }
            if (streamed != null) {
                borrowers.addAll(streamed);
            }
            for (int i = 0; i < entries.size(); i++) {
                borrowers.add(borrower(entries.get(i), Paths.index(BORROWERS, i)));
            }
        }
        return new CaseFile(asOf, found, borrowers);
    }

    /** One borrower entry: a problem with it is a rejection of that entry, never an exception. */
    private BorrowerInput borrower(JsonNode node, String path) {
        try {
            return new BorrowerInput.Valid(profiles.read(node, path));
        } catch (InvalidValueException e) {
            return new BorrowerInput.Rejected(idOf(node), e.getMessage());
        } catch (RuntimeException e) {
            return new BorrowerInput.Rejected(idOf(node), unexpected(e).getMessage());
        }
    }

    private String idOf(JsonNode node) {
        JsonNode id = node != null && node.isObject() ? node.get("id") : null;
        return id != null && id != TreeReader.DUPLICATE && id.isTextual() ? usableId(id.textValue()) : null;
    }

    /**
     * An id worth echoing in an error line: non-blank, within the length limit, and whole Unicode text (an
     * unpaired surrogate is written out as '?', so echoing it would name, and take the place of, another id).
     */
    private String usableId(String id) {
        return id != null && !id.isBlank() && id.length() <= limits.maxStringLength()
                && Values.unpairedSurrogate(id) < 0 ? id : null;
    }

    /** Runs a mapping; a failure that is not already an {@link InvalidValueException} becomes one. */
    private static <T> T guarded(Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (InvalidValueException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    /** Not expected: a mapping bug. Still reported as bad input in one line, without a stack trace. */
    private static InvalidValueException unexpected(RuntimeException e) {
        String detail = e.getMessage() == null ? "" : ": " + Show.oneLine(e.getMessage().lines().findFirst()
                .orElse(""));
        return new InvalidValueException(Paths.INPUT, "could not be read (" + e.getClass().getSimpleName()
                + detail.substring(0, Math.min(detail.length(), 160)) + ")");
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            // A StringWriter does not fail; keep the signature free of checked exceptions.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private byte[] writeUtf8(Body body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator g = factory.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; keep the signature free of checked exceptions.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
