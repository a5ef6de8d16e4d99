package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.drools.facts.Exempt;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.Restrict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rules' findings into a {@link Decision}: each finding's reason is written in the requested
 * language from the catalogue, the merge rules of {@link Decision#of} apply, and the notice summarises
 * the result. Thread-safe.
 */
final class DecisionWriter {

    private static final String[] ACTION_KEYS = keys("action.");
    private static final String[] NOTICE_ACTION_KEYS = keys("notice.action.");
    private static final Map<Outcome, String> NOTICE_KEYS = new java.util.EnumMap<>(Map.of(
            Outcome.APPROVE, "notice.APPROVE", Outcome.REVIEW, "notice.REVIEW", Outcome.RESTRICT, "notice.RESTRICT"));

    private final CompiledRuleSet rules;
    /** "reason." + code, made once per code: the writer is on the hot path of every decision. */
    private final Map<String, String> reasonKeys = new java.util.concurrent.ConcurrentHashMap<>();
    /** Restrictions written lately, by what they were made from. */
    private final Recurring<Made, Restriction> made = new Recurring<>(4096);
    /** Notices written lately, by what they were written from. */
    private final Recurring<Notice, String> notices = new Recurring<>(4096);
    /** Action sentences by language, type and cut (a percentage is 1 to 100): a few dozen at most. */
    private final Map<Integer, String> actions = new java.util.concurrent.ConcurrentHashMap<>();

    DecisionWriter(CompiledRuleSet rules) {
        this.rules = rules;
    }

    private static String[] keys(String prefix) {
        RestrictionType[] types = RestrictionType.values();
        String[] keys = new String[types.length];
        for (RestrictionType t : types) {
            keys[t.ordinal()] = prefix + t.name();
        }
        return keys;
    }

    /**
     * @throws MessageCatalog.MissingValueException when a sentence cites evidence its rule did not give
     */
    Decision write(BorrowerProfile borrower, List<Finding> findings, Language language) {
        MessageCatalog catalog = rules.catalog();
        List<Restriction> restrictions = new ArrayList<>();
        List<Exemption> exemptions = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding instanceof Restrict r) {
                restrictions.add(restriction(catalog, language, r));
            } else if (finding instanceof Exempt e) {
                exemptions.add(new Exemption(e.getFamily(), e.getRule(), e.getReasonCode(), cause(catalog, language, e),
                        List.copyOf(e.getRemedies()), canonical(e.getEvidence())));
            }
        }
        return Decision.of(borrower.id(), borrower.creditLimit(), restrictions, exemptions,
                (outcome, limit, after, merged, exempted) -> knownNotice(catalog, language, outcome, limit, after,
                        merged, exempted),
                rules.info().version());
    }

    /**
     * The restriction a finding stands for, written in {@code language}. A restriction is a value: the same
     * finding (rule, reason, type, cut, remedies and evidence) always gives the same one, so each is written
     * once and shared while it keeps recurring (a regional downturn gives thousands of borrowers the same).
     */
    private Restriction restriction(MessageCatalog catalog, Language language, Restrict r) {
        Made key = new Made(language, r.getRule(), r.getFamily(), r.getReasonCode(), r.getType(),
                r.getReductionPercent(), r.getRemedies(), r.getEvidence());
        Restriction known = made.get(key);
        if (known != null) {
            return known;
        }
        String reason = catalog.render(language, "format.restriction",
                Map.of("cause", cause(catalog, language, r), "action", action(catalog, language, r)));
        Restriction restriction = new Restriction(r.getType(), r.getFamily(), r.getRule(), r.getReasonCode(),
                r.getReductionPercent(), reason, List.copyOf(r.getRemedies()), canonical(r.getEvidence()));
        made.put(key, restriction);
        return restriction;
    }

    /** What a finding's restriction is made from. The finding's remedies and evidence no longer change. */
    private record Made(Language language, String rule, String family, String reasonCode, RestrictionType type,
                        Integer percent, Set<Remedy> remedies, Map<String, Object> evidence) {
    }

    private String cause(MessageCatalog catalog, Language language, Finding finding) {
        return sentence(catalog, language, finding,
                reasonKeys.computeIfAbsent(finding.getReasonCode(), code -> "reason." + code), finding.getEvidence());
    }

    /** What a restriction does, in {@code language}: one sentence per type and cut, made once. */
    private String action(MessageCatalog catalog, Language language, Restrict r) {
        int percent = r.getReductionPercent() == null ? 0 : r.getReductionPercent();
        Integer key = (language.ordinal() * RestrictionType.values().length + r.getType().ordinal()) * 1000 + percent;
        String known = actions.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Object> values = r.getReductionPercent() == null ? Map.of() : Map.of("percent", percent);
        String action = sentence(catalog, language, r, ACTION_KEYS[r.getType().ordinal()], values);
        actions.put(key, action);
        return action;
    }

    private static String sentence(MessageCatalog catalog, Language language, Finding finding, String key,
                                   Map<String, ?> values) {
        try {
            return catalog.render(language, key, values);
        } catch (MessageCatalog.MissingValueException e) {
            throw new MessageCatalog.MissingValueException("rule " + finding.getRule() + ": " + key + " in "
                    + MessageCatalog.fileName(language) + ": " + e.getMessage());
        }
    }

    /**
     * The notice, which depends only on the language, the outcome, the types of restriction, whether anything
     * was exempted and the two limits: written once and shared while it recurs, as restrictions are.
     */
    private String knownNotice(MessageCatalog catalog, Language language, Outcome outcome, BigDecimal limit,
                               BigDecimal after, List<Restriction> restrictions, List<Exemption> exemptions) {
        int types = 0;
        for (Restriction r : restrictions) {
            types |= 1 << r.type().ordinal();
        }
        Notice key = new Notice(language, outcome, types, !exemptions.isEmpty(), limit, after);
        String known = notices.get(key);
        if (known == null) {
            known = notice(catalog, language, outcome, limit, after, restrictions, exemptions);
            notices.put(key, known);
        }
        return known;
    }

    /** What a notice is written from. */
    private record Notice(Language language, Outcome outcome, int types, boolean exempted, BigDecimal limit,
                          BigDecimal after) {
    }

    private static String notice(MessageCatalog catalog, Language language, Outcome outcome, BigDecimal limit,
                                 BigDecimal after, List<Restriction> restrictions, List<Exemption> exemptions) {
        if (outcome == Outcome.APPROVE && exemptions.isEmpty()) {
            return catalog.render(language, NOTICE_KEYS.get(outcome), Map.of("creditLimit", limit));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("creditLimit", limit);
        values.put("recommendedLimit", after);
        Set<RestrictionType> types = EnumSet.noneOf(RestrictionType.class);
        restrictions.forEach(r -> types.add(r.type()));
        List<String> actions = new ArrayList<>();
        for (RestrictionType type : types) {
            actions.add(catalog.render(language, NOTICE_ACTION_KEYS[type.ordinal()], values));
        }
        values.put("actions", String.join(catalog.render(language, "notice.separator", Map.of()), actions));
        String join = catalog.render(language, "notice.join", Map.of());
        StringBuilder notice = new StringBuilder(catalog.render(language, NOTICE_KEYS.get(outcome), values));
        if (!exemptions.isEmpty()) {
            notice.append(join).append(catalog.render(language, "notice.exemption", values));
        }
        if (outcome != Outcome.APPROVE) {
            notice.append(join).append(catalog.render(language, "notice.appeal", values));
        }
        return notice.toString();
    }

    /** Evidence as text, in a form that does not depend on the language: plain decimals, ISO dates. */
    private static Map<String, String> canonical(Map<String, Object> evidence) {
        Map<String, String> out = new LinkedHashMap<>();
        evidence.forEach((name, value) -> out.put(name, canonical(value)));
        return out;
    }

    private static String canonical(Object value) {
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }
}
