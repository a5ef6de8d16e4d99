package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.json.JsonLimits;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses text into a {@link JsonNode} tree with Jackson's streaming parser, and turns every parser
 * failure into an {@link InvalidValueException} with a short message (path, line and column, what went
 * wrong; never Jackson's own wording about features, sources or codes).
 *
 * <p>The tree is built here rather than by {@code ObjectMapper.readTree} for three reasons: numbers stay
 * exact ({@code 0.1} is the decimal 0.1 and {@code 1.50} keeps its scale); no data binding or type handling
 * is involved at all; and a duplicate key can be recorded where it occurs instead of failing the whole
 * document, so that in a case file it costs only the borrower that has it. A duplicated key's value is
 * replaced by {@link #DUPLICATE}, which {@link Fields} reports as an error naming the key; in strict mode
 * (for {@code readTree}) the first duplicate fails the document at once.
 *
 * <p>Every value read counts against {@link JsonLimits#maxValues()}, so no document can make the tree, and
 * the memory it takes, larger than that. A case file's borrowers are streamed ({@link Entries}): each is
 * built, handed over and dropped, with a budget of its own.
 *
 * <p>Thread-safe: each call uses its own parser.
 */
final class TreeReader {

    /** Stands in for the value of a key that appears more than once in an object. */
    static final JsonNode DUPLICATE = new POJONode(new Object() {
        @Override
        public String toString() {
            return "duplicate key";
        }
    });

    /** How the input is framed: one JSON Lines line, or a whole document. */
    enum Framing { LINE, DOCUMENT }

    /** What one read found before it failed, for a rejection to name the borrower. */
    static final class Attempt {
        private String rootId;

        /** The root object's {@code id} text, if the parser got that far; otherwise {@code null}. */
        String rootId() {
            return rootId;
        }
    }

    /**
     * Receives the elements of a streamed array one by one, in order. Each element's tree is handed over
     * as soon as it is complete and is not kept in the document's tree, so a case file's borrowers never
     * sit in memory as JSON all at once.
     */
    interface Entries {
        /** The element at {@code index}, complete. */
        void entry(int index, JsonNode element);

        /**
         * The element at {@code index} broke a limit that is checked while parsing (the value budget, an
         * unreadable exponent); the parser has skipped the rest of it and goes on with the next one.
         *
         * @param id the element's {@code id} text if it was read before the problem, else {@code null}
         */
        void rejected(int index, String id, InvalidValueException problem);
    }

    private static final Pattern CHARACTER = Pattern.compile(
            "Unexpected character \\((?:'.{1,2}' )?\\(?(?:CTRL-CHAR, )?code (\\d+)[^)]*\\)+");
    /**
     * Jackson's advice on enabling features, its list of JSON's value types, and its note on where the
     * unclosed object or array began (which names its redacted source): cut from messages.
     */
    private static final Pattern HINTS = Pattern.compile("(?i)[;:,]?\\s*(?:\\(?(?:consider |to )?enabl"
            + "|maybe a \\(non-standard\\)|\\(not recognized|\\(JSON String|\\(for \\w+ starting at).*$");
    private static final Pattern TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '([^']{0,200})'");

    private final JsonFactory factory;
    private final JsonLimits limits;

    TreeReader(JsonFactory factory, JsonLimits limits) {
        this.factory = factory;
        this.limits = limits;
    }

    /**
     * @param expected what the input should be, for the message about empty input (e.g. "a case file")
     * @param strict   whether a duplicate key fails the document at once instead of being recorded
     * @throws InvalidValueException when the text is not one JSON value within the limits
     */
    JsonNode read(String input, Framing framing, String expected, boolean strict, Attempt attempt) {
        return read(input, framing, expected, strict, attempt, null, null);
    }

    /**
     * Reads a document whose root object's array under {@code streamedKey} is handed to {@code entries}
     * element by element; in the returned tree that key holds an empty array. Entries are not part of the
     * document's value budget: each has a budget of its own.
     *
     * @throws InvalidValueException when the text is not one JSON value within the limits; a problem
     *                               confined to one streamed element is reported to {@code entries} instead
     */
    JsonNode read(String input, Framing framing, String expected, boolean strict, Attempt attempt,
                  String streamedKey, Entries entries) {
        // A byte order mark is common in files saved on Windows; it is not part of the JSON.
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        int max = framing == Framing.LINE ? limits.maxLineLength() : limits.maxDocumentLength();
        if (text.length() > max) {
            throw new InvalidValueException(Paths.INPUT, "is too long (" + text.length()
                    + " characters); expected at most " + max + " characters");
        }
        if (text.isBlank()) {
            throw new InvalidValueException(Paths.INPUT, "is empty; expected " + expected);
        }
        JsonParser parser = null;
        try {
            parser = factory.createParser(text);
            Build build = new Build(parser, strict, attempt, streamedKey, entries);
            JsonNode root = build.document(parser.nextToken());
            if (parser.nextToken() != null) {
                throw new InvalidValueException(Paths.INPUT, "has more content after the JSON value, "
                        + where(parser.currentTokenLocation(), framing) + "; expected a single JSON value"
                        + (framing == Framing.LINE ? " per line" : ""));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw translate(e, parser, framing);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException invalid) {
                throw invalid;
            }
            // Not expected from an in-memory parser; still, no stack trace and no Jackson text escapes.
            throw new InvalidValueException(Paths.INPUT, "could not be read as JSON ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            closeQuietly(parser);
        }
    }

    /**
     * The state of one read: the parser, the containers still open, the value budget of the current entry,
     * and its id.
     *
     * <p>The tree is built with an explicit stack of open containers rather than by recursion, so that no
     * nesting depth, whatever {@link JsonLimits#maxNestingDepth()} allows, can exhaust the reading thread's
     * stack: a {@link StackOverflowError} would escape every reader's promise to report bad input as an
     * {@link InvalidValueException}.
     */
    private final class Build {
        private final JsonParser p;
        private final boolean strict;
        private final Attempt attempt;
        private final String streamedKey;
        private final Entries entries;
        private final Deque<Open> open = new ArrayDeque<>();
        /** The streamed array being read, while its elements are read; otherwise {@code null}. */
        private Open streaming;
        private String entryPath = "";
        private int entryDepth;
        private String entryId;
        private int values;

        Build(JsonParser p, boolean strict, Attempt attempt, String streamedKey, Entries entries) {
            this.p = p;
            this.strict = strict;
            this.attempt = attempt;
            this.streamedKey = streamedKey;
            this.entries = entries;
        }

        /** Reads the value that starts with {@code first}, and everything inside it. */
        JsonNode document(JsonToken first) throws IOException {
            JsonNode root = start(first, 0);
            while (!open.isEmpty()) {
                try {
                    JsonNode done = step();
                    if (done != null) {
                        root = done;
                    }
                } catch (InvalidValueException problem) {
                    if (streaming == null || !streaming.inEntry) {
                        throw problem;
                    }
                    skipEntry(problem);
                }
            }
            return root;
        }

        /**
         * Reads the next token of the innermost open container: a value for it, or its end.
         *
         * @return the root, once the outermost container is complete; otherwise {@code null}
         */
        private JsonNode step() throws IOException {
            Open top = open.peek();
            if (top.object) {
                String name = p.nextFieldName();
                if (name == null) {
                    return close();
                }
                top.name = name;
                JsonToken token = p.nextToken();
                if (top.depth == 0 && name.equals(streamedKey) && token == JsonToken.START_ARRAY) {
                    beginStreaming(top.depth + 1);
                    return null;
                }
                return start(token, top.depth + 1);
            }
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return top == streaming ? endStreaming() : close();
            }
            if (top == streaming) {
                beginEntry();
            }
            return start(token, top.depth + 1);
        }

        /**
         * Counts the value that starts with {@code token}; opens it if it is a container, otherwise adds it
         * where it belongs.
         */
        private JsonNode start(JsonToken token, int depth) throws IOException {
            if (token == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input");
            }
            if (++values > limits.maxValues()) {
                throw new InvalidValueException(Paths.field(entryPath), "holds more than " + limits.maxValues()
                        + " JSON values; expected at most " + limits.maxValues());
            }
            switch (token) {
                case START_OBJECT:
                    open.push(new Open(JsonNodeFactory.instance.objectNode(), depth));
                    return null;
                case START_ARRAY:
                    open.push(new Open(JsonNodeFactory.instance.arrayNode(), depth));
                    return null;
                default:
                    return place(scalar(token));
            }
        }

        private JsonNode scalar(JsonToken token) throws IOException {
            switch (token) {
                case VALUE_STRING:
                    return TextNode.valueOf(p.getText());
                case VALUE_NUMBER_INT:
                    switch (p.getNumberType()) {
                        case INT:
                            return IntNode.valueOf(p.getIntValue());
                        case LONG:
                            return LongNode.valueOf(p.getLongValue());
                        default:
                            return BigIntegerNode.valueOf(p.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    return decimal();
                case VALUE_TRUE:
                    return BooleanNode.TRUE;
                case VALUE_FALSE:
                    return BooleanNode.FALSE;
                case VALUE_NULL:
                    return NullNode.getInstance();
                default:
                    throw new InvalidValueException(Paths.field(Paths.of(p.getParsingContext())),
                            "is not valid JSON: unexpected " + token.name().toLowerCase(Locale.ROOT));
            }
        }

        /** Closes the innermost container and adds it where it belongs. */
        private JsonNode close() {
            return place(open.pop().node);
        }

        /**
         * Adds a complete value to the innermost open container, or hands it over as a streamed entry.
         *
         * @return the value itself when it is the root, otherwise {@code null}
         */
        private JsonNode place(JsonNode v) {
            Open parent = open.peek();
            if (parent == null) {
                return v;
            }
            if (parent == streaming) {
                parent.inEntry = false;
                entries.entry(parent.index++, v);
            } else if (!parent.object) {
                ((ArrayNode) parent.node).add(v);
            } else {
                ObjectNode object = (ObjectNode) parent.node;
                String name = parent.name;
                if (object.replace(name, v) != null) { // one lookup: the key was there already
                    if (strict) {
                        throw new InvalidValueException(Paths.of(p.getParsingContext()),
                                "appears more than once; each field may appear only once");
                    }
                    object.set(name, DUPLICATE);
                } else {
                    if (parent.depth == entryDepth && "id".equals(name) && v.isTextual()) {
                        entryId = v.textValue();
                        if (parent.depth == 0) {
                            attempt.rootId = entryId;
                        }
                    }
                }
            }
            return null;
        }

        /** Starts handing the elements of the array just opened to {@link #entries}, each with its own budget. */
        private void beginStreaming(int depth) {
            streaming = new Open(JsonNodeFactory.instance.arrayNode(), depth);
            streaming.array = p.getParsingContext();
            streaming.arrayPath = Paths.of(streaming.array);
            streaming.documentValues = values;
            open.push(streaming);
        }

        private void beginEntry() {
            streaming.inEntry = true;
            entryPath = Paths.index(streaming.arrayPath, streaming.index);
            entryDepth = streaming.depth + 1;
            entryId = null;
            values = 0;
        }

        /** Ends the streamed array: the document's tree holds it as an empty array. */
        private JsonNode endStreaming() {
            Open array = open.pop();
            streaming = null;
            entryPath = "";
            entryDepth = 0;
            values = array.documentValues;
            return place(array.node);
        }

        /**
         * The current entry of the streamed array broke a limit checked while parsing. The problem was raised
         * between tokens, so the parser is intact: drop what was built of the entry, skip to its end, report
         * it and go on with the next one.
         */
        private void skipEntry(InvalidValueException problem) throws IOException {
            while (open.peek() != streaming) {
                open.pop();
            }
            while (p.getParsingContext() != streaming.array) {
                if (p.nextToken() == null) {
                    throw new JsonEOFException(p, null, "Unexpected end-of-input");
                }
            }
            streaming.inEntry = false;
            entries.rejected(streaming.index++, entryId, problem);
        }

        private JsonNode decimal() throws IOException {
            try {
                // Exact: the decimal as written, never a double, trailing zeros kept.
                return DecimalNode.valueOf(p.getDecimalValue());
            } catch (NumberFormatException e) {
                // An exponent beyond what a decimal can hold, such as 1e99999999999.
                String literal = p.getText();
                throw new InvalidValueException(Paths.field(Paths.of(p.getParsingContext())),
                        (literal.length() <= Show.MAX_TEXT ? literal : literal.substring(0, Show.MAX_TEXT) + "…")
                                + " has an exponent too large to read; expected a number such as 1.5e6");
            }
        }
    }

    /** An object or array being read: its node, its depth (the root is 0), and where reading it stands. */
    private static final class Open {
        final ContainerNode<?> node;
        final boolean object;
        final int depth;
        /** For an object: the name of the field whose value is being read. */
        String name;
        /** For the streamed array: its parser context and path, the document's budget spent before it, the entry. */
        JsonStreamContext array;
        String arrayPath;
        int documentValues;
        int index;
        boolean inEntry;

        Open(ContainerNode<?> node, int depth) {
            this.node = node;
            this.object = node.isObject();
            this.depth = depth;
        }
    }

    private InvalidValueException translate(JsonProcessingException e, JsonParser parser, Framing framing) {
        String path = parser == null ? "" : Paths.of(parser.getParsingContext());
        JsonLocation location = e.getLocation() != null ? e.getLocation()
                : parser == null ? null : parser.currentLocation();
        String where = where(location, framing);
        String problem;
        if (e instanceof StreamConstraintsException) {
            problem = constraint(e.getOriginalMessage(), where);
        } else if (e instanceof JsonEOFException) {
            problem = "is not valid JSON" + (where.isEmpty() ? "" : " " + where) + ": it ends before the JSON"
                    + " value is complete (an object, array or text is not closed)";
        } else {
            problem = "is not valid JSON" + (where.isEmpty() ? "" : " " + where) + ": "
                    + explain(e.getOriginalMessage());
        }
        return new InvalidValueException(Paths.field(path), Show.oneLine(problem));
    }

    private String constraint(String message, String where) {
        String at = where.isEmpty() ? "" : " (" + where + ")";
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "is nested too deeply" + at + "; expected at most " + limits.maxNestingDepth()
                    + " levels of objects and arrays";
        }
        if (m.contains("number value length") || m.contains("number length")) {
            return "holds a number with too many digits" + at + "; expected at most "
                    + factory.streamReadConstraints().getMaxNumberLength() + " characters";
        }
        if (m.contains("name length")) {
            return "holds a field name that is too long" + at;
        }
        if (m.contains("string value length")) {
            return "holds a text that is too long" + at;
        }
        if (m.contains("document length")) {
            return "is too long" + at;
        }
        return "exceeds a size limit" + at;
    }

    /** Jackson's message for a syntax error, rewritten as a short clause without its jargon. */
    static String explain(String jacksonMessage) {
        String m = String.valueOf(jacksonMessage);
        int newline = m.indexOf('\n');
        if (newline >= 0) {
            m = m.substring(0, newline);
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            String t = token.group(1);
            String bare = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            if (bare.equals("NaN") || bare.startsWith("Infinity") || bare.startsWith("INF")) {
                return Show.text(t) + " is not a number in JSON; expected a finite number";
            }
            return "unrecognized word " + Show.text(t) + "; expected a text in double quotes, a number, an"
                    + " object, an array, true, false or null";
        }
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("comment")) {
            return "comments are not allowed in JSON";
        }
        if (lower.contains("ctrl-char") && lower.contains("string value")) {
            return "a control character (such as a line break) inside a text must be escaped";
        }
        if (lower.contains("leading zero")) {
            return "a number has a leading zero; expected a number such as 7 or 0.7";
        }
        Matcher c = CHARACTER.matcher(m);
        String rest = m;
        String found = null;
        if (c.find()) {
            found = "unexpected character " + character(Integer.parseInt(c.group(1)));
            rest = m.substring(c.end());
        }
        rest = HINTS.matcher(rest).replaceAll("")
                .replaceAll("\\s*\\((?:CTRL-CHAR, )?code \\d+[^)]*\\)", "")
                .replace("was expecting", "expected")
                .replaceAll("^[\\s:;,]+", "")
                .strip();
        String clause = found == null ? rest : rest.isEmpty() ? found : found + ": " + rest;
        if (clause.isEmpty()) {
            clause = "the input is malformed";
        }
        clause = Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
        return clause.length() <= 160 ? clause : clause.substring(0, 160) + "…";
    }

    private static String character(int code) {
        if (code == '\'') {
            return "\"'\"";
        }
        if (code < 0x20 || code > 0x7E) {
            return String.format("U+%04X", code);
        }
        return "'" + (char) code + "'";
    }

    private static String where(JsonLocation location, Framing framing) {
        if (location == null || location.getColumnNr() < 1) {
            return "";
        }
        return framing == Framing.LINE ? "at column " + location.getColumnNr()
                : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // An in-memory parser has nothing to release that could fail.
            }
        }
    }
}
