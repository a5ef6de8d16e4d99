package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Hostile JSON made from a seed, each input paired with what reading it must give. The fuzz properties
 * ({@link JsonFuzzProperties}) and the long campaign ({@link FuzzCampaign}) draw from the same generators, so
 * a failing seed from either replays in both.
 *
 * <p>Most inputs are <em>model-based</em>: a valid profile (or signal list, or case file) is generated as
 * Java values, written out with randomly chosen but equivalent spellings ({@code 7e2} for 700, {@code -0} for
 * zero, escapes, whitespace, field order, explicit nulls), and then at most one field is broken in a known
 * way: a wrong type, a value out of range, an unknown or repeated key, a missing field, deep nesting, a huge
 * text or array. Such an input has a known answer: the profile itself, or a rejection naming that field's
 * path. The rest are <em>blind</em>: random edits, truncations and splices of valid documents, and random
 * bytes, whose only known answer is "valid or cleanly rejected".
 */
final class HostileJson {

    /** What reading an input must give. */
    sealed interface Expect permits Valid, RejectedAt, AnyRejection, ValidOrRejected {
    }

    /** Read as exactly this value. */
    record Valid(Object value) implements Expect {
    }

    /** Rejected, with an error whose field starts with {@code path} ("input" for the document as a whole). */
    record RejectedAt(String path) implements Expect {
    }

    /** Rejected, wherever the reader found the problem (a syntax error, a truncation). */
    record AnyRejection() implements Expect {
    }

    /** A blind mutation: valid or rejected, never anything else. */
    record ValidOrRejected() implements Expect {
    }

    /**
     * One generated input: the text, the answer it must give, and how it was made (for failure reports).
     *
     * @param id the id a rejection of it must carry, when the id itself is intact and readable; otherwise
     *           {@code null}, and a rejection may carry the id or none (never another)
     */
    record Input(String text, Expect expect, String how, String id) {
        Input(String text, Expect expect, String how) {
            this(text, expect, how, null);
        }

        @Override
        public String toString() {
            String shown = text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
            return how + " -> " + expect + ": " + shown;
        }
    }

    /** One borrower entry of a generated case file. */
    record Entry(String id, Expect expect, String how) {
    }

    /** Whether a generated case file must be readable as a whole. */
    enum Readable { YES, NO, EITHER }

    /**
     * A generated case file: its text, whether it must be readable as a whole, and (when it must) each
     * borrower's answer, the date and the signals it must give.
     */
    record CaseFileInput(String text, Readable readable, List<Entry> entries, LocalDate asOf, List<Signal> signals,
                         String how) {
        @Override
        public String toString() {
            String shown = text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " chars)";
            return how + " readable=" + readable + ": " + shown;
        }
    }

    static final JsonLimits LIMITS = JsonLimits.defaults();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String[] REGIONS = {"CN", "CN-GD", "CN-GD-SZ", "cn-zj-hz", "CN-BJ", "区域-1"};
    private static final String[] SECTORS = {"RETAIL", "P2P_LENDING", "MANUFACTURING", "零售"};
    private static final String[] LENDERS = {"Ant Credit", "Bank A", "招商银行", "Quick \"Loans\"", "a\\b/c"};
    /** Keys a document might use to steer type handling, or that are plain typos. */
    static final String[] UNKNOWN_KEYS = {"@class", "@type", "$type", "@c", "class", "type", "__proto__",
            "constructor", "previousScore", "monthly_income", "Id", "loan", "extra", "@id", "$ref", "@JsonTypeInfo"};
    /** Values that name classes or carry code, for fields that take text. */
    static final String[] CODE_TEXTS = {"java.lang.Runtime", "java.lang.ProcessBuilder",
            "javax.script.ScriptEngineManager", "com.sun.rowset.JdbcRowSetImpl",
            "org.springframework.context.support.ClassPathXmlApplicationContext",
            "io.github.creditrisk.json.NoCodeThroughJsonTest$Canary",
            "rule \"X\" when then System.exit(1); end", "${java.lang.Runtime.getRuntime().exec('id')}",
            "#{T(java.lang.Runtime).getRuntime()}", "@{java.lang.System.exit(1)}", "{monthlyIncome,amount}",
            "jndi:ldap://example.invalid/a"};
    /** Tokens spliced into blind mutations. */
    private static final String[] HOSTILE_TOKENS = {"1e400", "-1e400", "-0", "-0.0", "0.1e-400", "1e-400", "1e99999999999",
            "NaN", "Infinity", "-Infinity", "null", "true", "false", "{}", "[]", "[[[[[[[[", "]]]]", "{\"@class\":1}",
            "\"\\ud800\"", "\"\\u0000\"", "\"\\/\"", "\"", "\\", ":", ",", "\u0000", "\uFEFF", "\u202E", "\uD83D\uDE00",
            "0700", "+1", ".5", "5.", "1e", "\"id\":\"dup\"", "\"id\"", "9".repeat(1001), "0." + "0".repeat(500) + "1",
            "\"java.lang.Runtime\"", "//", "/*", "'x'", "\r", "\n", "\t"};

