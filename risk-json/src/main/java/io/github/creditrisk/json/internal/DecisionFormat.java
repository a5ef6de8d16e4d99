package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.creditrisk.json.internal.Fields.Presence.OPTIONAL;
import static io.github.creditrisk.json.internal.Fields.Presence.REQUIRED;

/**
 * The contract's decision object and error line, written in the contract's field order and read back.
 * Texts of a decision (reasons, notice, evidence) are bounded only by the document's length: they are the
 * engine's output, not a borrower's input.
 */
final class DecisionFormat {

    static final List<String> DECISION_FIELDS = List.of("borrowerId", "outcome", "creditLimit",
            "recommendedLimit", "restrictions", "exemptions", "notice", "rulesetVersion");
    static final List<String> RESTRICTION_FIELDS = List.of("type", "family", "rule", "reasonCode",
            "reductionPercent", "reason", "remedies", "evidence");
    static final List<String> EXEMPTION_FIELDS = List.of("family", "rule", "reasonCode", "reason", "remedies",
            "evidence");
    static final List<String> ERROR_FIELDS = List.of("borrowerId", "error");

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final Values values;

    DecisionFormat(Values values) {
        this.values = values;
    }

    /** A decision, or an error line when the object has an {@code error} field. */
    Evaluation readEvaluation(JsonNode node) {
        if (node != null && node.isObject() && node.has("error")) {
            Fields f = Fields.open(node, "", "an error line", ERROR_FIELDS, values);
            String borrowerId = f.text("borrowerId", OPTIONAL, UNBOUNDED);
            String error = f.text("error", REQUIRED, UNBOUNDED);
            return Construct.at("", () -> new Evaluation.Failed(borrowerId, error));
        }
        return new Evaluation.Decided(readDecision(node));
    }

    Decision readDecision(JsonNode node) {
        Fields f = Fields.open(node, "", "a decision", DECISION_FIELDS, values);
        String borrowerId = f.text("borrowerId", REQUIRED, UNBOUNDED);
        Outcome outcome = f.choice("outcome", REQUIRED, Outcome.class, "an outcome");
        BigDecimal creditLimit = f.amount("creditLimit", REQUIRED);
        BigDecimal recommendedLimit = f.amount("recommendedLimit", REQUIRED);
        List<Restriction> restrictions = f.list("restrictions", UNBOUNDED, "restrictions", this::readRestriction);
        List<Exemption> exemptions = f.list("exemptions", UNBOUNDED, "exemptions", this::readExemption);
        String notice = f.text("notice", REQUIRED, UNBOUNDED);
        String rulesetVersion = f.text("rulesetVersion", REQUIRED, UNBOUNDED);
        return Construct.at("", () -> new Decision(borrowerId, outcome, creditLimit, recommendedLimit,
                restrictions, exemptions, notice, rulesetVersion));
    }

    private Restriction readRestriction(JsonNode node, String path) {
        Fields f = Fields.open(node, path, "a restriction", RESTRICTION_FIELDS, values);
        RestrictionType type = f.choice("type", REQUIRED, RestrictionType.class, "a restriction type");
        String family = f.text("family", REQUIRED, UNBOUNDED);
        String rule = f.text("rule", REQUIRED, UNBOUNDED);
        String reasonCode = f.text("reasonCode", REQUIRED, UNBOUNDED);
        Integer reductionPercent = f.whole("reductionPercent", OPTIONAL, 1, 100);
        String reason = f.text("reason", REQUIRED, UNBOUNDED);
        List<Remedy> remedies = remedies(f);
        Map<String, String> evidence = evidence(f);
        return Construct.at(path, () -> new Restriction(type, family, rule, reasonCode, reductionPercent, reason,
                remedies, evidence));
    }

    private Exemption readExemption(JsonNode node, String path) {
        Fields f = Fields.open(node, path, "an exemption", EXEMPTION_FIELDS, values);
        String family = f.text("family", REQUIRED, UNBOUNDED);
        String rule = f.text("rule", REQUIRED, UNBOUNDED);
        String reasonCode = f.text("reasonCode", REQUIRED, UNBOUNDED);
        String reason = f.text("reason", REQUIRED, UNBOUNDED);
        List<Remedy> remedies = remedies(f);
        Map<String, String> evidence = evidence(f);
        return Construct.at(path, () -> new Exemption(family, rule, reasonCode, reason, remedies, evidence));
    }

    private List<Remedy> remedies(Fields f) {
        return f.list("remedies", UNBOUNDED, "remedies",
                (v, p) -> values.choice(v, p, Remedy.class, "a remedy"));
    }

    private Map<String, String> evidence(Fields f) {
        JsonNode v = f.get("evidence");
        if (v == null) {
            return Map.of();
        }
        String at = f.pathOf("evidence");
        if (!v.isObject()) {
            throw Values.invalid(at, Show.value(v) + " is not an object; expected an object of texts");
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String p = Paths.child(at, e.getKey());
            if (e.getValue() == TreeReader.DUPLICATE) {
                throw Values.invalid(p, "appears more than once; each field may appear only once");
            }
            evidence.put(e.getKey(), values.text(e.getValue(), p, UNBOUNDED));
        }
        return evidence;
    }

