package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.drools.facts.Exempt;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.Restrict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /**
     * The most reason codes the tables above keep: a rule set names a few dozen, each with its sentence; rules
     * that make codes up as they fire (which then have no sentence, and fail) must not fill the memory.
     */
    static final int MAX_REASONS = 1024;
    /** Action sentences by language, type and cut (a percentage is 1 to 100): a few dozen at most. */
    private final Map<Integer, String> actions = new java.util.concurrent.ConcurrentHashMap<>();

    DecisionWriter(CompiledRuleSet rules) {
        this.rules = rules;
    }

    /** How many reason codes the writer keeps tables for (for tests). */
    int reasonsKept() {
        return reasonKeys.size();
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
        List<Restriction> restrictions = new ArrayList<>(findings.size());
        List<Exemption> exemptions = List.of();
        for (Finding finding : findings) {
            if (finding instanceof Restrict r) {
                restrictions.add(restriction(catalog, language, r));
            } else if (finding instanceof Exempt e) {
                if (exemptions.isEmpty()) {
                    exemptions = new ArrayList<>(2);
                }
                exemptions.add(new Exemption(e.getFamily(), e.getRule(), e.getReasonCode(),
                        sentence(catalog, language, e, reasonKey(e), e.getEvidence()), List.copyOf(e.getRemedies()),
                        canonical(e.getEvidence())));
            }
        }
        return Decision.of(borrower.id(), borrower.creditLimit(), restrictions, exemptions,
                (outcome, limit, after, merged, exempted) -> notice(catalog, language, outcome, limit, after,
                        merged, exempted),
                rules.info().version());
    }

    private String reasonKey(Finding finding) {
        String code = finding.getReasonCode();
        String key = reasonKeys.get(code);
        if (key != null) {
            return key;
        }
        return reasonKeys.size() < MAX_REASONS ? reasonKeys.computeIfAbsent(code, c -> "reason." + c) : "reason." + code;
    }

    /** The restriction a finding gives, written in {@code language}: its reason is the cause and the action. */
    private Restriction restriction(MessageCatalog catalog, Language language, Restrict r) {
        String cause = sentence(catalog, language, r, reasonKey(r), r.getEvidence());
        String action = action(catalog, language, r);
        StringBuilder reason = new StringBuilder(cause.length() + action.length() + 8);
        catalog.template(language, "format.restriction").renderInto(reason, language, name -> switch (name) {
            case "cause" -> cause;
            case "action" -> action;
            default -> null;
        }, name -> false, catalog);
        return new Restriction(r.getType(), r.getFamily(), r.getRule(), r.getReasonCode(), r.getReductionPercent(),
                reason.toString(), List.copyOf(r.getRemedies()), canonical(r.getEvidence()));
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
     * The notice: the outcome's sentence, with {@code {actions}} the phrases of the restrictions' types joined by
     * the separator, then the exemption and appeal sentences. The sentences may cite the credit limit and, unless
     * the borrower is simply approved, the recommended limit; any other value is missing.
     */
    private String notice(MessageCatalog catalog, Language language, Outcome outcome, BigDecimal limit,
                          BigDecimal after, List<Restriction> restrictions, List<Exemption> exemptions) {
        boolean exempted = !exemptions.isEmpty();
        boolean plainApproval = outcome == Outcome.APPROVE && !exempted;
        Map<String, Object> values = new HashMap<>();
        values.put(CREDIT_LIMIT, limit);
        if (!plainApproval) {
            values.put(RECOMMENDED_LIMIT, after);
            String separator = noticePart(catalog, language, "notice.separator", values);
            StringBuilder actions = new StringBuilder();
            for (RestrictionType type : RestrictionType.values()) {
                if (restrictions.stream().anyMatch(r -> r.type() == type)) {
                    if (actions.length() > 0) {
                        actions.append(separator);
                    }
                    actions.append(noticePart(catalog, language, NOTICE_ACTION_KEYS[type.ordinal()], values));
                }
            }
            values.put("actions", actions.toString());
        }
        StringBuilder notice = new StringBuilder(noticePart(catalog, language, NOTICE_KEYS.get(outcome), values));
        String join = noticePart(catalog, language, "notice.join", values);
        if (exempted) {
            notice.append(join).append(noticePart(catalog, language, "notice.exemption", values));
        }
        if (outcome != Outcome.APPROVE) {
            notice.append(join).append(noticePart(catalog, language, "notice.appeal", values));
        }
        return notice.toString();
    }

    private static String noticePart(MessageCatalog catalog, Language language, String key, Map<String, Object> values) {
        try {
            return catalog.render(language, key, values);
        } catch (MessageCatalog.MissingValueException e) {
            throw new MessageCatalog.MissingValueException(key + " in " + MessageCatalog.fileName(language) + ": "
                    + e.getMessage());
        }
    }

    private static final String CREDIT_LIMIT = "creditLimit";
    private static final String RECOMMENDED_LIMIT = "recommendedLimit";

    /**
     * Evidence as text, in a form that does not depend on the language: plain decimals, ISO dates. Sorted, as a
     * restriction keeps it (which then copies it without comparing).
     */
    private static Map<String, String> canonical(Map<String, Object> evidence) {
        Map<String, String> out = new TreeMap<>();
        evidence.forEach((name, value) -> out.put(name, canonical(value)));
        return out;
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static String canonical(Object value) {
        if (value instanceof BigDecimal b) {
            if (b.scale() == 0 && b.compareTo(LONG_MAX) <= 0 && b.signum() >= 0) {
                return Long.toString(b.longValue()); // a whole amount, the usual one: the same digits, sooner
            }
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Integer i) {
            return Integer.toString(i);
        }
        return String.valueOf(value);
    }
}
