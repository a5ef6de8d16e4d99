package io.github.creditrisk.json.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.JsonLimits;
import io.github.creditrisk.json.internal.Shapes.EvaluationJson;
import io.github.creditrisk.json.internal.Shapes.ExemptionJson;
import io.github.creditrisk.json.internal.Shapes.LoanJson;
import io.github.creditrisk.json.internal.Shapes.ProfileJson;
import io.github.creditrisk.json.internal.Shapes.RestrictionJson;
import io.github.creditrisk.json.internal.Shapes.SignalJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.github.creditrisk.json.internal.Records.Presence.ELEMENT;
import static io.github.creditrisk.json.internal.Records.Presence.OPTIONAL;
import static io.github.creditrisk.json.internal.Records.Presence.REQUIRED;

/**
 * Makes the risk-api records of the bound {@link Shapes}, checking each value against the contract and the
 * limits. A problem is an {@link InvalidValueException} at the value's JSON path, showing the value and saying
 * what would have been accepted. The records check themselves too (a blank id, until before since, a decision
 * that contradicts its restrictions); their problems are reported under the path of the object.
 *
 * <p>Numbers: JSON has one number type, so a whole number may be written with a fraction or an exponent
 * ({@code 700.0}, {@code 7e2}), but not {@code 700.5}; a number written as text ({@code "700"}) is rejected. An
 * amount written with an exponent is kept in plain form ({@code 1e3} is 1000), otherwise with its scale.
 *
 * <p>Paths are made only for a message: a value is checked with the path of its object and its own name, and
 * an element of an array as a value of its own, whose problem the array reports under the element's index.
 */
final class Records {

    /** Whether a value may be absent (JSON {@code null} or no key): an element of an array may not. */
    enum Presence { REQUIRED, OPTIONAL, ELEMENT }

    static final int UNBOUNDED = Integer.MAX_VALUE;
    static final List<String> SIGNAL_TYPES = List.of("REGIONAL_DOWNTURN", "SECTOR_BAN", "SERVICE_OUTAGE");
    private static final String AMOUNT = "a finite number ≥ 0";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?[0-9.]+([eE][-+]?[0-9]+)?\\s*");
    private static final List<String> DOWNTURN = List.of("type", "id", "region", "severity", "since", "until", "note");
    private static final List<String> BAN = List.of("type", "id", "sector", "regulation", "since", "until");
    private static final List<String> OUTAGE = List.of("type", "id", "since", "until", "note");

    private final JsonLimits limits;

    Records(JsonLimits limits) {
        this.limits = limits;
    }

    BorrowerProfile profile(ProfileJson p, String path) {
        object(p, path, "a borrower profile");
        int maxText = limits.maxStringLength();
        String id = text(p.id(), path, "id", REQUIRED, maxText);
        Segment segment = choice(p.segment(), path, "segment", REQUIRED, Segment.class, "a segment");
        String region = text(p.region(), path, "region", REQUIRED, maxText);
        String sector = text(p.sector(), path, "sector", OPTIONAL, maxText);
        BigDecimal income = amount(p.monthlyIncome(), path, "monthlyIncome", REQUIRED);
        BigDecimal limit = amount(p.creditLimit(), path, "creditLimit", REQUIRED);
        Integer score = whole(p.creditScore(), path, "creditScore", REQUIRED, BorrowerProfile.MIN_SCORE,
                BorrowerProfile.MAX_SCORE);
        Integer previous = whole(p.previousCreditScore(), path, "previousCreditScore", OPTIONAL,
                BorrowerProfile.MIN_SCORE, BorrowerProfile.MAX_SCORE);
        List<Loan> loans = list(p.loans(), path, "loans", limits.maxLoans(), this::loan);
        List<BigDecimal> revenue = list(p.monthlyRevenue(), path, "monthlyRevenue", limits.maxRevenueMonths(),
                v -> amount(v, "", null, ELEMENT));
        return construct(path, () -> new BorrowerProfile(id, segment, region, sector, income, limit, score, previous,
                loans, revenue));
    }

    private Loan loan(LoanJson l) {
        object(l, "", "a loan");
        String lender = text(l.lender(), "", "lender", REQUIRED, limits.maxStringLength());
        BigDecimal outstanding = amount(l.outstanding(), "", "outstanding", REQUIRED);
        BigDecimal payment = amount(l.monthlyPayment(), "", "monthlyPayment", REQUIRED);
        Integer days = whole(l.daysPastDue(), "", "daysPastDue", OPTIONAL, 0, limits.maxDaysPastDue());
        return construct("", () -> new Loan(lender, outstanding, payment, days == null ? 0 : days));
    }

