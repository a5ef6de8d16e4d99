package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.creditrisk.Action;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Way;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes decision and error lines straight to a generator, in the contract's order: {@code borrowerId, outcome,
 * creditLimit, recommendedLimit, restrictions, exemptions, notice, rulesetVersion}; a restriction {@code type,
 * family, rule, reasonCode, [reductionPercent,] reason, remedies, evidence[, lift]}; an exemption the same without
 * {@code type}; an error line {@code borrowerId} (or {@code null}) and {@code error}. {@code risk eval} writes one
 * per borrower on its deciding threads, where the mapper writing the same line from {@link Shapes} records made
 * the whole run of 1,000,000 borrowers 1.09 times as long (see risk-benchmarks/README.md, optimisations kept).
 */
final class DecisionLines {

    private DecisionLines() {
    }

    static void write(JsonGenerator g, Evaluation evaluation) throws IOException {
        g.writeStartObject();
        if (evaluation instanceof Evaluation.Failed failed) {
            g.writeStringField("borrowerId", failed.borrowerId()); // null is written as null
            g.writeStringField("error", failed.error());
        } else {
            writeFields(g, ((Evaluation.Decided) evaluation).decision());
        }
        g.writeEndObject();
    }

    private static void writeFields(JsonGenerator g, Decision d) throws IOException {
        g.writeStringField("borrowerId", d.borrowerId());
        g.writeStringField("outcome", d.outcome().name());
        g.writeNumberField("creditLimit", d.creditLimit());
        g.writeNumberField("recommendedLimit", d.recommendedLimit());
        g.writeArrayFieldStart("restrictions");
        for (Restriction r : d.restrictions()) {
            g.writeStartObject();
            g.writeStringField("type", r.type().name());
            writeOrigin(g, r.family(), r.rule(), r.reasonCode());
            if (r.reductionPercent() != null) {
                g.writeNumberField("reductionPercent", r.reductionPercent());
            }
            writeReason(g, r.reason(), r.remedies(), r.evidence());
            if (r.lift() != null) {
                writeLift(g, r.lift());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("exemptions");
        for (Exemption e : d.exemptions()) {
            g.writeStartObject();
            writeOrigin(g, e.family(), e.rule(), e.reasonCode());
            writeReason(g, e.reason(), e.remedies(), e.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("notice", d.notice());
        g.writeStringField("rulesetVersion", d.rulesetVersion());
    }

    /** The ways that lift a restriction: each {@code actions} (kind, then its fields) and {@code text}. */
    private static void writeLift(JsonGenerator g, List<Way> lift) throws IOException {
        g.writeArrayFieldStart("lift");
        for (Way way : lift) {
            g.writeStartObject();
            g.writeArrayFieldStart("actions");
            for (Action a : way.actions()) {
                g.writeStartObject();
                g.writeStringField("kind", a.kind().name());
                if (a instanceof Action.LowerRepayments l) {
                    g.writeNumberField("target", l.target());
                } else if (a instanceof Action.RaiseVerifiedIncome i) {
                    g.writeNumberField("target", i.target());
                } else if (a instanceof Action.RecoverSales s) {
                    g.writeNumberField("target", s.target());
                } else if (a instanceof Action.RecoverScore s) {
                    g.writeNumberField("target", s.target());
                } else if (a instanceof Action.RepayLoans r) {
                    writeNames(g, r.lenders());
                } else if (a instanceof Action.ClearArrears c) {
                    writeNames(g, c.lenders());
                } else {
                    Action.SignalEnds e = (Action.SignalEnds) a;
                    g.writeStringField("signal", e.signal());
                    if (e.until() != null) {
                        g.writeStringField("until", e.until().toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("text", way.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeNames(JsonGenerator g, List<String> lenders) throws IOException {
        g.writeArrayFieldStart("lenders");
        for (String lender : lenders) {
            g.writeString(lender);
        }
        g.writeEndArray();
    }

    private static void writeOrigin(JsonGenerator g, String family, String rule, String reasonCode)
            throws IOException {
        g.writeStringField("family", family);
        g.writeStringField("rule", rule);
        g.writeStringField("reasonCode", reasonCode);
    }

    private static void writeReason(JsonGenerator g, String reason, List<Remedy> remedies,
                                    Map<String, String> evidence) throws IOException {
        g.writeStringField("reason", reason);
        g.writeArrayFieldStart("remedies");
        for (Remedy remedy : remedies) {
            g.writeString(remedy.name());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("evidence");
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