    /**
     * Values that are not JSON at all: the parser stops at them. It may stop after reading a first part
     * ({@code 0} of {@code 0x10}) as a value, and name the next place (in an array, the next index).
     */
    private static final String[] SYNTAX_BREAKERS = {"NaN", "-Infinity", "0x10", "1.e3", "01"};

    private HostileJson() {
    }

    // ------------------------------------------------------------------------------------------------------
    // A tiny mutable JSON model: objects and arrays whose leaves are raw JSON text, so a leaf can be anything.

    /** An object: keys in order, each with a raw JSON text, an {@link Obj} or an {@link Arr}. */
    static final class Obj {
        final List<String> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Obj put(String key, Object value) {
            keys.add(key);
            values.add(value);
            return this;
        }
    }

    /** An array of raw JSON texts, {@link Obj}s and {@link Arr}s. */
    static final class Arr {
        final List<Object> items = new ArrayList<>();
    }

    /** What a slot of a document holds, which decides what breaks it. */
    enum Kind { TEXT, OPTIONAL_TEXT, NOTE, SEGMENT, SEVERITY, SIGNAL_TYPE, AMOUNT, SCORE, OPTIONAL_SCORE, DAYS, LOANS,
        REVENUE, LOAN, DATE, OPTIONAL_DATE }

    /**
     * What {@link #breakOne} broke: the path the error must name, and whether the parser itself stops there
     * (nesting beyond the limit), which fails a whole case file rather than one entry.
     */
    record Broken(String path, boolean stopsTheParser, boolean pathExact) {
        Broken(String path, boolean stopsTheParser) {
            this(path, stopsTheParser, true);
        }
    }

    /** A place in a document that a mutation can break: a value of an object or an element of an array. */
    record Slot(Object container, int position, String path, Kind kind) {
        void set(Object value) {
            if (container instanceof Obj o) {
                o.values.set(position, value);
            } else {
                ((Arr) container).items.set(position, value);
            }
        }
    }

    /** A document under construction: its root, and the slots a mutation may break, with their paths. */
    static final class Doc {
        final Object root;
        final List<Slot> slots = new ArrayList<>();
        /** The objects of the document and their paths, for unknown and repeated keys. */
        final List<Obj> objects = new ArrayList<>();
        final List<String> objectPaths = new ArrayList<>();

        Doc(Object root) {
            this.root = root;
        }
    }