    /** The signals of a signal file or a case file: reported under {@code signals} in both. */
    List<Signal> signals(List<SignalJson> signals) {
        return list(signals, "", "signals", limits.maxSignals(), this::signal);
    }

    private Signal signal(SignalJson s) {
        if (s == null) {
            throw invalid("", "null is not a signal; expected a JSON object with a type");
        }
        String expected = "; expected one of " + String.join(", ", SIGNAL_TYPES);
        if (s.type() == null) {
            throw invalid("type", "is missing" + expected);
        }
        if (!SIGNAL_TYPES.contains(s.type())) {
            throw invalid("type", Show.value(s.type()) + " is not a signal type" + expected);
        }
        String type = (String) s.type();
        List<String> fields = type.equals("REGIONAL_DOWNTURN") ? DOWNTURN : type.equals("SECTOR_BAN") ? BAN : OUTAGE;
        for (String field : Shapes.given(s).keySet()) {
            if (!fields.contains(field)) {
                throw unknownField("", field, "a " + type + " signal", fields);
            }
        }
        int maxText = limits.maxStringLength();
        String id = text(s.id(), "", "id", OPTIONAL, maxText);
        LocalDate since = date(s.since(), "", "since", REQUIRED);
        switch (type) {
            case "REGIONAL_DOWNTURN": {
                String region = text(s.region(), "", "region", REQUIRED, maxText);
                Severity severity = choice(s.severity(), "", "severity", REQUIRED, Severity.class, "a severity");
                LocalDate until = date(s.until(), "", "until", OPTIONAL);
                String note = text(s.note(), "", "note", OPTIONAL, maxText);
                return construct("", () -> new RegionalDownturn(id, region, severity, since, until, note));
            }
            case "SECTOR_BAN": {
                String sector = text(s.sector(), "", "sector", REQUIRED, maxText);
                String regulation = text(s.regulation(), "", "regulation", REQUIRED, maxText);
                LocalDate until = date(s.until(), "", "until", OPTIONAL);
                return construct("", () -> new SectorBan(id, sector, regulation, since, until));
            }
            default: {
                LocalDate until = date(s.until(), "", "until", REQUIRED);
                String note = text(s.note(), "", "note", OPTIONAL, maxText);
                return construct("", () -> new ServiceOutage(id, since, until, note));
            }
        }
    }

    /** A decision, or an error line when {@code error} is given. */
    Evaluation evaluation(EvaluationJson e) {
        object(e, "", "a decision or an error line");
        if (e.error() == null) {
            return new Evaluation.Decided(decision(e));
        }
        List<String> fields = List.of("borrowerId", "error");
        for (String field : Shapes.given(e).keySet()) {
            if (!fields.contains(field)) {
                throw unknownField("", field, "an error line", fields);
            }
        }
        String borrowerId = text(e.borrowerId(), "", "borrowerId", OPTIONAL, UNBOUNDED);
        String error = text(e.error(), "", "error", REQUIRED, UNBOUNDED);
        return construct("", () -> new Evaluation.Failed(borrowerId, error));
    }

    /** A decision; its texts (reasons, notice, evidence) are the engine's output, bounded only by the document. */
    Decision decision(EvaluationJson d) {
        object(d, "", "a decision");
        if (d.error() != null) {
            throw invalid("error", "is not a field of a decision; it belongs to an error line");
        }
        String borrowerId = text(d.borrowerId(), "", "borrowerId", REQUIRED, UNBOUNDED);
        Outcome outcome = choice(d.outcome(), "", "outcome", REQUIRED, Outcome.class, "an outcome");
        BigDecimal creditLimit = amount(d.creditLimit(), "", "creditLimit", REQUIRED);
        BigDecimal recommendedLimit = amount(d.recommendedLimit(), "", "recommendedLimit", REQUIRED);
        List<Restriction> restrictions = list(d.restrictions(), "", "restrictions", UNBOUNDED, this::restriction);
        List<Exemption> exemptions = list(d.exemptions(), "", "exemptions", UNBOUNDED, this::exemption);
        String notice = text(d.notice(), "", "notice", REQUIRED, UNBOUNDED);
        String rulesetVersion = text(d.rulesetVersion(), "", "rulesetVersion", REQUIRED, UNBOUNDED);
        return construct("", () -> new Decision(borrowerId, outcome, creditLimit, recommendedLimit, restrictions,
                exemptions, notice, rulesetVersion));
    }