    /**
     * The names a decision line is written with, and the enums' names, encoded once: a decision line is
     * written for every borrower, and a name given as a string is checked and encoded each time.
     */
    private static final class Names {
        static final SerializedString BORROWER_ID = new SerializedString("borrowerId");
        static final SerializedString OUTCOME = new SerializedString("outcome");
        static final SerializedString CREDIT_LIMIT = new SerializedString("creditLimit");
        static final SerializedString RECOMMENDED_LIMIT = new SerializedString("recommendedLimit");
        static final SerializedString RESTRICTIONS = new SerializedString("restrictions");
        static final SerializedString EXEMPTIONS = new SerializedString("exemptions");
        static final SerializedString NOTICE = new SerializedString("notice");
        static final SerializedString RULESET_VERSION = new SerializedString("rulesetVersion");
        static final SerializedString TYPE = new SerializedString("type");
        static final SerializedString FAMILY = new SerializedString("family");
        static final SerializedString RULE = new SerializedString("rule");
        static final SerializedString REASON_CODE = new SerializedString("reasonCode");
        static final SerializedString REDUCTION_PERCENT = new SerializedString("reductionPercent");
        static final SerializedString REASON = new SerializedString("reason");
        static final SerializedString REMEDIES = new SerializedString("remedies");
        static final SerializedString EVIDENCE = new SerializedString("evidence");
        static final SerializedString[] OUTCOMES = of(Outcome.values());
        static final SerializedString[] TYPES = of(RestrictionType.values());
        static final SerializedString[] REMEDY = of(Remedy.values());

        private static SerializedString[] of(Enum<?>[] constants) {
            SerializedString[] names = new SerializedString[constants.length];
            for (Enum<?> c : constants) {
                names[c.ordinal()] = new SerializedString(c.name());
            }
            return names;
        }
    }

    /** Writes the decision with the contract's field names, in the contract's order. */
    static void write(JsonGenerator g, Decision d) throws IOException {
        g.writeStartObject();
        g.writeFieldName(Names.BORROWER_ID);
        g.writeString(d.borrowerId());
        g.writeFieldName(Names.OUTCOME);
        g.writeString(Names.OUTCOMES[d.outcome().ordinal()]);
        g.writeFieldName(Names.CREDIT_LIMIT);
        Codec.writeAmount(g, d.creditLimit());
        g.writeFieldName(Names.RECOMMENDED_LIMIT);
        Codec.writeAmount(g, d.recommendedLimit());
        g.writeFieldName(Names.RESTRICTIONS);
        g.writeStartArray();
        for (Restriction r : d.restrictions()) {
            g.writeStartObject();
            g.writeFieldName(Names.TYPE);
            g.writeString(Names.TYPES[r.type().ordinal()]);
            writeOrigin(g, r.family(), r.rule(), r.reasonCode());
            if (r.type() == RestrictionType.REDUCE_LIMIT) {
                g.writeFieldName(Names.REDUCTION_PERCENT);
                g.writeNumber(r.reductionPercent());
            }
            writeReason(g, r.reason(), r.remedies(), r.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(Names.EXEMPTIONS);
        g.writeStartArray();
        for (Exemption e : d.exemptions()) {
            g.writeStartObject();
            writeOrigin(g, e.family(), e.rule(), e.reasonCode());
            writeReason(g, e.reason(), e.remedies(), e.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(Names.NOTICE);
        g.writeString(d.notice());
        g.writeFieldName(Names.RULESET_VERSION);
        g.writeString(d.rulesetVersion());
        g.writeEndObject();
    }

    private static void writeOrigin(JsonGenerator g, String family, String rule, String reasonCode)
            throws IOException {
        g.writeFieldName(Names.FAMILY);
        g.writeString(family);
        g.writeFieldName(Names.RULE);
        g.writeString(rule);
        g.writeFieldName(Names.REASON_CODE);
        g.writeString(reasonCode);
    }

    private static void writeReason(JsonGenerator g, String reason, List<Remedy> remedies,
                                    Map<String, String> evidence) throws IOException {
        g.writeFieldName(Names.REASON);
        g.writeString(reason);
        g.writeFieldName(Names.REMEDIES);
        g.writeStartArray();
        for (Remedy remedy : remedies) {
            g.writeString(Names.REMEDY[remedy.ordinal()]);
        }
        g.writeEndArray();
        g.writeFieldName(Names.EVIDENCE);
        g.writeStartObject();
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes the contract's error line, {@code {"borrowerId": "…" or null, "error": "…"}}. */
    static void writeError(JsonGenerator g, Evaluation.Failed failed) throws IOException {
        g.writeStartObject();
        if (failed.borrowerId() == null) {
            g.writeNullField("borrowerId");
        } else {
            g.writeStringField("borrowerId", failed.borrowerId());
        }
        g.writeStringField("error", failed.error());
        g.writeEndObject();
    }
}