    /** Whether every surrogate in {@code s} is half of a pair: the text is whole Unicode. */
    static boolean validPairs(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The path of {@code key} under {@code parent}, as error messages write it (see README: Errors). */
    static String child(String parent, String key) {
        if (PLAIN_NAME.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key + "\"]";
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    // ------------------------------------------------------------------------------------------------------
    // Rendering

    static String render(Object value, Random r) {
        StringBuilder out = new StringBuilder();
        render(value, r, out);
        return out.toString();
    }

    private static void render(Object value, Random r, StringBuilder out) {
        if (value instanceof Obj o) {
            out.append('{');
            for (int i = 0; i < o.keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(r, out);
                out.append(text(o.keys.get(i), r));
                space(r, out);
                out.append(':');
                space(r, out);
                render(o.values.get(i), r, out);
                space(r, out);
            }
            out.append('}');
        } else if (value instanceof Arr a) {
            out.append('[');
            for (int i = 0; i < a.items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(r, out);
                render(a.items.get(i), r, out);
            }
            out.append(']');
        } else {
            out.append((String) value);
        }
    }

    private static void space(Random r, StringBuilder out) {
        int n = r.nextInt(10);
        if (n == 7) {
            out.append(' ');
        } else if (n == 8) {
            out.append(" \t");
        } else if (n == 9) {
            out.append("\r\n  ");
        }
    }

    /** A JSON string for {@code s}, with characters escaped at random (and control characters always). */
    static String text(String s, Random r) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        boolean escapeMore = r.nextInt(4) == 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || escapeMore && r.nextInt(3) == 0) {
                switch (escapeMore && c == '/' ? 0 : r.nextInt(2)) {
                    case 0 -> b.append(c == '/' ? "\\/" : String.format("\\u%04x", (int) c));
                    default -> b.append(String.format("\\u%04X", (int) c));
                }
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** An amount written in one of the spellings that read back as exactly {@code x}. */
    static String amount(BigDecimal x, Random r) {
        switch (r.nextInt(6)) {
            case 0: {
                // Mantissa and exponent that give the same unscaled value and scale: 123.45 is 1.2345e2.
                String digits = x.unscaledValue().toString();
                int exponent = digits.length() - 1 - x.scale();
                String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
                return mantissa + (r.nextBoolean() ? "e" : "E") + (exponent >= 0 && r.nextBoolean() ? "+" : "")
                        + exponent;
            }
            case 1:
                return x.signum() == 0 ? "-" + x.toPlainString() : x.toPlainString();
            default:
                return x.toPlainString();
        }
    }

    /** A whole number written in one of the spellings that read back as {@code n}. */
    static String whole(int n, Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> n + ".0";
            case 1 -> n + ".000";
            case 2 -> n + "e0";
            case 3 -> n == 0 ? "-0" : new BigDecimal(n).movePointLeft(1).toPlainString() + "E+1";
            case 4 -> new BigDecimal(n).movePointLeft(3).toPlainString() + "e3";
            default -> Integer.toString(n);
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Valid values

    static BigDecimal validAmount(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal("0.00");
            case 2 -> LIMITS.maxAmount();
            case 3 -> new BigDecimal("999999999999999.9999999999");
            case 4 -> new BigDecimal("0.0000000001");
            case 5 -> new BigDecimal(BigInteger.valueOf(r.nextInt(1_000_000_000)), 10);
            default -> new BigDecimal(BigInteger.valueOf(r.nextInt(30_000_000)), r.nextInt(3));
        };
    }

    static String validText(Random r, String[] examples) {
        return switch (r.nextInt(10)) {
            case 0 -> "x".repeat(LIMITS.maxStringLength());
            case 1 -> "line\nbreak\ttab \u0001 \"quoted\" back\\slash";
            case 2 -> "emoji \uD83D\uDE00 and \u202Eright-to-left";
            case 3 -> CODE_TEXTS[r.nextInt(CODE_TEXTS.length)];
            default -> examples[r.nextInt(examples.length)] + (r.nextBoolean() ? "" : "-" + r.nextInt(1000));
        };
    }

    static BorrowerProfile validProfile(Random r, String id) {
        int loans = r.nextInt(8) == 0 ? 0 : r.nextInt(4);
        List<Loan> l = new ArrayList<>();
        for (int i = 0; i < loans; i++) {
            int dpd = r.nextInt(3) == 0 ? r.nextInt(r.nextInt(10) == 0 ? LIMITS.maxDaysPastDue() + 1 : 120) : 0;
            l.add(new Loan(validText(r, LENDERS), validAmount(r), validAmount(r), dpd));
        }
        List<BigDecimal> revenue = new ArrayList<>();
        int months = r.nextInt(3) == 0 ? 0 : r.nextInt(7);
        for (int i = 0; i < months; i++) {
            revenue.add(validAmount(r));
        }
        int score = r.nextInt(5) == 0 ? (r.nextBoolean() ? 300 : 950) : 300 + r.nextInt(651);
        Integer previous = r.nextInt(3) == 0 ? null : 300 + r.nextInt(651);
        return new BorrowerProfile(id, Segment.values()[r.nextInt(Segment.values().length)], validText(r, REGIONS),
                r.nextInt(3) == 0 ? null : validText(r, SECTORS), validAmount(r), validAmount(r), score, previous, l,
                revenue);
    }

    /** Ids that are valid and tricky: quotes, escapes, line breaks, CJK, the longest allowed. */
    static String validId(Random r, int n) {
        return switch (r.nextInt(8)) {
            case 0 -> "客户-" + n;
            case 1 -> "F-" + n + " \"quoted\"\\";
            case 2 -> "F-" + n + "\nforged log line";
            case 3 -> "F-" + n + "-" + "i".repeat(LIMITS.maxStringLength() - 20);
            default -> "F-" + n;
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Profiles as documents

    /** The profile as a document, spelled at random but meaning exactly {@code p}, with its slots. */
    static Doc profileDoc(BorrowerProfile p, Random r, String path) {
        Obj o = new Obj();
        Doc doc = new Doc(o);
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> field(doc, o, path, "id", text(p.id(), r), Kind.TEXT));
        fields.add(() -> field(doc, o, path, "segment", text(p.segment().name(), r), Kind.SEGMENT));
        fields.add(() -> field(doc, o, path, "region", text(p.region(), r), Kind.TEXT));
        fields.add(() -> optional(doc, o, path, "sector", p.sector() == null ? null : text(p.sector(), r),
                Kind.OPTIONAL_TEXT, r));
        fields.add(() -> field(doc, o, path, "monthlyIncome", amount(p.monthlyIncome(), r), Kind.AMOUNT));
        fields.add(() -> field(doc, o, path, "creditLimit", amount(p.creditLimit(), r), Kind.AMOUNT));
        fields.add(() -> field(doc, o, path, "creditScore", whole(p.creditScore(), r), Kind.SCORE));
        fields.add(() -> optional(doc, o, path, "previousCreditScore",
                p.previousCreditScore() == null ? null : whole(p.previousCreditScore(), r), Kind.OPTIONAL_SCORE, r));
        fields.add(() -> {
            if (p.loans().isEmpty() && r.nextBoolean()) {
                optional(doc, o, path, "loans", null, Kind.LOANS, r);
                return;
            }
            Arr loans = new Arr();
            String at = child(path, "loans");
            field(doc, o, path, "loans", loans, Kind.LOANS);
            for (int i = 0; i < p.loans().size(); i++) {
                Loan loan = p.loans().get(i);
                Obj lo = new Obj();
                loans.items.add(lo);
                String lp = index(at, i);
                doc.slots.add(new Slot(loans, i, lp, Kind.LOAN));
                doc.objects.add(lo);
                doc.objectPaths.add(lp);
                List<Runnable> lf = new ArrayList<>();
                lf.add(() -> field(doc, lo, lp, "lender", text(loan.lender(), r), Kind.TEXT));
                lf.add(() -> field(doc, lo, lp, "outstanding", amount(loan.outstanding(), r), Kind.AMOUNT));
                lf.add(() -> field(doc, lo, lp, "monthlyPayment", amount(loan.monthlyPayment(), r), Kind.AMOUNT));
                lf.add(() -> optional(doc, lo, lp, "daysPastDue",
                        loan.daysPastDue() == 0 && r.nextBoolean() ? null : whole(loan.daysPastDue(), r), Kind.DAYS, r));
                shuffleSometimes(lf, r);
                lf.forEach(Runnable::run);
            }
        });
        fields.add(() -> {
            if (p.monthlyRevenue().isEmpty() && r.nextBoolean()) {
                optional(doc, o, path, "monthlyRevenue", null, Kind.REVENUE, r);
                return;
            }
            Arr revenue = new Arr();
            String at = child(path, "monthlyRevenue");
            field(doc, o, path, "monthlyRevenue", revenue, Kind.REVENUE);
            for (int i = 0; i < p.monthlyRevenue().size(); i++) {
                revenue.items.add(amount(p.monthlyRevenue().get(i), r));
                doc.slots.add(new Slot(revenue, i, index(at, i), Kind.AMOUNT));
            }
        });
        shuffleSometimes(fields, r);
        doc.objects.add(o);
        doc.objectPaths.add(path);
        fields.forEach(Runnable::run);
        return doc;
    }

    private static void shuffleSometimes(List<Runnable> fields, Random r) {
        if (r.nextInt(4) == 0) {
            Collections.shuffle(fields, r);
        }
    }

    private static void field(Doc doc, Obj o, String path, String key, Object value, Kind kind) {
        o.put(key, value);
        doc.slots.add(new Slot(o, o.keys.size() - 1, child(path, key), kind));
    }

    /** An optional field: given, or (when absent) left out or written as {@code null}. */
    private static void optional(Doc doc, Obj o, String path, String key, Object value, Kind kind, Random r) {
        if (value != null) {
            field(doc, o, path, key, value, kind);
        } else if (r.nextBoolean()) {
            field(doc, o, path, key, "null", kind);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Breaking one slot

    /**
     * A value that breaks a slot of {@code kind}.
     *
     * @param syntax whether the value may also be invalid JSON ({@code NaN}), which stops the parser
     */
    static String breaking(Kind kind, Random r, boolean syntax) {
        String[] common = {"true", "false", "{}", "{\"@class\":\"java.lang.Runtime\"}", "[\"x\"]"};
        if (r.nextInt(4) == 0) {
            return common[r.nextInt(common.length)];
        }
        return switch (kind) {
            case TEXT -> pick(r, "null", "\"\"", "\"   \"", "123", "1e400", "\"\\ud800\"", "\"a\\udc00b\"",
                    "\"" + "t".repeat(LIMITS.maxStringLength() + 1) + "\"", "[]");
            case OPTIONAL_TEXT -> pick(r, "\"\"", "\" \\t \"", "0", "-0", "\"\\udbff\"",
                    "\"" + "s".repeat(LIMITS.maxStringLength() + 1 + r.nextInt(5000)) + "\"");
            // A note is free text for people: blank is allowed.
            case NOTE -> pick(r, "0", "[]", "\"\\udbff\"", "\"" + "n".repeat(LIMITS.maxStringLength() + 1) + "\"");
            case SEGMENT -> pick(r, "null", "\"VIP\"", "\"ordinary\"", "\" ORDINARY\"", "\"\"", "0", "\"HIGH_NET_WORTH \"",
                    "\"java.lang.Runtime\"");
            case SEVERITY -> pick(r, "null", "\"severe\"", "\"EXTREME\"", "3", "\"\"");
            case SIGNAL_TYPE -> pick(r, "null", "\"java.lang.Runtime\"", "\"sector_ban\"", "\"\"", "1",
                    "\"io.github.creditrisk.SectorBan\"");
            case AMOUNT -> syntax && r.nextInt(8) == 0 ? pick(r, SYNTAX_BREAKERS)
                    : pick(r, "null", "-1", "-0.01", "-1e-10", "1e400", "-1e400", "1e16", "1000000000000000.1",
                    "0.1e-400", "1e-400", "1.00000000001", "\"8000\"", "\"1e3\"", "1e99999999999", "[1]", "\"\"",
                    "9".repeat(999));
            case SCORE -> pick(r, "null", "299", "951", "0", "-0", "700.5", "7.005e2", "1e400", "\"700\"",
                    "2147483648", "1e-400", "-700", "9".repeat(999));
            case OPTIONAL_SCORE -> pick(r, "299", "951", "700.1", "\"700\"", "-1e400", "0.1e-400");
            case DAYS -> pick(r, "-1", Integer.toString(LIMITS.maxDaysPastDue() + 1), "1.5", "\"3\"", "1e400",
                    "-0.5", "2147483648");
            case LOANS -> pick(r, "{}", "1", "\"loans\"", "[1]", "[null]", "[[]]", "[\"java.lang.Runtime\"]",
                    "[" + ("{\"lender\":\"L\",\"outstanding\":1,\"monthlyPayment\":1},".repeat(LIMITS.maxLoans()))
                            + "{\"lender\":\"L\",\"outstanding\":1,\"monthlyPayment\":1}]");
            case REVENUE -> pick(r, "{}", "1", "\"100\"", "[null]", "[\"1\"]", "[-1]", "[[1]]", "[1e400]",
                    "[" + "1,".repeat(LIMITS.maxRevenueMonths()) + "1]");
            case LOAN -> pick(r, "null", "1", "\"loan\"", "[]", "{}", "{\"lender\":\"L\"}");
            case DATE -> pick(r, "null", "\"2026-02-30\"", "\"2026-1-1\"", "\"20261001\"",
                    "20261001", "\"2026-10-01T00:00\"", "\" 2026-10-01\"", "\"+2026-10-01\"", "\"\"", "\"today\"");
            case OPTIONAL_DATE -> pick(r, "\"2026-13-01\"", "\"2026-10-1\"", "1", "\"yesterday\"");
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** {@code depth} levels of arrays (or objects) around a number. */
    static String nested(int depth, Random r) {
        boolean objects = r.nextBoolean();
        return objects ? "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) : "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    /**
     * Breaks exactly one thing in a document whose objects and slots are known, and says where the error
     * must be reported: a slot's value, an unknown or repeated key, a missing required field, nesting.
     *
     * @param enclosing how many objects and arrays enclose the document's root beyond what its paths name
     *                  (0 when paths start at the input's root, -1 for a signal array whose paths say
     *                  {@code signals[0]} for the root's element {@code [0]})
     * @param syntax    whether the break may stop the parser (invalid JSON, nesting beyond the limit)
     * @return what was broken, or {@code null} if nothing was (the document is still valid)
     */
    static Broken breakOne(Doc doc, Random r, int enclosing, boolean syntax) {
        int choice = r.nextInt(20);
        if (choice < 10 && !doc.slots.isEmpty()) {
            Slot slot = doc.slots.get(r.nextInt(doc.slots.size()));
            String bad = breaking(slot.kind(), r, syntax);
            slot.set(bad);
            // An exponent too large to read stops a line's parser too (in a case file it costs only the entry).
            boolean syntaxError = List.of(SYNTAX_BREAKERS).contains(bad);
            return new Broken(slot.path(), syntaxError || bad.equals("1e99999999999"),
                    !syntaxError || bad.contains("N") || bad.contains("I"));
        }
        if (choice < 13) {
            int which = r.nextInt(doc.objects.size());
            Obj o = doc.objects.get(which);
            String key = r.nextInt(6) == 0 ? "k" + r.nextInt(100) + "-" + pick(r, "!", "#", "$", "%", "&", "'", "*",
                    "+", ",", "-", ".", "/", ":", "<", "?", "@", " ")
                    : UNKNOWN_KEYS[r.nextInt(UNKNOWN_KEYS.length)];
            int at = r.nextInt(o.keys.size() + 1);
            o.keys.add(at, key);
            o.values.add(at, r.nextBoolean() ? "\"" + CODE_TEXTS[r.nextInt(CODE_TEXTS.length)].replace("\\", "")
                    .replace("\"", "") + "\"" : "1");
            return new Broken(child(doc.objectPaths.get(which), key), false);
        }
        if (choice < 16) {
            int which = r.nextInt(doc.objects.size());
            Obj o = doc.objects.get(which);
            if (o.keys.isEmpty()) {
                return null;
            }
            int k = r.nextInt(o.keys.size());
            String key = o.keys.get(k);
            // The repeat may carry the same value or another: either way the key is named.
            Object value = r.nextBoolean() ? o.values.get(k) : "1";
            int at = r.nextInt(o.keys.size() + 1);
            o.keys.add(at, key);
            o.values.add(at, value);
            return new Broken(child(doc.objectPaths.get(which), key), false);
        }
        if (choice < 18) {
            // A required field left out.
            List<Slot> required = new ArrayList<>();
            for (Slot s : doc.slots) {
                if (s.container() instanceof Obj && isRequired(s.kind())) {
                    required.add(s);
                }
            }
            if (required.isEmpty()) {
                return null;
            }
            Slot s = required.get(r.nextInt(required.size()));
            Obj o = (Obj) s.container();
            o.keys.remove(s.position());
            o.values.remove(s.position());
            return new Broken(s.path(), false);
        }
        if (doc.slots.isEmpty()) {
            return null;
        }
        // Nesting: within the limit it is only a wrong type; beyond it the parser stops at that value.
        Slot slot = doc.slots.get(r.nextInt(doc.slots.size()));
        int slotDepth = enclosing + slot.path().split("[.\\[]").length;
        boolean beyond = syntax && r.nextBoolean();
        int depth = beyond ? LIMITS.maxNestingDepth() + r.nextInt(r.nextInt(10) == 0 ? 100_000 : 100)
                : Math.max(1, LIMITS.maxNestingDepth() - slotDepth - 1);
        slot.set(nested(depth, r));
        return new Broken(slot.path(), beyond);
    }

    private static boolean isRequired(Kind kind) {
        return switch (kind) {
            case TEXT, SEGMENT, SEVERITY, SIGNAL_TYPE, AMOUNT, SCORE, DATE -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Borrower lines

    /** One line of a JSON Lines portfolio with its expected reading. */
    static Input borrowerLine(Random r) {
        int n = r.nextInt(1_000_000);
        BorrowerProfile p = validProfile(r, validId(r, n));
        int kind = r.nextInt(100);
        if (kind < 20) {
            Doc doc = profileDoc(p, r, "");
            return new Input((r.nextInt(20) == 0 ? "\uFEFF" : "") + render(doc.root, r), new Valid(p), "valid");
        }
        if (kind < 60) {
            Doc doc = profileDoc(p, r, "");
            Broken broken = breakOne(doc, r, 0, true);
            if (broken == null) {
                return new Input(render(doc.root, r), new Valid(p), "valid");
            }
            String text = render(doc.root, r);
            // A rejection names the borrower whenever its id is intact and the line could be read as JSON.
            boolean idIntact = !broken.path().equals("id") && !broken.stopsTheParser()
                    && countKey(text, "\"id\"") == 1;
            return new Input(text, broken.pathExact() ? new RejectedAt(broken.path()) : new AnyRejection(),
                    "one thing broken at " + broken.path(), idIntact ? p.id() : null);
        }
        if (kind < 65) {
            return wholeDocumentProblem(p, r);
        }
        if (kind < 72) {
            String text = render(profileDoc(p, r, "").root, r);
            int cut = 1 + r.nextInt(Math.max(1, text.length() - 1));
            String truncated = text.substring(0, cut);
            return new Input(truncated, new AnyRejection(), "truncated at " + cut);
        }
        if (kind < 95) {
            return blind(render(profileDoc(p, r, "").root, r), r);
        }
        return randomBytes(r);
    }

    /** How often {@code key} occurs in {@code text} (an upper bound on how often it occurs as a key). */
    private static int countKey(String text, String key) {
        int n = 0;
        for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
            n++;
        }
        return n;
    }

    /** Inputs that are not one profile object at all. */
    private static Input wholeDocumentProblem(BorrowerProfile p, Random r) {
        String profile = render(profileDoc(p, r, "").root, r);
        return switch (r.nextInt(9)) {
            case 0 -> new Input("[" + profile + "]", new RejectedAt("input"), "an array");
            case 1 -> new Input(profile + " " + profile, new RejectedAt("input"), "two documents");
            case 2 -> new Input(" \t ", new RejectedAt("input"), "blank");
            case 3 -> new Input(pick(r, "null", "1", "\"text\"", "true", "-0", "1e400"), new RejectedAt("input"),
                    "a scalar");
            case 4 -> new Input(profile + pick(r, ",", "}", "]", " x", "\u0000"), new AnyRejection(), "trailing junk");
            case 5 -> new Input("{\"id\": \"" + "x".repeat(LIMITS.maxLineLength()) + "\"}", new RejectedAt("input"),
                    "longer than a line may be");
            // Reading 200,000 values takes tens of milliseconds: rarer than the others.
            case 6 -> r.nextInt(4) > 0 ? wholeDocumentProblem(p, r) : new Input("{\"monthlyRevenue\": ["
                    + "1,".repeat(LIMITS.maxValues()) + "1]}", new RejectedAt("input"), "more tokens than the budget");
            case 7 -> new Input(nested(LIMITS.maxNestingDepth() + 1 + r.nextInt(300_000), r), new AnyRejection(),
                    "nested beyond the limit");
            default -> new Input(profile.replaceFirst("\\{", "{\"a\":{\"b\":[") + "]}}", new AnyRejection(),
                    "unbalanced");
        };
    }

    /** A valid text edited blindly: characters, hostile tokens and fragments inserted, replaced, deleted. */
    static Input blind(String valid, Random r) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + r.nextInt(r.nextInt(4) == 0 ? 12 : 3);
        List<String> done = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
            int op = r.nextInt(5);
            String token = r.nextInt(3) == 0 ? String.valueOf((char) r.nextInt(0x80)) : HOSTILE_TOKENS[r.nextInt(
                    HOSTILE_TOKENS.length)];
            switch (op) {
                case 0 -> s.insert(at, token);
                case 1 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(6));
                    s.replace(at, end, token);
                }
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(r.nextInt(5) == 0 ? 200 : 4));
                    s.delete(Math.min(at, s.length()), end);
                }
                case 3 -> {
                    // Duplicate a stretch: repeated keys, repeated elements, unbalanced brackets.
                    int end = Math.min(s.length(), at + r.nextInt(60));
                    s.insert(at, s.substring(Math.min(at, s.length()), end));
                }
                default -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (s.charAt(at) ^ (1 << r.nextInt(7))));
                    }
                }
            }
            done.add(op + "@" + at);
        }
        return new Input(s.toString(), new ValidOrRejected(), "blind edits " + done);
    }

    static Input randomBytes(Random r) {
        byte[] bytes = new byte[r.nextInt(r.nextInt(10) == 0 ? 5000 : 200)];
        r.nextBytes(bytes);
        String text = r.nextBoolean() ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        return new Input(text, new ValidOrRejected(), "random bytes");
    }

    // ------------------------------------------------------------------------------------------------------
    // Signals

    static Signal validSignal(Random r, int n) {
        LocalDate since = AS_OF.minusDays(r.nextInt(400));
        LocalDate until = r.nextBoolean() ? null : since.plusDays(r.nextInt(100));
        String id = r.nextBoolean() ? null : "S-" + n;
        return switch (r.nextInt(3)) {
            case 0 -> new RegionalDownturn(id, validText(r, REGIONS), Severity.values()[r.nextInt(4)], since, until,
                    r.nextBoolean() ? null : validText(r, CODE_TEXTS));
            case 1 -> new SectorBan(id, validText(r, SECTORS), validText(r, CODE_TEXTS), since, until);
            default -> new ServiceOutage(id, since, until == null ? since : until,
                    r.nextBoolean() ? null : validText(r, CODE_TEXTS));
        };
    }

    static Obj signalObj(Signal s, Random r, Doc doc, String path) {
        Obj o = new Obj();
        doc.objects.add(o);
        doc.objectPaths.add(path);
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> field(doc, o, path, "type", text(s.type(), r), Kind.SIGNAL_TYPE));
        fields.add(() -> optional(doc, o, path, "id", s.id() == null ? null : text(s.id(), r), Kind.OPTIONAL_TEXT, r));
        if (s instanceof RegionalDownturn d) {
            fields.add(() -> field(doc, o, path, "region", text(d.region(), r), Kind.TEXT));
            fields.add(() -> field(doc, o, path, "severity", text(d.severity().name(), r), Kind.SEVERITY));
            fields.add(() -> optional(doc, o, path, "note", d.note() == null ? null : text(d.note(), r),
                    Kind.NOTE, r));
        } else if (s instanceof SectorBan b) {
            fields.add(() -> field(doc, o, path, "sector", text(b.sector(), r), Kind.TEXT));
            fields.add(() -> field(doc, o, path, "regulation", text(b.regulation(), r), Kind.TEXT));
        } else if (s instanceof ServiceOutage out) {
            fields.add(() -> optional(doc, o, path, "note", out.note() == null ? null : text(out.note(), r),
                    Kind.NOTE, r));
        }
        fields.add(() -> field(doc, o, path, "since", "\"" + s.since() + "\"", Kind.DATE));
        if (s instanceof ServiceOutage) {
            fields.add(() -> field(doc, o, path, "until", "\"" + s.until() + "\"", Kind.DATE));
        } else {
            fields.add(() -> optional(doc, o, path, "until", s.until() == null ? null : "\"" + s.until() + "\"",
                    Kind.OPTIONAL_DATE, r));
        }
        // The type comes first or anywhere: readers must not depend on its position.
        if (r.nextInt(3) == 0) {
            Collections.shuffle(fields, r);
        }
        fields.forEach(Runnable::run);
        return o;
    }

