package io.github.creditrisk.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Signal;

import java.io.UncheckedIOException;

/**
 * The simulation's figures for machines: the same figures as the text report (every region rather than the
 * top ones), shares in percent of the borrowers compared, rounded to four decimals; amounts exact.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonReport() {
    }

    public static String write(Impact impact) {
        ObjectNode root = MAPPER.createObjectNode();
        Setup setup = impact.setup();
        root.put("asOf", setup.asOf().toString());
        root.put("language", setup.language().tag());
        root.set("baseline", side(setup.baseline()));
        root.set("candidate", side(setup.candidate()));

        root.put("compared", impact.evaluated());
        root.put("rejected", impact.rejected());
        group(root.putObject("total"), impact.total());
        root.put("restrictedShareBaseline", Numbers.rounded(impact.share(impact.total().restrictedBefore())));
        root.put("restrictedShareCandidate", Numbers.rounded(impact.share(impact.total().restrictedAfter())));
        root.put("restrictedShareChange", Numbers.rounded(impact.restrictedShareChange()));

        ArrayNode transitions = root.putArray("transitions");
        for (Outcome from : Outcome.values()) {
            for (Outcome to : Outcome.values()) {
                long n = impact.transitions().count(from, to);
                transitions.addObject().put("baseline", from.name()).put("candidate", to.name()).put("borrowers", n)
                        .put("share", Numbers.rounded(impact.share(n)));
            }
        }
        ObjectNode outcomes = root.putObject("outcomes");
        for (Outcome o : Outcome.values()) {
            outcomes.putObject(o.name()).put("baseline", impact.transitions().baseline(o))
                    .put("candidate", impact.transitions().candidate(o));
        }

        ArrayNode restrictions = root.putArray("restrictions");
        for (RestrictionFigures r : impact.restrictions()) {
            restrictions.addObject().put("family", r.family()).put("type", r.type().name())
                    .put("newlyAffected", r.newlyAffected()).put("noLongerAffected", r.noLongerAffected())
                    .put("modified", r.modified());
        }
        ArrayNode segments = root.putArray("segments");
        impact.segments().forEach(g -> group(segments.addObject().put("segment", g.name()), g));
        ArrayNode regions = root.putArray("regions");
        impact.regions().forEach(g -> group(regions.addObject().put("region", g.name()), g));

        root.putObject("creditLimit")
                .put("total", impact.creditLimit())
                .put("recommendedBaseline", impact.baselineLimit())
                .put("recommendedCandidate", impact.candidateLimit())
                .put("removed", impact.total().limitRemoved())
                .put("restored", impact.total().limitRestored());

        ArrayNode sample = root.putArray("sample");
        for (Comparison.Compared c : impact.sample()) {
            ObjectNode s = sample.addObject();
            s.put("line", c.line()).put("borrowerId", c.borrowerId()).put("segment", c.borrower().segment().name())
                    .put("region", c.borrower().region()).put("creditLimit", c.baseline().creditLimit());
            s.set("baseline", decision(c.baseline()));
            s.set("candidate", decision(c.candidate()));
            ArrayNode changes = s.putArray("changes");
            for (RestrictionChange change : c.changes()) {
                ObjectNode ch = changes.addObject().put("change", change.kind().name())
                        .put("type", change.type().name()).put("family", change.family());
                if (change.baseline() != null) {
                    ch.set("baseline", restriction(change.baseline()));
                }
                if (change.candidate() != null) {
                    ch.set("candidate", restriction(change.candidate()));
                }
            }
        }

        ArrayNode rejections = root.putArray("rejections");
        for (Comparison.Rejected r : impact.firstRejections()) {
            rejections.addObject().put("line", r.line()).put("borrowerId", r.borrowerId()).put("error", r.error());
        }
        ObjectNode guard = root.putObject("guard");
        if (setup.maxRestrictedShare() == null) {
            guard.putNull("maxRestrictedShare");
        } else {
            guard.put("maxRestrictedShare", setup.maxRestrictedShare());
        }
        guard.put("tripped", impact.guardTripped());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode side(Side side) {
        ObjectNode node = MAPPER.createObjectNode().put("rules", side.rules())
                .put("rulesetVersion", side.rulesetVersion());
        ArrayNode signals = node.putArray("signals");
        for (Signal s : side.signals()) {
            signals.add(Signals.describe(s));
        }
        return node;
    }

    private static void group(ObjectNode node, GroupFigures g) {
        node.put("borrowers", g.borrowers()).put("changed", g.changed())
                .put("restrictedBefore", g.restrictedBefore()).put("restrictedAfter", g.restrictedAfter())
                .put("newlyRestricted", g.newlyRestricted()).put("noLongerRestricted", g.noLongerRestricted())
                .put("newlyAffected", g.newlyAffected()).put("noLongerAffected", g.noLongerAffected())
                .put("limitRemoved", g.limitRemoved()).put("limitRestored", g.limitRestored());
    }

    private static ObjectNode decision(Decision d) {
        return MAPPER.createObjectNode().put("outcome", d.outcome().name())
                .put("recommendedLimit", d.recommendedLimit());
    }

    private static ObjectNode restriction(Restriction r) {
        ObjectNode node = MAPPER.createObjectNode().put("rule", r.rule()).put("reasonCode", r.reasonCode());
        if (r.reductionPercent() != null) {
            node.put("reductionPercent", r.reductionPercent());
        }
        return node.put("reason", r.reason());
    }
}
