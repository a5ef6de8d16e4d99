package io.github.creditrisk.drools.internal;

import io.github.creditrisk.Language;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.RuleError;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sentences of a rule set in every {@link Language}, read from its {@code messages_LANG.properties}
 * files and parsed into {@link Template}s, and the labels of enum values ({@code segment.X}, {@code severity.X}:
 * the enum's simple name, lower-case, then its constant). Immutable and thread-safe.
 */
public final class MessageCatalog {

    /** Keys every catalogue must have besides one {@code reason.CODE} per reason code used by the rules. */
    static final List<String> REQUIRED_KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("format.restriction", "notice.APPROVE", "notice.REVIEW",
                "notice.RESTRICT", "notice.separator", "notice.exemption", "notice.appeal", "notice.join"));
        for (RestrictionType type : RestrictionType.values()) {
            keys.add("action." + type);
            keys.add("notice.action." + type);
        }
        REQUIRED_KEYS = List.copyOf(keys);
    }

    private final Map<Language, Map<String, Template>> templates;
    private final Map<Language, Map<String, String>> plain;

    private MessageCatalog(Map<Language, Map<String, Template>> templates, Map<Language, Map<String, String>> plain) {
        this.templates = templates;
        this.plain = plain;
    }

    /** The catalogue file of a language: {@code messages_en.properties}. */
    static String fileName(Language language) {
        return "messages_" + language.tag() + ".properties";
    }

    /**
     * Reads the catalogues of every language from a rule set's files, reporting every problem found: a
     * missing catalogue, a key one language has and another lacks, a required key missing, a broken
     * template.
     */
    static MessageCatalog read(Map<String, String> files, List<RuleError> errors) {
        Map<Language, Map<String, Template>> templates = new EnumMap<>(Language.class);
        Map<Language, Map<String, String>> plain = new EnumMap<>(Language.class);
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = fileName(language);
            String text = files.entrySet().stream()
                    .filter(f -> f.getKey().equals(name) || f.getKey().endsWith("/" + name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (text == null) {
                errors.add(new RuleError(name, 0, "is missing; every rule set needs the customer sentences in "
                        + language.name() + " (copy messages_en.properties and translate it)"));
                continue;
            }
            texts.put(language, text);
            Properties props = new Properties();
            try {
                props.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                errors.add(new RuleError(name, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            Map<String, Template> parsed = new HashMap<>();
            Map<String, String> raw = new HashMap<>();
            for (String key : props.stringPropertyNames()) {
                String value = props.getProperty(key);
                raw.put(key, value);
                try {
                    parsed.put(key, Template.parse(value));
                } catch (IllegalArgumentException e) {
                    errors.add(new RuleError(name, lineOf(text, key), key + ": " + e.getMessage()));
                }
            }
            for (String key : REQUIRED_KEYS) {
                if (!raw.containsKey(key)) {
                    errors.add(new RuleError(name, 0, "lacks the key " + key + ", which every catalogue needs"));
                }
            }
            templates.put(language, parsed);
            plain.put(language, raw);
        }
        // Every language must say everything: a key in one catalogue and not in another is an error.
        Set<String> all = new TreeSet<>();
        plain.values().forEach(m -> all.addAll(m.keySet()));
        for (Map.Entry<Language, Map<String, String>> e : plain.entrySet()) {
            for (String key : all) {
                if (!e.getValue().containsKey(key) && !REQUIRED_KEYS.contains(key)) {
                    Language other = plain.entrySet().stream().filter(o -> o.getValue().containsKey(key))
                            .map(Map.Entry::getKey).findFirst().orElseThrow();
                    errors.add(new RuleError(fileName(e.getKey()), 0, "lacks the key " + key + ", which "
                            + fileName(other) + " has (line " + lineOf(texts.get(other), key) + ")"));
                }
            }
        }
        return new MessageCatalog(templates, plain);
    }

    /** Whether every language has a sentence for {@code key}. */
    boolean has(String key) {
        return Arrays.stream(Language.values()).allMatch(l -> plain.containsKey(l) && plain.get(l).containsKey(key));
    }

    /**
     * The sentence {@code key} in {@code language}, parsed.
     *
     * @throws MissingValueException when the catalogue has no such sentence
     */
    Template template(Language language, String key) {
        Template template = templates.get(language).get(key);
        if (template == null) {
            throw new MissingValueException(fileName(language) + " has no sentence for " + key);
        }
        return template;
    }

    /** The label of an enum value, such as {@code segment.SMALL_BUSINESS_OWNER}; its name when unlabelled. */
    String label(Language language, Enum<?> value) {
        String simple = value.getDeclaringClass().getSimpleName();
        String key = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "." + value.name();
        return plain.get(language).getOrDefault(key, value.name());
    }

    static int lineOf(String text, String key) {
        if (text == null) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(key) && line.substring(key.length()).stripLeading().matches("^[=:].*")) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A template cites a value that was not given, or a key is missing. */
    static final class MissingValueException extends RiskException {
        private static final long serialVersionUID = 1L;

        MissingValueException(String message) {
            super(message);
        }
    }
}