    /** A signal file (an array) with at most one thing broken; its answer is the signal list or a path. */
    static Input signalFile(Random r) {
        int count = r.nextInt(6);
        List<Signal> signals = new ArrayList<>();
        Arr array = new Arr();
        Doc doc = new Doc(array);
        for (int i = 0; i < count; i++) {
            Signal s = validSignal(r, i);
            signals.add(s);
            array.items.add(signalObj(s, r, doc, index("signals", i)));
        }
        int kind = r.nextInt(10);
        if (kind < 3 || count == 0) {
            return new Input(render(array, r), new Valid(List.copyOf(signals)), "valid signals");
        }
        if (kind < 8) {
            Broken broken = breakOne(doc, r, -1, false);
            return new Input(render(array, r), broken == null ? new Valid(List.copyOf(signals))
                    : new RejectedAt(broken.path()), "broken signal at " + (broken == null ? "-" : broken.path()));
        }
        if (kind < 9) {
            Signal s = signals.get(0);
            Obj o = (Obj) array.items.get(0);
            int at = o.keys.indexOf("until");
            String before = "\"" + s.since().minusDays(1 + r.nextInt(30)) + "\"";
            if (at < 0) {
                o.put("until", before);
            } else {
                o.values.set(at, before);
            }
            return new Input(render(array, r), new RejectedAt("signals[0].until"), "until before since");
        }
        return blind(render(array, r), r);
    }

