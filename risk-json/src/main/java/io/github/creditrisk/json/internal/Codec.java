package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.JsonLimits;
import io.github.creditrisk.json.internal.Shapes.EvaluationJson;
import io.github.creditrisk.json.internal.Shapes.ProfileJson;
import io.github.creditrisk.json.internal.Shapes.SignalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The implementation behind {@code RiskJson}; not API. Immutable and thread-safe.
 *
 * <p>One strict {@link JsonMapper} reads and writes every format: strict JSON (Jackson's defaults: no comments,
 * single quotes, {@code NaN}, leading zeros or trailing commas), unknown fields rejected
 * ({@code FAIL_ON_UNKNOWN_PROPERTIES}), a key given twice rejected ({@code STRICT_DUPLICATE_DETECTION}), numbers
 * exact ({@code USE_BIG_DECIMAL_FOR_FLOATS}), nothing after the value ({@code FAIL_ON_TRAILING_TOKENS}), the
 * {@link JsonLimits} as {@link StreamReadConstraints}, and no default typing: it binds the fixed records of
 * {@link Shapes}, so no document can name a type. {@link Records} then makes the risk-api values. What went wrong
 * is told from Jackson's exception types, paths and locations and from the parser's state, never from its words.
 *
 * <p>A case file is read in parts. A scanner (the same parser without the two checks that would cost the whole
 * file: the token budget and repeated keys) finds the text of the date, of the signals and of each borrower; the
 * mapper reads each on its own, a borrower with a budget of its own. So a repeated key or an unreadable number
 * in one borrower costs only that borrower, and a borrower's text is dropped once it is read.
 */
public final class Codec {

    /** The longest number the parser reads, in characters. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final List<String> CASE_FILE_FIELDS = List.of("asOf", "signals", "borrowers");

    /** How positions are given: a JSON Lines line has no line number of its own. */
    private enum Framing { LINE, DOCUMENT }

    @FunctionalInterface
    private interface Parse<T> {
        T from(JsonParser p, String text) throws IOException;
    }

    private final JsonLimits limits;
    private final Records records;
    private final JsonMapper mapper;
    private final JsonFactory scanner;
    private final ObjectReader profiles;
    private final ObjectReader signals;
    private final ObjectReader evaluations;
    private final ObjectReader values;

    public Codec(JsonLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.records = new Records(limits);
        this.mapper = JsonMapper.builder(factory(limits, true))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .deactivateDefaultTyping()
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
                .build();
        this.scanner = factory(limits, false);
        this.profiles = mapper.readerFor(ProfileJson.class);
        this.signals = mapper.readerFor(new TypeReference<List<SignalJson>>() { });
        this.evaluations = mapper.readerFor(EvaluationJson.class);
        this.values = mapper.readerFor(Object.class);
    }

    /** The mapper's parser ({@code strict}) or the scanner's: the scanner counts no tokens and lets keys repeat. */
    private static JsonFactory factory(JsonLimits limits, boolean strict) {
        int longest = Math.max(limits.maxLineLength(), limits.maxDocumentLength());
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        // Texts are limited field by field, so that an over-long one costs one borrower.
                        .maxStringLength(longest)
                        .maxNameLength(longest)
                        .maxTokenCount(strict ? limits.maxValues() : 0)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strict)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    public JsonLimits limits() {
        return limits;
    }

    public BorrowerProfile readBorrower(String json) {
        return document(json, "a borrower profile (a JSON object)", mapper.getFactory(),
                (p, text) -> records.profile(profiles.readValue(p), ""));
    }

    public BorrowerInput readBorrowerLine(String line) {
        try {
            return borrower(checked(line, Framing.LINE, "a borrower profile (one JSON object per line)"), "",
                    Framing.LINE);
        } catch (InvalidValueException e) { // the line as a whole: too long or blank
            return new BorrowerInput.Rejected(null, e.getMessage());
        }
    }

