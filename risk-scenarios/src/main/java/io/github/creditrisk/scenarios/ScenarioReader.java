package io.github.creditrisk.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.RiskJson;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads scenario files: a file named on its own is read whatever its name; a directory is searched, with its
 * subdirectories, for files ending in {@value #SUFFIX}, skipping hidden files and directories (names starting
 * with {@code .}) and directories named {@code target} (Maven's build output); the directory named may itself
 * have any name. Thread-safe.
 *
 * <p>A scenario file is a case file with three more fields, {@code name}, {@code description} and
 * {@code expect}. This reader takes its three fields and hands the rest, as text, to
 * {@link RiskJson#readCaseFile(String)}:
 * <pre>{@code
 * { "name": "…", "description": "…", "asOf": "2026-11-01", "signals": [ … ], "borrowers": [ … ],
 *   "expect": { "B-1": { "outcome": "RESTRICT", "restrictions": ["OVERBORROWING REDUCE_LIMIT 30%"],
 *                        "recommendedLimit": 35000, "reasonCodes": ["OVB_DTI_ABOVE_CEILING"],
 *                        "rules": ["OVB-1"], "exemptions": [],
 *                        "lift": { "OVERBORROWING REDUCE_LIMIT": ["LOWER_REPAYMENTS 5000"] } } } }
 * }</pre>
 */
public final class ScenarioReader {

    /** The ending of scenario files found in directories. */
    public static final String SUFFIX = ".scenario.json";

    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "expect");
    private static final List<String> EXPECTATION_FIELDS = List.of("outcome", "restrictions", "recommendedLimit",
            "reasonCodes", "rules", "exemptions", "lift");
    private static final Pattern LIFTED = Pattern.compile(
            "[A-Z][A-Z0-9_]* (BLOCK_NEW_BORROWING|FREEZE_LIMIT|MANUAL_REVIEW|REDUCE_LIMIT)");
    private static final Pattern RESTRICTION = Pattern.compile(
            "[A-Z][A-Z0-9_]* (BLOCK_NEW_BORROWING|FREEZE_LIMIT|MANUAL_REVIEW|REDUCE_LIMIT [0-9]{1,3}%)");

    /**
     * Reads the file as a tree, as its author wrote it: decimals exact and with their scale, a key given twice
     * rejected. The case file within is checked by {@link RiskJson}.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final RiskJson json;

    public ScenarioReader(RiskJson json) {
        this.json = json;
    }

    /**
     * The scenario files at {@code paths} (files, or directories to search), in path order.
     *
     * @throws ScenarioException when a path does not exist or a directory holds no scenario file
     */
    public static List<Path> find(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> found = findIn(path);
                if (found.isEmpty()) {
                    throw new ScenarioException(path + ": holds no scenario files (*" + SUFFIX + ")");
                }
                files.addAll(found);
            } else {
                throw new ScenarioException(path + ": does not exist");
            }
        }
        return files;
    }

    /**
     * The scenario files under {@code directory} (searched as {@link #find} searches it), in path order; empty
     * when it holds none.
     *
     * @throws ScenarioException when the directory does not exist or cannot be searched
     */
    public static List<Path> findIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScenarioException(directory + ": is not a directory");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> !skipped(directory.relativize(p)))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScenarioException(directory + ": cannot be searched: " + e.getMessage());
        }
    }

    /**
     * Whether a path relative to a searched directory lies outside what is searched: when any of its names is
     * hidden (starts with {@code .}) or is {@code target} (Maven's build output). The same rule as
     * {@code DroolsRiskEngine.isLeftOut} of {@code risk-drools}, which reads the rules beside the scenarios; it is
     * copied because this module does not depend on that one.
     */
    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one scenario file.
     *
     * @throws ScenarioException naming the file and the field when it is not a valid scenario
     */
    public Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        try {
            return parse(file, text);
        } catch (InvalidValueException e) {
            throw new ScenarioException(file + ": " + e.getMessage());
        }
    }

    private Scenario parse(Path file, String text) {
        JsonNode root = tree(text);
        if (root == null || !root.isObject()) {
            throw new InvalidValueException("input", "is not a JSON object; a scenario is a case file with an"
                    + " \"expect\" object");
        }
        ObjectNode caseNode = ((ObjectNode) root).deepCopy();
        caseNode.remove(SCENARIO_FIELDS);
        CaseFile cases = json.readCaseFile(caseNode.toString());
        if (cases.asOf() == null) {
            throw new InvalidValueException("asOf", "is missing; a scenario needs its evaluation date");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.borrowers().size(); i++) {
            BorrowerInput input = cases.borrowers().get(i);
            if (input instanceof BorrowerInput.Rejected rejected) {
                throw new InvalidValueException("borrowers[" + i + "]", "is not a valid profile: " + rejected.error());
            }
            if (!ids.add(input.borrowerId())) {
                throw new InvalidValueException("borrowers[" + i + "].id", "'" + input.borrowerId()
                        + "' appears more than once");
            }
        }
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isObject() || expect.isEmpty()) {
            throw new InvalidValueException("expect", "is missing or empty; expected an object with the decision"
                    + " expected for each borrower id");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ids.contains(e.getKey())) {
                throw new InvalidValueException("expect." + e.getKey(), "names no borrower of this scenario");
            }
            expectations.put(e.getKey(), expectation("expect." + e.getKey(), e.getValue()));
        }
        String fileName = file.getFileName().toString();
        String name = text(root, "name", fileName.endsWith(SUFFIX)
                ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName);
        return new Scenario(name, file.toString(), text(root, "description", ""), cases, expectations);
    }

    /** The file as a tree; a key given twice is named by its path, anything else not JSON by its place. */
    private static JsonNode tree(String text) {
        // A byte order mark is common in files saved on Windows; it is not part of the JSON.
        try (JsonParser p = MAPPER.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            try {
                JsonNode root = MAPPER.readTree(p);
                if (p.nextToken() != null) {
                    throw new InvalidValueException("input", "has more content after the JSON value, at line "
                            + p.currentTokenLocation().getLineNr() + "; expected a single JSON value");
                }
                return root;
            } catch (MismatchedInputException e) {
                throw new InvalidValueException(path(p), "appears more than once; each field may appear only once");
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new InvalidValueException("input", "is not valid JSON"
                        + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
            }
        } catch (IOException e) {
            throw new InvalidValueException("input", "cannot be read: " + e.getMessage());
        }
    }

    /** The path of the field the parser is at, such as {@code expect.B-1.outcome}. */
    private static String path(JsonParser p) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            names.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static Expectation expectation(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidValueException(path, "is not an object; expected some of " + EXPECTATION_FIELDS);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!EXPECTATION_FIELDS.contains(field)) {
                throw new InvalidValueException(path + "." + field, "is not an expectation; expected some of "
                        + EXPECTATION_FIELDS);
            }
        }
        Outcome outcome = null;
        if (node.hasNonNull("outcome")) {
            String value = node.get("outcome").asText();
            try {
                outcome = Outcome.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(path + ".outcome", "'" + value
                        + "' is not an outcome; expected APPROVE, REVIEW or RESTRICT");
            }
        }
        BigDecimal limit = null;
        if (node.hasNonNull("recommendedLimit")) {
            if (!node.get("recommendedLimit").isNumber()) {
                throw new InvalidValueException(path + ".recommendedLimit", "is not a number");
            }
            limit = node.get("recommendedLimit").decimalValue();
        }
        Set<String> restrictions = strings(node, path, "restrictions");
        if (restrictions != null) {
            for (String r : restrictions) {
                if (!RESTRICTION.matcher(r).matches()) {
                    throw new InvalidValueException(path + ".restrictions", "'" + r + "' is not a restriction;"
                            + " expected FAMILY TYPE, such as \"SECTOR_BAN BLOCK_NEW_BORROWING\", or"
                            + " \"OVERBORROWING REDUCE_LIMIT 30%\"");
                }
            }
        }
        return new Expectation(outcome, restrictions, limit, strings(node, path, "reasonCodes"),
                strings(node, path, "rules"), strings(node, path, "exemptions"), lift(node, path));
    }

    /** The expected ways by restriction ({@code FAMILY TYPE}), or {@code null} when not given. */
    private static @Nullable Map<String, Set<String>> lift(JsonNode node, String path) {
        JsonNode lift = node.get("lift");
        if (lift == null || lift.isNull()) {
            return null;
        }
        if (!lift.isObject()) {
            throw new InvalidValueException(path + ".lift", "is not an object; expected the ways by restriction,"
                    + " such as {\"OVERBORROWING REDUCE_LIMIT\": [\"LOWER_REPAYMENTS 5000\"]}");
        }
        Map<String, Set<String>> ways = new LinkedHashMap<>();
        for (Iterator<String> it = lift.fieldNames(); it.hasNext(); ) {
            String restriction = it.next();
            if (!LIFTED.matcher(restriction).matches()) {
                throw new InvalidValueException(path + ".lift." + restriction, "is not a restriction; expected"
                        + " FAMILY TYPE, such as \"OVERBORROWING REDUCE_LIMIT\" (without the cut)");
            }
            ways.put(restriction, strings(lift, path + ".lift", restriction));
        }
        return ways;
    }

    private static Set<String> strings(JsonNode node, String path, String field) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new InvalidValueException(path + "." + field, "is not an array of texts");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw new InvalidValueException(path + "." + field + "[" + i + "]", "is not a text");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw new InvalidValueException(field, "is not a text");
        }
        return n.asText();
    }
}