    // ------------------------------------------------------------------------------------------------------
    // Decisions and error lines, as risk eval writes them and tools read them back

    static Input evaluationLine(Random r) {
        Evaluation e = switch (r.nextInt(5)) {
            case 0 -> new Evaluation.Decided(Decisions.approved());
            case 1 -> new Evaluation.Decided(Decisions.overborrowedWithForgivenOverdue());
            case 2 -> new Evaluation.Decided(Decisions.cutOfAnOddLimit());
            case 3 -> new Evaluation.Failed(r.nextBoolean() ? null : validId(r, r.nextInt(1000)),
                    "line " + r.nextInt(100) + ": monthlyIncome: -5 is negative; expected a number ≥ 0");
            default -> new Evaluation.Failed("B-" + r.nextInt(1000), "the rules fired more than 10000 times");
        };
        String text = FuzzOracle.JSON.writeEvaluation(e);
        return r.nextInt(4) == 0 ? new Input(text, new Valid(e), "as written") : blind(text, r);
    }

    // ------------------------------------------------------------------------------------------------------
    // Case files

    /**
     * A case file whose structure is intact (so it must be readable) with borrowers valid or broken in one
     * field each; or, now and then, one whose file-level structure is broken (so it must fail as a whole).
     */
    static CaseFileInput caseFile(Random r) {
        List<Signal> signals = new ArrayList<>();
        Doc signalDoc = new Doc(new Arr());
        Arr signalArray = (Arr) signalDoc.root;
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            Signal s = validSignal(r, i);
            signals.add(s);
            signalArray.items.add(signalObj(s, r, signalDoc, index("signals", i)));
        }
        int count = r.nextInt(7);
        Arr borrowers = new Arr();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "C-" + i + (r.nextInt(5) == 0 ? "-客户" : "");
            BorrowerProfile p = validProfile(r, id);
            String at = index("borrowers", i);
            Doc doc = profileDoc(p, r, at);
            int kind = r.nextInt(10);
            if (kind < 4) {
                entries.add(new Entry(id, new Valid(p), "valid"));
            } else if (kind < 9) {
                // Nothing that stops the parser: that fails the whole file, which is tested on its own.
                Broken broken = breakOne(doc, r, 0, false);
                entries.add(new Entry(id, broken == null ? new Valid(p) : new RejectedAt(broken.path()),
                        "broken at " + (broken == null ? "-" : broken.path())));
            } else {
                String bad = pick(r, "null", "1", "\"B-1\"", "[]", "[{}]");
                borrowers.items.add(bad);
                entries.add(new Entry(null, new RejectedAt(at), "not an object: " + bad));
                continue;
            }
            borrowers.items.add(doc.root);
        }
        Obj file = new Obj();
        List<Runnable> parts = new ArrayList<>();
        LocalDate asOf = r.nextInt(5) == 0 ? null : AS_OF;
        parts.add(() -> {
            if (asOf != null) {
                file.put("asOf", "\"" + asOf + "\"");
            } else if (r.nextBoolean()) {
                file.put("asOf", "null");
            }
        });
        parts.add(() -> {
            if (!signals.isEmpty() || r.nextBoolean()) {
                file.put("signals", signalArray);
            }
        });
        parts.add(() -> file.put("borrowers", borrowers));
        if (r.nextBoolean()) {
            Collections.shuffle(parts, r);
        }
        parts.forEach(Runnable::run);
        String text = render(file, r);
        int broken = r.nextInt(12);
        if (broken == 0) {
            return new CaseFileInput(text.substring(0, r.nextInt(text.length())), Readable.NO, entries, asOf, signals,
                    "truncated file");
        }
        if (broken == 1) {
            file.put(UNKNOWN_KEYS[r.nextInt(UNKNOWN_KEYS.length)], "1");
            return new CaseFileInput(render(file, r), Readable.NO, entries, asOf, signals, "unknown top-level field");
        }
        if (broken == 2) {
            int at = file.keys.indexOf("asOf");
            String bad = pick(r, "\"2026-02-30\"", "20261101", "\"tomorrow\"", "[]");
            if (at < 0) {
                file.put("asOf", bad);
            } else {
                file.values.set(at, bad);
            }
            return new CaseFileInput(render(file, r), Readable.NO, entries, asOf, signals, "bad asOf " + bad);
        }
        if (broken == 3 && !signals.isEmpty()) {
            Broken b = breakOne(signalDoc, r, 0, r.nextBoolean());
            if (b != null) {
                return new CaseFileInput(render(file, r), Readable.NO, entries, asOf, signals,
                        "a bad signal at " + b.path());
            }
        }
        if (broken == 4) {
            return new CaseFileInput(blind(text, r).text(), Readable.EITHER, entries, asOf, signals,
                    "blind edits of a file");
        }
        if (broken == 5) {
            // Nesting beyond the limit inside one borrower stops the parser: the file fails as a whole.
            borrowers.items.add("{\"id\":\"D\",\"loans\":" + nested(LIMITS.maxNestingDepth() + r.nextInt(1000), r) + "}");
            return new CaseFileInput(render(file, r), Readable.NO, entries, asOf, signals,
                    "a borrower nested too deeply");
        }
        return new CaseFileInput(text, Readable.YES, entries, asOf, signals, "intact file of " + count);
    }
}
