package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.drools.facts.Exempt;
import io.github.creditrisk.drools.facts.Restrict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the rules' findings into a {@link Decision}: each finding's reason is written in the requested language
 * by the {@link ReasonRenderer}, the merge rules of {@link Decision#of} apply, and the notice summarises the
 * result. Thread-safe.
 */
final class DecisionWriter {

    private static final String CREDIT_LIMIT = "creditLimit";
    private static final String RECOMMENDED_LIMIT = "recommendedLimit";
    /** The catalogue's keys by type and outcome: {@code action.X}, {@code notice.action.X}, {@code notice.X}. */
    private static final Map<RestrictionType, String> ACTION = keys("action.", RestrictionType.class);
    private static final Map<RestrictionType, String> NOTICE_ACTION = keys("notice.action.", RestrictionType.class);
    private static final Map<Outcome, String> NOTICE = keys("notice.", Outcome.class);

    private final CompiledRuleSet rules;
    private final ReasonRenderer renderer;

    DecisionWriter(CompiledRuleSet rules) {
        this.rules = rules;
        this.renderer = new ReasonRenderer(rules.catalog());
    }

    /**
     * @throws MessageCatalog.MissingValueException when a sentence cites evidence its rule did not give
     */
    Decision write(BorrowerProfile borrower, List<Found> findings, Language language) {
        List<Restriction> restrictions = new ArrayList<>(findings.size());
        List<Exemption> exemptions = new ArrayList<>(0);
        for (Found found : findings) {
            if (found.finding() instanceof Restrict r) {
                restrictions.add(restriction(language, found, r));
            } else if (found.finding() instanceof Exempt e) {
                exemptions.add(new Exemption(found.family(), found.rule(), e.getReasonCode(),
                        sentence(language, found, "reason." + e.getReasonCode(), e.getEvidence()),
                        List.copyOf(e.getRemedies()), canonical(e.getEvidence())));
            }
        }
        return Decision.of(borrower.id(), borrower.creditLimit(), restrictions, exemptions,
                (outcome, limit, after, merged, exempted) -> notice(language, outcome, limit, after, merged,
                        exempted),
                rules.info().version());
    }

    /** The restriction a finding gives, written in {@code language}: its reason is the cause and the action. */
    private Restriction restriction(Language language, Found found, Restrict r) {
        String cause = sentence(language, found, "reason." + r.getReasonCode(), r.getEvidence());
        Map<String, Object> cut = r.getReductionPercent() == null ? Map.of()
                : Map.of("percent", r.getReductionPercent());
        String action = sentence(language, found, ACTION.get(r.getType()), cut);
        String reason = renderer.render(language, "format.restriction", Map.of("cause", cause, "action", action));
        return new Restriction(r.getType(), found.family(), found.rule(), r.getReasonCode(), r.getReductionPercent(),
                reason, List.copyOf(r.getRemedies()), canonical(r.getEvidence()));
    }

    private String sentence(Language language, Found found, String key, Map<String, ?> values) {
        try {
            return renderer.render(language, key, values);
        } catch (MessageCatalog.MissingValueException e) {
            throw new MessageCatalog.MissingValueException("rule " + found.rule() + ": " + e.getMessage());
        }
    }

    /**
     * The notice: the outcome's sentence, with {@code {actions}} the phrases of the restrictions' types joined by
     * the separator, then the exemption and appeal sentences. The sentences may cite the credit limit and, unless
     * the borrower is simply approved, the recommended limit; any other value is missing.
     */
    private String notice(Language language, Outcome outcome, BigDecimal limit, BigDecimal after,
                          List<Restriction> restrictions, List<Exemption> exemptions) {
        boolean exempted = !exemptions.isEmpty();
        Map<String, Object> values = new HashMap<>();
        values.put(CREDIT_LIMIT, limit);
        if (outcome != Outcome.APPROVE || exempted) {
            values.put(RECOMMENDED_LIMIT, after);
            String separator = renderer.render(language, "notice.separator", values);
            EnumSet<RestrictionType> types = EnumSet.noneOf(RestrictionType.class);
            for (Restriction r : restrictions) {
                types.add(r.type());
            }
            List<String> actions = new ArrayList<>(types.size());
            for (RestrictionType type : types) {
                actions.add(renderer.render(language, NOTICE_ACTION.get(type), values));
            }
            values.put("actions", String.join(separator, actions));
        }
        String notice = renderer.render(language, NOTICE.get(outcome), values);
        String join = renderer.render(language, "notice.join", values);
        if (exempted) {
            notice = notice + join + renderer.render(language, "notice.exemption", values);
        }
        if (outcome != Outcome.APPROVE) {
            notice = notice + join + renderer.render(language, "notice.appeal", values);
        }
        return notice;
    }

    private static <E extends Enum<E>> Map<E, String> keys(String prefix, Class<E> type) {
        Map<E, String> keys = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            keys.put(value, prefix + value.name());
        }
        return keys;
    }

    /** Evidence as text, in a form that does not depend on the language: plain decimals, ISO dates; sorted. */
    private static Map<String, String> canonical(Map<String, Object> evidence) {
        Map<String, String> out = new TreeMap<>();
        evidence.forEach((name, value) -> out.put(name, value instanceof BigDecimal b
                ? ValueFormat.plain(b)
                : value instanceof Enum<?> e ? e.name() : String.valueOf(value)));
        return out;
    }
}
