package io.github.creditrisk.rulecheck;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What code compiled from DRL may use: the allow-list behind {@link CompiledRuleCheck}. A type not listed here
 * may not be used at all; a listed type may be used whole except the members it refuses, each with the reason
 * a rule author reads. Immutable and thread-safe.
 *
 * <p>The list is the API's values (the engine's fact model is given with each check), {@code java.lang} basics (String, StringBuilder, Math,
 * boxed numbers, exceptions), {@code java.math}, {@code java.time} values, the collections and functional
 * interfaces of {@code java.util}, and the parts of Drools' rule model that the code Drools generates for rules
 * calls (building the rules, comparing values, inserting, updating and deleting facts). Everything else is
 * refused: files, network, processes, {@code System} and {@code Runtime}, threads and sleeping, reflection,
 * method handles, class loaders, the environment and system properties, the clock and chance, logging,
 * streams, regular expressions.
 */
final class RuleVocabulary {

    /** What a refused call is told when its type is not in the vocabulary at all. */
    static final String ONLY = "rules may only use the fact model, the API's values, java.lang basics (String, Math,"
            + " boxed numbers, exceptions), java.math, java.time values and collections; see rules/README.md";

    private static final String CLOCK = "it reads the clock, so the same borrower could get a different decision;"
            + " use the borrower's evaluation date, Borrower.getAsOf()";
    private static final String CHANCE = "it draws chance, so the same borrower could get a different decision";
    private static final String REGEX = "a regular expression can take time without end that nothing can stop;"
            + " use equals, startsWith, endsWith or contains";
    private static final String LOCALE = "it depends on the machine's locale, so the same borrower could get a"
            + " different decision on another machine; pass Locale.ROOT";
    private static final String PROPERTY = "it reads a system property; rules decide from their inputs alone";
    private static final String WAITS = "a rule must never wait";
    private static final String STREAMS = "streams are not part of the rule language; loop with for (X x : list)";
    private static final String UNBOUNDED = "it makes a collection of any size without holding it, so a loop over"
            + " it may never end";
    private static final String ENGINE = "it reaches into the engine; a consequence may only insert, insertLogical,"
            + " update, modify and delete facts";

    /** The reason a member is refused, or {@code null} for a member that is allowed. */
    private interface Members {
        @Nullable String refusal(String name, String descriptor);
    }

    private static final Members ALL = (name, descriptor) -> null;

    private static final Map<String, Members> TYPES = new HashMap<>();
    /** Types allowed whole by the prefix of their internal name (a package, or a family of nested types). */
    private static final List<String> PREFIXES = List.of(
            "java/math/",
            "java/util/function/",
            // Drools' rule model: the code generated for a rule builds the rule from these and calls its functions
            "org/drools/model/", "org/drools/modelcompiler/dsl/", "org/drools/modelcompiler/util/EvaluationUtil",
            // Drools' own accumulate functions (sum, count, min, max, average, collectList, collectSet)
            "org/drools/core/base/accumulators/");

