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
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The causes written lately, per reason code, by what they were written from. */
    private final Map<String, Recurring<CauseKey, Cause>> causes = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CAUSES_PER_REASON = 1024;
    /**
     * The most reason codes the tables above keep: a rule set names a few dozen, each with its sentence; rules
     * that make codes up as they fire (which then have no sentence, and fail) must not fill the memory.
     */
    static final int MAX_REASONS = 1024;
    /** Notices put together, by language, outcome, types of restriction and exemption (see {@link #notice}). */
    private final NoticeShape[] noticeShapes =
            new NoticeShape[(Language.values().length * OUTCOMES.length << RestrictionType.values().length) << 1];
    /** Action sentences by language, type and cut (a percentage is 1 to 100): a few dozen at most. */
    private final Map<Integer, String> actions = new java.util.concurrent.ConcurrentHashMap<>();

    DecisionWriter(CompiledRuleSet rules) {
        this.rules = rules;
    }

    /** How many reason codes the writer keeps tables for (for tests). */
    int reasonsKept() {
        return Math.max(causes.size(), reasonKeys.size());
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
        Cause last = null;
        Finding lastFinding = null;
        for (Finding finding : findings) {
            if (finding instanceof Restrict r) {
                // a rule that restricts twice for one reason (block and cut) cites the same evidence: one cause
                Cause cause = last != null && lastFinding.getReasonCode().equals(r.getReasonCode())
                        && sameValues(lastFinding.getEvidence(), r.getEvidence()) ? last : cause(catalog, language, r);
                restrictions.add(cause.restriction(this, catalog, language, r));
                last = cause;
                lastFinding = r;
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

    /** Whether two findings' evidence holds the very same values, in the same order. */
    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var i = a.entrySet().iterator();
        var j = b.entrySet().iterator();
        while (i.hasNext()) {
            var x = i.next();
            var y = j.next();
            if (x.getValue() != y.getValue() || !x.getKey().equals(y.getKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cause a finding gives, written in {@code language}: the reason's sentence with the evidence, and the
     * evidence as text. Causes are values: the same reason with the same evidence always reads the same, so one
     * that recurs (a regional downturn gives thousands of borrowers the same) is written once and shared, for
     * the reasons whose causes are found to recur.
     */
    private Cause cause(MessageCatalog catalog, Language language, Restrict r) {
        Recurring<CauseKey, Cause> known = causes.get(r.getReasonCode());
        if (known == null) {
            if (causes.size() >= MAX_REASONS) {
                return writeCause(catalog, language, r); // codes made up as the rules fire: not kept
            }
            known = causes.computeIfAbsent(r.getReasonCode(), code -> new Recurring<>(CAUSES_PER_REASON));
        }
        if (!known.worthAsking()) {
            return writeCause(catalog, language, r);
        }
        CauseKey key = new CauseKey(language, r.getReasonCode(), r.getEvidence());
        Cause cause = known.get(key);
        if (cause == null) {
            cause = writeCause(catalog, language, r);
            known.put(key, cause);
        }
        return cause;
    }

    private Cause writeCause(MessageCatalog catalog, Language language, Finding finding) {
        return new Cause(sentence(catalog, language, finding, reasonKey(finding), finding.getEvidence()),
                canonical(finding.getEvidence()));
    }

    private String reasonKey(Finding finding) {
        String code = finding.getReasonCode();
        String key = reasonKeys.get(code);
        if (key != null) {
            return key;
        }
        return reasonKeys.size() < MAX_REASONS ? reasonKeys.computeIfAbsent(code, c -> "reason." + c) : "reason." + code;
    }

    /** What a cause is written from. The finding's evidence no longer changes once its rule has fired. */
    private record CauseKey(Language language, String reasonCode, Map<String, Object> evidence) {
        @Override
        public int hashCode() {
            // spread: amounts in whole hundreds hash to multiples of a power of two, which a table indexes badly
            int h = (language.ordinal() * 31 + reasonCode.hashCode()) * 31 + evidence.hashCode();
            return h * 0x9E3779B9 ^ (h >>> 15);
        }
    }

    /**
     * A reason written with its evidence, and the restrictions made from it lately: a restriction is a value
     * too (the same cause, rule, type, cut and remedies always give the same), so one made from a shared
     * cause is shared as well.
     */
    private static final class Cause {
        final String text;
        final Map<String, String> evidence;
        /** The restrictions made from this cause lately (a few: the rules that give the reason, and their cuts). */
        private volatile Restriction[] made = new Restriction[0];

        Cause(String text, Map<String, String> evidence) {
            this.text = text;
            this.evidence = evidence;
        }

        Restriction restriction(DecisionWriter writer, MessageCatalog catalog, Language language, Restrict r) {
            Restriction[] known = made;
            for (Restriction k : known) {
                if (k.type() == r.getType() && k.rule().equals(r.getRule())
                        && java.util.Objects.equals(k.reductionPercent(), r.getReductionPercent())
                        && k.family().equals(r.getFamily()) && sameRemedies(k.remedies(), r.getRemedies())) {
                    return k;
                }
            }
            MessageCatalog.Template format = catalog.template(language, "format.restriction");
            String action = writer.action(catalog, language, r);
            StringBuilder reason = new StringBuilder(text.length() + action.length() + 8);
            format.renderInto(reason, language, name -> switch (name) {
                case "cause" -> text;
                case "action" -> action;
                default -> null;
            }, name -> false, catalog);
            Restriction restriction = new Restriction(r.getType(), r.getFamily(), r.getRule(), r.getReasonCode(),
                    r.getReductionPercent(), reason.toString(), List.copyOf(r.getRemedies()), evidence);
            if (known.length < 4) {
                Restriction[] more = java.util.Arrays.copyOf(known, known.length + 1);
                more[known.length] = restriction;
                made = more;
            }
            return restriction;
        }

        private static boolean sameRemedies(List<Remedy> kept, Set<Remedy> offered) {
            return kept.size() == offered.size() && offered.containsAll(kept);
        }
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
     * The notice. Apart from the two limits it cites, it depends only on the language, the outcome, the types of
     * restriction and whether anything was exempted: each such shape is put together from the catalogue once
     * ({@link #noticeShape}), and a notice is then its text with the limits written in.
     */
    private String notice(MessageCatalog catalog, Language language, Outcome outcome, BigDecimal limit,
                               BigDecimal after, List<Restriction> restrictions, List<Exemption> exemptions) {
        int types = 0;
        for (Restriction r : restrictions) {
            types |= 1 << r.type().ordinal();
        }
        boolean exempted = !exemptions.isEmpty();
        int index = ((language.ordinal() * OUTCOMES.length + outcome.ordinal()) << RestrictionType.values().length
                | types) << 1 | (exempted ? 1 : 0);
        NoticeShape shape = noticeShapes[index];
        if (shape == null) {
            shape = noticeShape(catalog, language, outcome, types, exempted);
            noticeShapes[index] = shape; // immutable: safe to publish without a lock
        }
        return shape.write(language, limit, after, catalog);
    }

    private static final Outcome[] OUTCOMES = Outcome.values();

    /** A notice's text around the limits it cites: literal text and {@code creditLimit}/{@code recommendedLimit}. */
    private record NoticeShape(List<Object> parts, int expectedLength) {

        String write(Language language, BigDecimal limit, BigDecimal after, MessageCatalog catalog) {
            StringBuilder out = new StringBuilder(expectedLength);
            for (Object part : parts) {
                if (part instanceof MessageCatalog.Placeholder p) {
                    MessageCatalog.Formats.write(out, language, p.name().equals(CREDIT_LIMIT) ? limit : after,
                            p.kind(), catalog);
                } else {
                    out.append((String) part);
                }
            }
            return out.toString();
        }
    }

    private static final String CREDIT_LIMIT = "creditLimit";
    private static final String RECOMMENDED_LIMIT = "recommendedLimit";

    /**
     * Puts a notice together: the outcome's sentence, with {@code {actions}} the types' action phrases joined by
     * the separator, then the exemption and appeal sentences. The limits stay placeholders; any other value a
     * sentence cites is missing. An approval without exemptions cites only the credit limit.
     */
    private static NoticeShape noticeShape(MessageCatalog catalog, Language language, Outcome outcome, int types,
                                           boolean exempted) {
        boolean plainApproval = outcome == Outcome.APPROVE && !exempted;
        Set<String> limits = plainApproval ? Set.of(CREDIT_LIMIT) : Set.of(CREDIT_LIMIT, RECOMMENDED_LIMIT);
        List<Object> actions = plainApproval ? null : new ArrayList<>();
        if (!plainApproval) {
            List<Object> separator = new ArrayList<>();
            expand(catalog, language, "notice.separator", limits, null, separator);
            for (RestrictionType type : RestrictionType.values()) {
                if ((types & 1 << type.ordinal()) != 0) {
                    if (!actions.isEmpty()) {
                        actions.addAll(separator);
                    }
                    expand(catalog, language, NOTICE_ACTION_KEYS[type.ordinal()], limits, null, actions);
                }
            }
        }
        List<Object> parts = new ArrayList<>();
        expand(catalog, language, NOTICE_KEYS.get(outcome), limits, actions, parts);
        List<Object> join = new ArrayList<>();
        expand(catalog, language, "notice.join", limits, null, join);
        if (exempted) {
            parts.addAll(join);
            expand(catalog, language, "notice.exemption", limits, actions, parts);
        }
        if (outcome != Outcome.APPROVE) {
            parts.addAll(join);
            expand(catalog, language, "notice.appeal", limits, actions, parts);
        }
        // adjacent literals as one
        List<Object> merged = new ArrayList<>();
        int length = 0;
        for (Object part : parts) {
            if (part instanceof String text && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof String before) {
                merged.set(merged.size() - 1, before + text);
            } else {
                merged.add(part);
            }
            length += part instanceof String text ? text.length() : 16;
        }
        return new NoticeShape(List.copyOf(merged), length);
    }

    /**
     * Appends the parts of sentence {@code key}, with {@code {actions}} replaced by {@code actions} (which a plain
     * approval, {@code null}, does not have).
     */
    private static void expand(MessageCatalog catalog, Language language, String key, Set<String> limits,
                               List<Object> actions, List<Object> into) {
        for (Object part : catalog.template(language, key).parts()) {
            if (part instanceof MessageCatalog.Placeholder p && !limits.contains(p.name())) {
                if (!p.name().equals("actions") || actions == null) {
                    throw new MessageCatalog.MissingValueException(key + " in " + MessageCatalog.fileName(language)
                            + ": the sentence cites {" + p.name() + "}, which was not given");
                }
                into.addAll(actions);
            } else {
                into.add(part);
            }
        }
    }

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
