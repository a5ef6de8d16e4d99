package io.github.creditrisk.drools.internal;

import io.github.creditrisk.Language;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.RuleError;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sentences of a rule set in every {@link Language}, read from its {@code messages_LANG.properties}
 * files, and how values are written in them. Immutable and thread-safe once built.
 *
 * <p>A template inserts a value with {@code {name}}, or formats it with {@code {name,amount}},
 * {@code {name,percent}} (a ratio: 0.725 is written 72.5%) or {@code {name,date}}. Enum values are written
 * with the catalogue's {@code segment.X} or {@code severity.X} labels (the enum's simple name, lower-case,
 * then its constant).
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

    /** Labels by enum value, made once each: a sentence citing a segment is written for many borrowers. */
    private final Map<Language, Map<Enum<?>, String>> labels = new EnumMap<>(Language.class);

    private MessageCatalog(Map<Language, Map<String, Template>> templates, Map<Language, Map<String, String>> plain) {
        this.templates = templates;
        this.plain = plain;
        for (Language language : Language.values()) {
            labels.put(language, new java.util.concurrent.ConcurrentHashMap<>());
        }
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
        for (Language language : Language.values()) {
            Map<String, String> m = plain.get(language);
            if (m == null || !m.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the sentence {@code key} in {@code language} with {@code values}.
     *
     * @throws MissingValueException when the template cites a value that was not given
     */
    String render(Language language, String key, Map<String, ?> values) {
        return template(language, key).render(language, values::get, values::containsKey, this);
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
        return labels.get(language).computeIfAbsent(value, v -> {
            String simple = v.getDeclaringClass().getSimpleName();
            String key = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "." + v.name();
            return plain.get(language).getOrDefault(key, v.name());
        });
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
    static final class MissingValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingValueException(String message) {
            super(message);
        }
    }

    /** A parsed sentence: literal text and placeholders. */
    record Template(List<Object> parts, int expectedLength) {

        Template(List<Object> parts) {
            this(parts, parts.stream().mapToInt(p -> p instanceof String literal ? literal.length() : 16).sum());
        }

        static Template parse(String text) {
            List<Object> parts = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf('{', i);
                if (open < 0) {
                    parts.add(text.substring(i));
                    break;
                }
                int close = text.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("'{' at position " + open + " is never closed");
                }
                if (open > i) {
                    parts.add(text.substring(i, open));
                }
                String[] spec = text.substring(open + 1, close).split(",", 2);
                String name = spec[0].strip();
                String format = spec.length > 1 ? spec[1].strip() : "";
                if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("'{" + text.substring(open + 1, close)
                            + "}' is not a placeholder; expected {name} or {name,amount|percent|date}");
                }
                Kind kind;
                try {
                    kind = Kind.of(format);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("format '" + format + "' of {" + name
                            + "} is unknown; expected amount, percent or date");
                }
                parts.add(new Placeholder(name, kind));
                i = close + 1;
            }
            return new Template(List.copyOf(parts));
        }

        /** Writes the sentence with the values {@code value} gives ({@code has} tells a given null from none). */
        String render(Language language, Function<String, ?> value, Predicate<String> has, MessageCatalog catalog) {
            if (parts.size() == 1 && parts.get(0) instanceof String literal) {
                return literal;
            }
            StringBuilder out = new StringBuilder(expectedLength + 16);
            renderInto(out, language, value, has, catalog);
            return out.toString();
        }

        /** Appends the sentence to {@code out}; see {@link #render}. */
        void renderInto(StringBuilder out, Language language, Function<String, ?> value, Predicate<String> has,
                        MessageCatalog catalog) {
            for (Object part : parts) {
                if (part instanceof Placeholder p) {
                    Object v = value.apply(p.name());
                    if (v == null && !has.test(p.name())) {
                        throw new MissingValueException("the sentence cites {" + p.name() + "}, which was not given");
                    }
                    Formats.write(out, language, v, p.kind(), catalog);
                } else {
                    out.append((String) part);
                }
            }
        }
    }

    /** How a placeholder writes its value: {@code {name}}, {@code {name,amount}}, ... */
    enum Kind {
        PLAIN(""), AMOUNT("amount"), PERCENT("percent"), DATE("date");

        final String format;

        Kind(String format) {
            this.format = format;
        }

        static Kind of(String format) {
            for (Kind k : values()) {
                if (k.format.equals(format)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("format '" + format + "' is unknown; expected amount, percent or date");
        }
    }

    record Placeholder(String name, Kind kind) {
    }

    /** How values are written in sentences. */
    static final class Formats {
        private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
        private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);

        private Formats() {
        }

        static void write(StringBuilder out, Language language, Object value, Kind kind, MessageCatalog catalog) {
            switch (kind) {
                case AMOUNT -> amount(out, (BigDecimal) value);
                case PERCENT -> percent(out, (BigDecimal) value);
                case DATE -> out.append(date(language, (LocalDate) value));
                default -> plain(out, language, value, catalog);
            }
        }

        static void plain(StringBuilder out, Language language, Object value, MessageCatalog catalog) {
            if (value instanceof Integer i) {
                out.append(i.intValue());
            } else if (value instanceof String text) {
                out.append(text);
            } else if (value instanceof Enum<?> e) {
                out.append(catalog.label(language, e));
            } else if (value instanceof LocalDate d) {
                out.append(date(language, d));
            } else if (value instanceof BigDecimal b) {
                out.append(b.stripTrailingZeros().toPlainString());
            } else {
                out.append(value);
            }
        }

        /** Grouped digits; cents only when there are any: 12,000 and 12,345.50 (half-even). */
        static String amount(BigDecimal value) {
            StringBuilder out = new StringBuilder(24);
            amount(out, value);
            return out.toString();
        }

        static void amount(StringBuilder out, BigDecimal value) {
            int scale = value.scale();
            if (scale <= 0 && value.precision() - scale < 18) {
                long whole = value.longValue(); // a whole amount, the usual credit limit
                digits(out, whole < 0, Math.abs(whole), -1, true);
                return;
            }
            if (scale <= 2 && value.precision() < 18) {
                // an amount in cents (or tenths), the usual payment or income: no rounding, no text to regroup
                long unscaled = value.scaleByPowerOfTen(scale).longValue();
                long cents = Math.abs(unscaled) * (scale == 1 ? 10 : 1);
                digits(out, unscaled < 0, cents / 100, cents % 100 != 0 ? (int) (cents % 100) : -1, true);
                return;
            }
            anyAmount(out, value);
        }

        /** Any other amount, rounded half-even to cents: kept apart, as it is rarely asked for. */
        private static void anyAmount(StringBuilder out, BigDecimal value) {
            BigDecimal v = value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY)
                    : value.setScale(2, RoundingMode.HALF_EVEN);
            String plain = v.toPlainString();
            boolean negative = plain.startsWith("-");
            int dot = plain.indexOf('.');
            int intEnd = dot < 0 ? plain.length() : dot;
            int intStart = negative ? 1 : 0;
            if (negative) {
                out.append('-');
            }
            for (int i = intStart; i < intEnd; i++) {
                if (i > intStart && (intEnd - i) % 3 == 0) {
                    out.append(',');
                }
                out.append(plain.charAt(i));
            }
            if (dot >= 0) {
                out.append(plain, dot, plain.length());
            }
        }

        /**
         * Writes {@code [-]whole[.ff]} in one append: the whole part's digits grouped by thousands with commas
         * when {@code grouped}, and two fraction digits ({@code 05}) unless {@code fraction} is negative. The
         * digits are put in a small array first (one call into the builder, not one per character: less code
         * for the JIT to compile on every path that writes a sentence).
         */
        private static void digits(StringBuilder out, boolean negative, long whole, int fraction, boolean grouped) {
            char[] buf = new char[32];
            int pos = buf.length;
            if (fraction >= 0) {
                buf[--pos] = (char) ('0' + fraction % 10);
                buf[--pos] = (char) ('0' + fraction / 10);
                buf[--pos] = '.';
            }
            int count = 0;
            do {
                if (grouped && count > 0 && count % 3 == 0) {
                    buf[--pos] = ',';
                }
                buf[--pos] = (char) ('0' + whole % 10);
                whole /= 10;
                count++;
            } while (whole > 0);
            if (negative) {
                buf[--pos] = '-';
            }
            out.append(buf, pos, buf.length - pos);
        }

        /** A ratio as a percentage with at most two decimals: 0.725 is 72.5%. */
        static String percent(BigDecimal ratio) {
            StringBuilder out = new StringBuilder(12);
            percent(out, ratio);
            return out.toString();
        }

        static void percent(StringBuilder out, BigDecimal ratio) {
            int scale = ratio.scale();
            if (scale >= 0 && scale <= 8 && ratio.precision() < 18 - Math.max(0, 4 - scale)) {
                // in hundredths of a percent, rounded half up, without BigDecimal arithmetic
                long unscaled = Math.abs(ratio.scaleByPowerOfTen(scale).longValue());
                long hundredths;
                if (scale <= 4) {
                    hundredths = unscaled * POWERS[4 - scale];
                } else {
                    long unit = POWERS[scale - 4];
                    hundredths = unscaled / unit + (unscaled % unit * 2 >= unit ? 1 : 0);
                }
                long fraction = hundredths % 100;
                // a whole tenth: 72.50 is written 72.5
                if (fraction != 0 && fraction % 10 == 0) {
                    digits(out, ratio.signum() < 0, hundredths / 100, -1, false);
                    out.append('.').append((char) ('0' + fraction / 10)).append('%');
                } else {
                    digits(out, ratio.signum() < 0 && hundredths != 0, hundredths / 100,
                            fraction != 0 ? (int) fraction : -1, false);
                    out.append('%');
                }
                return;
            }
            anyPercent(out, ratio);
        }

        private static void anyPercent(StringBuilder out, BigDecimal ratio) {
            BigDecimal pct = ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            out.append(pct.toPlainString()).append('%');
        }

        private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

        static String date(Language language, LocalDate date) {
            return language == Language.ZH ? ZH_DATE.format(date) : EN_DATE.format(date);
        }
    }
}