    private Restriction restriction(RestrictionJson r) {
        object(r, "", "a restriction");
        RestrictionType type = choice(r.type(), "", "type", REQUIRED, RestrictionType.class, "a restriction type");
        String family = text(r.family(), "", "family", REQUIRED, UNBOUNDED);
        String rule = text(r.rule(), "", "rule", REQUIRED, UNBOUNDED);
        String reasonCode = text(r.reasonCode(), "", "reasonCode", REQUIRED, UNBOUNDED);
        Integer percent = whole(r.reductionPercent(), "", "reductionPercent", OPTIONAL, 1, 100);
        String reason = text(r.reason(), "", "reason", REQUIRED, UNBOUNDED);
        List<Remedy> remedies = remedies(r.remedies());
        Map<String, String> evidence = evidence(r.evidence());
        return construct("", () -> new Restriction(type, family, rule, reasonCode, percent, reason, remedies,
                evidence));
    }

    private Exemption exemption(ExemptionJson e) {
        object(e, "", "an exemption");
        String family = text(e.family(), "", "family", REQUIRED, UNBOUNDED);
        String rule = text(e.rule(), "", "rule", REQUIRED, UNBOUNDED);
        String reasonCode = text(e.reasonCode(), "", "reasonCode", REQUIRED, UNBOUNDED);
        String reason = text(e.reason(), "", "reason", REQUIRED, UNBOUNDED);
        List<Remedy> remedies = remedies(e.remedies());
        Map<String, String> evidence = evidence(e.evidence());
        return construct("", () -> new Exemption(family, rule, reasonCode, reason, remedies, evidence));
    }

    private List<Remedy> remedies(List<?> remedies) {
        return list(remedies, "", "remedies", UNBOUNDED, v -> choice(v, "", null, ELEMENT, Remedy.class, "a remedy"));
    }

    private Map<String, String> evidence(Map<String, ?> evidence) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (evidence != null) {
            evidence.forEach((k, v) -> texts.put(k, text(v, "evidence", k, ELEMENT, UNBOUNDED)));
        }
        return texts;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Values. Each is checked under the path of its object ("" for the element of an array being read) and its
    // own name ({@code null}: the path is its own).