    public List<Signal> readSignals(String json) {
        return document(json, "an array of signals or a case file", scanner, (p, text) -> {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return records.signals(read(text, signals, "signals", Framing.DOCUMENT));
            }
            if (first == JsonToken.START_OBJECT) {
                return caseFile(p, text, false).signals();
            }
            throw Records.invalid("", Show.token(p) + " is neither an array of signals nor a case file; expected a"
                    + " JSON array or object");
        });
    }

    public CaseFile readCaseFile(String json) {
        return document(json, "a case file (a JSON object)", scanner, (p, text) -> {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Records.invalid("", Show.token(p) + " is not a case file; expected a JSON object");
            }
            return caseFile(p, text, true);
        });
    }

    public Decision readDecision(String json) {
        return document(json, "a decision (a JSON object)", mapper.getFactory(),
                (p, text) -> records.decision(evaluations.readValue(p)));
    }

    public Evaluation readEvaluation(String json) {
        return document(json, "a decision or an error line (a JSON object)", mapper.getFactory(),
                (p, text) -> records.evaluation(evaluations.readValue(p)));
    }

    public String writeBorrower(BorrowerProfile borrower) {
        return write(ProfileJson.of(Objects.requireNonNull(borrower, "borrower")));
    }

    public String writeSignals(List<? extends Signal> list) {
        return write(list.stream().map(SignalJson::of).toList());
    }

    public String writeDecision(Decision decision) {
        return writeEvaluation(new Evaluation.Decided(Objects.requireNonNull(decision, "decision")));
    }

    public String writeEvaluation(Evaluation evaluation) {
        return write(EvaluationJson.of(Objects.requireNonNull(evaluation, "evaluation")));
    }

    private String write(Object shape) {
        try {
            return mapper.writeValueAsString(shape);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A whole document, checked, then parsed with {@code factory}; a failure that is not already an
     * {@link InvalidValueException} becomes one.
     */
    private <T> T document(String json, String expected, JsonFactory factory, Parse<T> reading) {
        String text = checked(json, Framing.DOCUMENT, expected);
        try {
            return parse(factory, text, "", Framing.DOCUMENT, reading);
        } catch (InvalidValueException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    /**
     * A case file, the scanner at its opening brace. Each borrower's text is read as soon as it is found, or
     * skipped unless {@code withBorrowers}.
     */
    private CaseFile caseFile(JsonParser p, String text, boolean withBorrowers) throws IOException {
        LocalDate asOf = null;
        List<Signal> found = List.of();
        List<BorrowerInput> borrowers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!CASE_FILE_FIELDS.contains(name)) {
                throw Records.unknownField("", name, "a case file", CASE_FILE_FIELDS);
            }
            if (!seen.add(name)) {
                throw Records.invalid(name, "appears more than once; each field may appear only once");
            }
            JsonToken value = p.nextToken();
            if (name.equals("asOf")) {
                Object date = read(span(p, text), values, "asOf", Framing.DOCUMENT);
                asOf = Records.date(date, "asOf", Records.Presence.OPTIONAL);
            } else if (name.equals("signals")) {
                found = records.signals(read(span(p, text), signals, "signals", Framing.DOCUMENT));
            } else if (value == JsonToken.START_ARRAY) {
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    if (withBorrowers) {
                        borrowers.add(borrower(span(p, text), Show.index("borrowers", i), Framing.DOCUMENT));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (value != JsonToken.VALUE_NULL) {
                throw Records.invalid("borrowers", Show.token(p) + " is not an array; expected an array of borrower"
                        + " profiles");
            }
        }
        if (p.nextToken() != null) {
            throw Records.invalid("", trailing(p, Framing.DOCUMENT));
        }
        return new CaseFile(asOf, found, borrowers);
    }

    /** The text of the value the scanner is at, which it then skips. */
    private static String span(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        p.finishToken();
        return text.substring(start, (int) p.currentLocation().getCharOffset());
    }

    /** One borrower entry: a problem with it is a rejection of that entry, never an exception. */
    private BorrowerInput borrower(String text, String path, Framing framing) {
        ProfileJson shape = null;
        try {
            shape = read(text, profiles, path, framing);
            return new BorrowerInput.Valid(records.profile(shape, path));
        } catch (InvalidValueException e) {
            return new BorrowerInput.Rejected(usableId(shape == null ? idOf(text) : shape.id()), e.getMessage());
        } catch (RuntimeException e) {
            return new BorrowerInput.Rejected(null, unexpected(e).getMessage());
        }
    }

    /**
     * The root object's {@code id}, as far as the scanner reads before the text breaks off; {@code null} when it
     * is not a text or appears twice.
     */
    private String idOf(String text) {
        String id = null;
        int ids = 0;
        try (JsonParser p = scanner.createParser(text)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isId = p.currentName().equals("id");
                    if (p.nextToken() == JsonToken.VALUE_STRING && isId && ids == 0) {
                        id = p.getText();
                    }
                    ids += isId ? 1 : 0;
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the text breaks off here: what was read before it stands
        }
        return ids == 1 ? id : null;
    }

    /**
     * An id worth echoing in an error line: non-blank, within the length limit, and whole Unicode text (an
     * unpaired surrogate is written out as '?', so echoing it would name, and take the place of, another id).
     */
    private String usableId(Object id) {
        return id instanceof String s && !s.isBlank() && s.length() <= limits.maxStringLength()
                && Records.unpairedSurrogate(s) < 0 ? s : null;
    }

    private <T> T read(String text, ObjectReader reader, String path, Framing framing) {
        return parse(mapper.getFactory(), text, path, framing, (p, t) -> reader.readValue(p));
    }

    /** Runs {@code parse} on a parser of {@code text} and reports its failure at {@code path} and below. */
    private <T> T parse(JsonFactory factory, String text, String path, Framing framing, Parse<T> parse) {
        try (JsonParser p = factory.createParser(text)) {
            try {
                return parse.from(p, text);
            } catch (JsonProcessingException e) {
                throw problem(e, p, text, path, framing);
            }
        } catch (IOException e) {
            throw unexpected(e);
        }
    }

    /** What Jackson's exception says is wrong, from its type, its path or location, and where the parser stopped. */
    private InvalidValueException problem(JsonProcessingException e, JsonParser p, String text, String path,
                                          Framing framing) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> refs = u.getPath();
            Shapes.Shape shape = Shapes.of(u.getReferringClass());
            return Records.unknownField(path(path, refs.subList(0, refs.size() - 1)), u.getPropertyName(),
                    shape.noun(), shape.fields());
        }
        if (e instanceof MismatchedInputException m) {
            JsonStreamContext root = p.getParsingContext();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            if (root.getCurrentIndex() > 0) {
                return Records.invalid(path, trailing(p, framing));
            }
            List<JsonMappingException.Reference> refs = m.getPath();
            String field = refs.isEmpty() ? path : refs.get(refs.size() - 1).getFieldName();
            return Records.invalid(path(path, refs), Show.token(p) + " " + Shapes.expected(m.getTargetType(), field));
        }
        Throwable cause = e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NumberFormatException) {
            return Records.invalid(path(path, ((JsonMappingException) e).getPath()), Show.token(p)
                    + " has an exponent too large to read; expected a number such as 1.5e6");
        }
        String at = Show.path(path, p.getParsingContext());
        if (cause instanceof StreamConstraintsException) {
            String where = where(p.currentLocation(), framing);
            if (p.getParsingContext().getNestingDepth() > limits.maxNestingDepth()) {
                return Records.invalid(at, "is nested too deeply (" + where + "); expected at most "
                        + limits.maxNestingDepth() + " levels of objects and arrays");
            }
            if (p.currentTokenCount() > limits.maxValues()) {
                return Records.invalid(path, "holds more than " + limits.maxValues() + " JSON tokens; expected at"
                        + " most " + limits.maxValues());
            }
            return Records.invalid(at, "holds a number with too many digits (" + where + "); expected at most "
                    + MAX_NUMBER_LENGTH + " characters");
        }
        if (!(cause instanceof StreamReadException read)) {
            return unexpected(cause);
        }
        JsonLocation location = read.getLocation() != null ? read.getLocation() : p.currentLocation();
        if (cause instanceof JsonEOFException) {
            return Records.invalid(at, "is not valid JSON " + where(location, framing) + ": it ends before the JSON"
                    + " value is complete (an object, array or text is not closed)");
        }
        if (cause instanceof JsonParseException && repeatsKey(text, location)) {
            return Records.invalid(at, "appears more than once; each field may appear only once");
        }
        return Records.invalid(at, "is not valid JSON " + where(location, framing));
    }

    /**
     * Whether the mapper's parser stopped at a repeated key. Jackson reports one as it reports a syntax error;
     * the scanner, which lets keys repeat, stops at the same place for a syntax error, later or never for a key.
     */
    private boolean repeatsKey(String text, JsonLocation stop) {
        try (JsonParser p = scanner.createParser(text)) {
            while (p.nextToken() != null && p.currentLocation().getCharOffset() <= stop.getCharOffset()) {
                // read on past the place where the mapper's parser stopped
            }
            return true;
        } catch (JsonProcessingException e) {
            return e.getLocation() == null || e.getLocation().getCharOffset() > stop.getCharOffset();
        } catch (IOException e) {
            return false;
        }
    }

    private static String trailing(JsonParser p, Framing framing) {
        return "has more content after the JSON value, " + where(p.currentTokenLocation(), framing)
                + "; expected a single JSON value" + (framing == Framing.LINE ? " per line" : "");
    }

    private static String path(String path, List<JsonMappingException.Reference> refs) {
        for (JsonMappingException.Reference ref : refs) {
            path = ref.getFieldName() != null ? Show.child(path, ref.getFieldName()) : Show.index(path, ref.getIndex());
        }
        return path;
    }

    private static String where(JsonLocation location, Framing framing) {
        return framing == Framing.LINE ? "at column " + location.getColumnNr()
                : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The input checked before it is parsed: a byte order mark dropped, the length within the limit, not blank. */
    private String checked(String input, Framing framing, String expected) {
        String text = Objects.requireNonNull(input, "json").startsWith("\uFEFF") ? input.substring(1) : input;
        int max = framing == Framing.LINE ? limits.maxLineLength() : limits.maxDocumentLength();
        if (text.length() > max) {
            throw Records.invalid("", "is too long (" + text.length() + " characters); expected at most " + max
                    + " characters");
        }
        if (text.isBlank()) {
            throw Records.invalid("", "is empty; expected " + expected);
        }
        return text;
    }

    /** Not expected: a bug here or in Jackson. Still reported as bad input in one line, without a stack trace. */
    private static InvalidValueException unexpected(Throwable e) {
        return Records.invalid("", "could not be read (" + e.getClass().getSimpleName() + ")");
    }
}