    static {
        // the parts of the rule model that run scripts, print or reach channels out of the engine
        Members engineOnly = (name, descriptor) -> ENGINE;
        type("org/drools/model/Channel", engineOnly);
        type("org/drools/model/functions/ScriptBlock", engineOnly);
        type("org/drools/model/functions/LambdaPrinter", engineOnly);
        type("org/drools/model/operators/MatchesOperator", (name, descriptor) -> REGEX);

        // java.lang
        only("java/lang/System", "arraycopy");
        // read by the method a compiler adds to a class with serializable lambdas; it only compares names
        type("java/lang/invoke/SerializedLambda", (name, descriptor) -> name.startsWith("get") ? null : ONLY);
        only("java/lang/Object", "<init>", "equals", "hashCode", "toString", "getClass");
        type("java/lang/String", (name, descriptor) -> switch (name) {
            case "matches", "replaceAll", "replaceFirst", "split" -> REGEX;
            case "toLowerCase", "toUpperCase" -> descriptor.startsWith("()") ? LOCALE : null;
            case "format", "formatted" -> descriptor.startsWith("(Ljava/util/Locale;") ? null : LOCALE;
            case "chars", "codePoints", "lines" -> STREAMS;
            default -> null;
        });
        for (String t : List.of("StringBuilder", "StringBuffer", "CharSequence", "Comparable", "Enum", "Void",
                "Number", "Byte", "Short", "Character", "Float", "Double")) {
            type("java/lang/" + t, (name, descriptor) -> name.equals("chars") || name.equals("codePoints")
                    ? STREAMS : null);
        }
        for (String t : List.of("Integer", "Long", "Boolean")) {
            type("java/lang/" + t, (name, descriptor) -> name.startsWith("get") && !name.equals("getClass")
                    ? PROPERTY : null); // Integer.getInteger, Long.getLong, Boolean.getBoolean
        }
        Members noRandom = (name, descriptor) -> name.equals("random") ? CHANCE : null;
        type("java/lang/Math", noRandom);
        type("java/lang/StrictMath", noRandom);
        only("java/lang/Iterable", "iterator", "forEach");
        only("java/lang/Throwable", "<init>", "getMessage", "getLocalizedMessage", "getCause", "initCause",
                "addSuppressed", "getSuppressed", "toString");

        // java.util: collections and helpers; none keeps state beyond the objects a rule makes
        Members noStreams = (name, descriptor) -> name.equals("stream") || name.equals("parallelStream")
                || name.equals("spliterator") ? STREAMS : null;
        for (String t : List.of("Collection", "List", "Set", "SortedSet", "NavigableSet", "Map", "Map$Entry",
                "SortedMap", "NavigableMap", "Iterator", "ListIterator", "Deque", "Queue", "ArrayList", "LinkedList",
                "HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "EnumSet", "EnumMap",
                "ArrayDeque", "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Comparator",
                "AbstractMap$SimpleImmutableEntry")) {
            type("java/util/" + t, noStreams);
        }
        type("java/util/Collections", (name, descriptor) -> switch (name) {
            case "nCopies" -> UNBOUNDED;
            case "shuffle" -> CHANCE;
            default -> null;
        });
        type("java/util/Arrays", (name, descriptor) -> name.startsWith("parallel") ? "it runs on other threads"
                : name.equals("stream") || name.equals("spliterator") ? STREAMS : null);
        // Locale: its constants (Locale.ROOT), never the machine's default
        type("java/util/Locale", (name, descriptor) -> name.equals("getDefault") || name.equals("setDefault")
                ? LOCALE : null);

        // java.time values: everything but the clock
        Members noClock = (name, descriptor) -> name.equals("now") ? CLOCK : null;
        for (String t : List.of("LocalDate", "LocalDateTime", "LocalTime", "YearMonth", "Year", "MonthDay", "Period",
                "Duration", "DayOfWeek", "Month", "Instant", "chrono/ChronoLocalDate", "chrono/ChronoLocalDateTime",
                "chrono/ChronoPeriod", "temporal/ChronoUnit", "temporal/ChronoField", "temporal/TemporalAdjusters",
                "temporal/TemporalAdjuster", "temporal/Temporal", "temporal/TemporalAccessor",
                "temporal/TemporalAmount", "temporal/TemporalUnit", "temporal/TemporalField",
                "format/DateTimeFormatter", "format/DateTimeFormatterBuilder")) {
            type("java/time/" + t, noClock);
        }

        // the API's values (not the engine, its settings or its discovery)
        for (String t : List.of("BorrowerProfile", "BorrowerProfile$Builder", "Loan", "Segment", "Severity", "Signal",
                "RegionalDownturn", "SectorBan", "ServiceOutage", "Remedy", "RestrictionType", "Outcome", "Language",
                "Restriction", "Exemption", "RiskException", "InvalidValueException")) {
            type("io/github/creditrisk/" + t, ALL);
        }
        // what the code Drools generates for a consequence calls on the rule's context
        Members factsOnly = (name, descriptor) -> switch (name) {
            case "insert", "insertLogical", "update", "delete", "retract" -> null;
            default -> ENGINE;
        };
        type("org/drools/model/Drools", factsOnly);
        type("org/drools/core/rule/consequence/KnowledgeHelper", factsOnly);
        only("org/drools/modelcompiler/consequence/DroolsImpl", "asKnowledgeHelper");
        // the pattern of date literals in DRL, read once when the rules' model class is loaded
        only("org/drools/util/DateUtils", "getDateFormatMask");
    }

    /** Members allowed on every type: none of these may be called whatever the type says of the rest. */
    private static final Set<String> NEVER = Set.of("wait", "notify", "notifyAll", "finalize", "executeScript");

    private RuleVocabulary() {
    }

    private static void type(String internalName, Members members) {
        TYPES.put(internalName, members);
    }

    private static void only(String internalName, String... allowed) {
        Set<String> names = Set.of(allowed);
        TYPES.put(internalName, (name, descriptor) -> names.contains(name) ? null : ONLY);
    }

    /** Whether rule code may use {@code internalName} at all (name a type, cast to it, extend it...). */
    static boolean knows(String internalName) {
        String element = internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        if (element.length() <= 1) {
            return true; // a primitive array
        }
        if (TYPES.containsKey(element) || isException(element)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (element.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why rule code may not use the member {@code name} of {@code owner} (a method, a constructor
     * {@code <init>} or a field), or {@code null} when it may.
     */
    static @Nullable String refusal(String owner, String name, String descriptor) {
        if (NEVER.contains(name)) {
            return name.equals("executeScript") ? ENGINE : name.equals("finalize") ? ONLY : WAITS;
        }
        if (owner.startsWith("[")) {
            return name.equals("clone") || name.equals("length") ? null : ONLY; // arrays
        }
        Members members = TYPES.get(owner);
        if (members != null) {
            return members.refusal(name, descriptor);
        }
        if (isException(owner)) {
            return TYPES.get("java/lang/Throwable").refusal(name, descriptor);
        }
        return knows(owner) ? null : ONLY;
    }

    /** The exceptions and errors of java.lang, which a rule may make and throw. */
    private static boolean isException(String internalName) {
        return internalName.startsWith("java/lang/") && internalName.indexOf('/', "java/lang/".length()) < 0
                && (internalName.endsWith("Exception") || internalName.endsWith("Error"));
    }
}