    /** A text of at most {@code maxLength} characters (blankness is the records' check). */
    String text(Object v, String path, String name, Presence presence, int maxLength) {
        if (absent(v, path, name, presence)) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(at(path, name), Show.value(v) + " is not a text; expected a text in double quotes");
        }
        if (s.length() > maxLength) {
            throw invalid(at(path, name), Show.value(v) + " is too long (" + s.length() + " characters); expected at"
                    + " most " + maxLength + " characters");
        }
        int broken = unpairedSurrogate(s);
        if (broken >= 0) {
            // Only an escape such as "\\ud800" puts one in a text. It is not a character: written out as UTF-8 it
            // becomes '?', so an id holding one would be reported as, and collide with, another one.
            throw invalid(at(path, name), Show.value(v) + " holds half a character (an unpaired surrogate, "
                    + String.format("\\u%04X", (int) s.charAt(broken)) + ", at position " + (broken + 1)
                    + "); expected Unicode text");
        }
        return s;
    }

    /** A finite number from 0 to {@link JsonLimits#maxAmount()} with few enough decimal places, in plain form. */
    BigDecimal amount(Object v, String path, String name, Presence presence) {
        if (absent(v, path, name, presence)) {
            return null;
        }
        BigDecimal d = number(v, path, name, AMOUNT);
        if (d.signum() < 0) {
            throw invalid(at(path, name), Show.value(v) + " is negative; expected " + AMOUNT);
        }
        if (d.compareTo(limits.maxAmount()) > 0) {
            throw invalid(at(path, name), Show.value(v) + " is too large; expected at most "
                    + Show.number(limits.maxAmount()));
        }
        if (d.scale() > limits.maxDecimalPlaces() && d.stripTrailingZeros().scale() > limits.maxDecimalPlaces()) {
            throw invalid(at(path, name), Show.value(v) + " has more than " + limits.maxDecimalPlaces()
                    + " decimal places; expected at most " + limits.maxDecimalPlaces());
        }
        if (d.scale() > limits.maxDecimalPlaces()) {
            d = d.stripTrailingZeros();
        }
        // 1e3 arrives as 1E+3: keep the plain 1000, as a person would read it. Safe: d ≤ maxAmount.
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A whole number from {@code min} to {@code max}: {@code 700}, {@code 700.0} or {@code 7e2}. */
    Integer whole(Object v, String path, String name, Presence presence, int min, int max) {
        if (absent(v, path, name, presence)) {
            return null;
        }
        if (v instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        String expected = "a whole number from " + min + " to " + max;
        BigDecimal d = number(v, path, name, expected);
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw invalid(at(path, name), Show.value(v) + " is not a whole number; expected " + expected);
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(at(path, name), Show.value(v) + " is out of range; expected " + expected);
        }
        return d.intValueExact();
    }

    /** One of an enum's constants, written exactly as its name. */
    <E extends Enum<E>> E choice(Object v, String path, String name, Presence presence, Class<E> type, String noun) {
        if (absent(v, path, name, presence)) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                // not one of the names: said below, with the names
            }
        }
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        String hint = "";
        for (E constant : constants) {
            if (v instanceof String s && constant.name().equalsIgnoreCase(s.strip())) {
                hint = " (written exactly so: did you mean " + constant.name() + "?)";
            }
        }
        throw invalid(at(path, name), Show.value(v) + " is not " + noun + "; expected one of " + names + hint);
    }

    /** An ISO-8601 calendar date, {@code 2026-10-01}. */
    LocalDate date(Object v, String path, String name, Presence presence) {
        if (absent(v, path, name, presence)) {
            return null;
        }
        String expected = "; expected an ISO-8601 date such as 2026-10-01";
        if (!(v instanceof String s) || !ISO_DATE.matcher(s).matches()) {
            throw invalid(at(path, name), Show.value(v) + " is not a date" + expected);
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(at(path, name), Show.value(v) + " is not a date (there is no such day)" + expected);
        }
    }

    /**
     * An array read element by element; absent means empty. Each element is checked as a value of its own, and
     * a problem with it is reported under its index.
     */
    private static <E, T> List<T> list(List<E> values, String path, String name, int maxSize,
                                       Function<E, T> element) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw invalid(at(path, name), "has " + values.size() + " entries; expected at most " + maxSize + " "
                    + Shapes.elements(name));
        }
        List<T> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                result.add(element.apply(values.get(i)));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(Show.under(Show.index(at(path, name), i), e.field()), e.problem());
            }
        }
        return result;
    }

    private static void object(Object shape, String path, String noun) {
        if (shape == null) {
            throw invalid(path, "null is not " + noun + "; expected a JSON object");
        }
    }

    private static boolean absent(Object v, String path, String name, Presence presence) {
        if (v != null || presence == ELEMENT) {
            return false;
        }
        if (presence == REQUIRED) {
            throw invalid(at(path, name), "is missing; it is required");
        }
        return true;
    }

    private static BigDecimal number(Object v, String path, String name, String expected) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        boolean quoted = v instanceof String s && s.length() <= Show.MAX_TEXT && NUMERIC.matcher(s).matches();
        throw invalid(at(path, name), Show.value(v) + " is not a number; expected " + expected
                + (quoted ? " (without quotes)" : ""));
    }

    /** The index of the first UTF-16 surrogate in {@code s} that is not half of a pair; -1 when none. */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Calls a record's constructor with values already checked, and reports its problem under {@code path}, the
     * text it rejects shown as every message shows values: escaped and cut.
     */
    private static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            String problem = e.text() == null ? e.reason() : Show.text(e.text()) + " " + e.reason();
            throw new InvalidValueException(path.isEmpty() ? e.field() : path + "." + e.field(),
                    Show.problem(problem));
        }
    }

    private static String at(String path, String name) {
        return name == null ? path : Show.child(path, name);
    }

    static InvalidValueException invalid(String path, String problem) {
        return new InvalidValueException(Show.field(path), problem);
    }

    /** A key that is not one of an object's fields, listing the accepted ones and the nearest, if near. */
    static InvalidValueException unknownField(String path, String key, String noun, List<String> fields) {
        return invalid(Show.child(path, key), "is not a field of " + noun + "; expected one of "
                + String.join(", ", fields) + suggestion(key, fields));
    }

    private static String suggestion(String key, List<String> accepted) {
        if (key.length() > 64) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : accepted) {
            int d = name.equalsIgnoreCase(key) ? 0 : distance(key, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 ? " (did you mean " + best + "?)" : "";
    }

    /** The Levenshtein distance between two short texts. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
