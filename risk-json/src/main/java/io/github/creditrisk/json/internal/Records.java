package io.github.creditrisk.json.internal;

import io.github.creditrisk.Action;
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
import io.github.creditrisk.Way;
import io.github.creditrisk.json.JsonLimits;
import io.github.creditrisk.json.internal.Shapes.ActionJson;
import io.github.creditrisk.json.internal.Shapes.EvaluationJson;
import io.github.creditrisk.json.internal.Shapes.ExemptionJson;
import io.github.creditrisk.json.internal.Shapes.LoanJson;
import io.github.creditrisk.json.internal.Shapes.ProfileJson;
import io.github.creditrisk.json.internal.Shapes.RestrictionJson;
import io.github.creditrisk.json.internal.Shapes.SignalJson;
import io.github.creditrisk.json.internal.Shapes.WayJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.github.creditrisk.BorrowerProfile.MAX_SCORE;
import static io.github.creditrisk.BorrowerProfile.MIN_SCORE;
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
 * <p>Paths are made only for a message: a value is checked under its name in its object, and a problem found
 * in an element of an array (whose own name is {@code ""}) is moved under the element's index.
 */
final class Records {

    /** Whether a value may be absent (JSON {@code null} or no key): an element of an array may not. */
    enum Presence { REQUIRED, OPTIONAL, ELEMENT }

    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final String AMOUNT = "a finite number ≥ 0";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?[0-9.]+([eE][-+]?[0-9]+)?\\s*");
    private static final String SIGNAL_TYPES = "; expected one of REGIONAL_DOWNTURN, SECTOR_BAN, SERVICE_OUTAGE";
    /** The fields each type of signal takes, in the order messages list them. */
    private static final Map<String, List<String>> SIGNAL_FIELDS = Map.of(
            "REGIONAL_DOWNTURN", List.of("type", "id", "region", "severity", "since", "until", "note"),
            "SECTOR_BAN", List.of("type", "id", "sector", "regulation", "since", "until"),
            "SERVICE_OUTAGE", List.of("type", "id", "since", "until", "note"));
    private static final List<String> ERROR_LINE_FIELDS = List.of("borrowerId", "error");

    private final JsonLimits limits;

    Records(JsonLimits limits) {
        this.limits = limits;
    }

    /** A profile; its problems are reported under {@code path}, the profile's own path ({@code ""} at the root). */
    BorrowerProfile profile(ProfileJson p, String path) {
        try {
            return profile(p);
        } catch (InvalidValueException e) {
            throw path.isEmpty() ? e : under(path, e);
        }
    }

    private BorrowerProfile profile(ProfileJson p) {
        object(p, "a borrower profile");
        int maxText = limits.maxStringLength();
        String id = text(p.id(), "id", REQUIRED, maxText);
        Segment segment = choice(p.segment(), "segment", REQUIRED, Segment.class, "a segment");
        String region = text(p.region(), "region", REQUIRED, maxText);
        String sector = text(p.sector(), "sector", OPTIONAL, maxText);
        BigDecimal income = amount(p.monthlyIncome(), "monthlyIncome", REQUIRED);
        BigDecimal limit = amount(p.creditLimit(), "creditLimit", REQUIRED);
        Integer score = whole(p.creditScore(), "creditScore", REQUIRED, MIN_SCORE, MAX_SCORE);
        Integer previous = whole(p.previousCreditScore(), "previousCreditScore", OPTIONAL, MIN_SCORE, MAX_SCORE);
        List<Loan> loans = list(p.loans(), "loans", limits.maxLoans(), this::loan);
        List<BigDecimal> revenue = list(p.monthlyRevenue(), "monthlyRevenue", limits.maxRevenueMonths(),
                v -> amount(v, "", ELEMENT));
        return construct(() -> new BorrowerProfile(id, segment, region, sector, income, limit, score, previous,
                loans, revenue));
    }

    private Loan loan(LoanJson l) {
        object(l, "a loan");
        String lender = text(l.lender(), "lender", REQUIRED, limits.maxStringLength());
        BigDecimal outstanding = amount(l.outstanding(), "outstanding", REQUIRED);
        BigDecimal payment = amount(l.monthlyPayment(), "monthlyPayment", REQUIRED);
        Integer days = whole(l.daysPastDue(), "daysPastDue", OPTIONAL, 0, limits.maxDaysPastDue());
        return construct(() -> new Loan(lender, outstanding, payment, days == null ? 0 : days));
    }

    /** The signals of a signal file or a case file: reported under {@code signals} in both. */
    List<Signal> signals(List<SignalJson> signals) {
        return list(signals, "signals", limits.maxSignals(), this::signal);
    }

    private Signal signal(SignalJson s) {
        if (s == null) {
            throw invalid("", "null is not a signal; expected a JSON object with a type");
        }
        if (s.type() == null) {
            throw invalid("type", "is missing" + SIGNAL_TYPES);
        }
        List<String> fields = s.type() instanceof String t ? SIGNAL_FIELDS.get(t) : null;
        if (fields == null) {
            throw invalid("type", Show.value(s.type()) + " is not a signal type" + SIGNAL_TYPES);
        }
        String type = (String) s.type();
        onlyFields(s, "a " + type + " signal", fields);
        int maxText = limits.maxStringLength();
        String id = text(s.id(), "id", OPTIONAL, maxText);
        LocalDate since = date(s.since(), "since", REQUIRED);
        return switch (type) {
            case "REGIONAL_DOWNTURN" -> {
                String region = text(s.region(), "region", REQUIRED, maxText);
                Severity severity = choice(s.severity(), "severity", REQUIRED, Severity.class, "a severity");
                LocalDate until = date(s.until(), "until", OPTIONAL);
                String note = text(s.note(), "note", OPTIONAL, maxText);
                yield construct(() -> new RegionalDownturn(id, region, severity, since, until, note));
            }
            case "SECTOR_BAN" -> {
                String sector = text(s.sector(), "sector", REQUIRED, maxText);
                String regulation = text(s.regulation(), "regulation", REQUIRED, maxText);
                LocalDate until = date(s.until(), "until", OPTIONAL);
                yield construct(() -> new SectorBan(id, sector, regulation, since, until));
            }
            default -> {
                LocalDate until = date(s.until(), "until", REQUIRED);
                String note = text(s.note(), "note", OPTIONAL, maxText);
                yield construct(() -> new ServiceOutage(id, since, until, note));
            }
        };
    }

    /** A decision, or an error line when {@code error} is given. */
    Evaluation evaluation(EvaluationJson e) {
        object(e, "a decision or an error line");
        if (e.error() == null) {
            return new Evaluation.Decided(decision(e));
        }
        onlyFields(e, "an error line", ERROR_LINE_FIELDS);
        String borrowerId = text(e.borrowerId(), "borrowerId", OPTIONAL, UNBOUNDED);
        String error = output(e.error(), "error");
        return construct(() -> new Evaluation.Failed(borrowerId, error));
    }

    /** A decision; its texts (reasons, notice, evidence) are the engine's output, bounded only by the document. */
    Decision decision(EvaluationJson d) {
        object(d, "a decision");
        if (d.error() != null) {
            throw invalid("error", "is not a field of a decision; it belongs to an error line");
        }
        String borrowerId = output(d.borrowerId(), "borrowerId");
        Outcome outcome = choice(d.outcome(), "outcome", REQUIRED, Outcome.class, "an outcome");
        BigDecimal creditLimit = amount(d.creditLimit(), "creditLimit", REQUIRED);
        BigDecimal recommendedLimit = amount(d.recommendedLimit(), "recommendedLimit", REQUIRED);
        List<Restriction> restrictions = list(d.restrictions(), "restrictions", UNBOUNDED, this::restriction);
        List<Exemption> exemptions = list(d.exemptions(), "exemptions", UNBOUNDED, this::exemption);
        String notice = output(d.notice(), "notice");
        String rulesetVersion = output(d.rulesetVersion(), "rulesetVersion");
        return construct(() -> new Decision(borrowerId, outcome, creditLimit, recommendedLimit, restrictions,
                exemptions, notice, rulesetVersion));
    }

    private Restriction restriction(RestrictionJson r) {
        object(r, "a restriction");
        RestrictionType type = choice(r.type(), "type", REQUIRED, RestrictionType.class, "a restriction type");
        String family = output(r.family(), "family");
        String rule = output(r.rule(), "rule");
        String reasonCode = output(r.reasonCode(), "reasonCode");
        Integer percent = whole(r.reductionPercent(), "reductionPercent", OPTIONAL, 1, 100);
        String reason = output(r.reason(), "reason");
        List<Remedy> remedies = remedies(r.remedies());
        Map<String, String> evidence = evidence(r.evidence());
        List<Way> lift = r.lift() == null ? null : list(r.lift(), "lift", UNBOUNDED, this::way);
        return construct(() -> new Restriction(type, family, rule, reasonCode, percent, reason, remedies,
                evidence, lift));
    }

    private Way way(WayJson w) {
        object(w, "a way");
        List<Action> actions = list(w.actions(), "actions", UNBOUNDED, this::action);
        String text = output(w.text(), "text");
        return construct(() -> new Way(actions, text));
    }

    private Action action(ActionJson a) {
        object(a, "an action");
        Action.Kind kind = choice(a.kind(), "kind", REQUIRED, Action.Kind.class, "an action kind");
        List<String> fields = switch (kind) {
            case REPAY_LOANS, CLEAR_ARREARS -> List.of("kind", "lenders");
            case SIGNAL_ENDS -> List.of("kind", "signal", "until");
            default -> List.of("kind", "target");
        };
        onlyFields(a, "a " + kind + " action", fields);
        return switch (kind) {
            case LOWER_REPAYMENTS, RAISE_VERIFIED_INCOME, RECOVER_SALES -> {
                BigDecimal target = amount(a.target(), "target", REQUIRED);
                yield construct(() -> kind == Action.Kind.LOWER_REPAYMENTS ? new Action.LowerRepayments(target)
                        : kind == Action.Kind.RAISE_VERIFIED_INCOME ? new Action.RaiseVerifiedIncome(target)
                        : new Action.RecoverSales(target));
            }
            case RECOVER_SCORE -> {
                Integer target = whole(a.target(), "target", REQUIRED, MIN_SCORE, MAX_SCORE);
                yield construct(() -> new Action.RecoverScore(target));
            }
            case REPAY_LOANS, CLEAR_ARREARS -> {
                if (a.lenders() == null) {
                    throw invalid("lenders", "is missing; it is required");
                }
                List<String> lenders = list(a.lenders(), "lenders", UNBOUNDED, v -> text(v, "", ELEMENT, UNBOUNDED));
                yield construct(() -> kind == Action.Kind.REPAY_LOANS ? new Action.RepayLoans(lenders)
                        : new Action.ClearArrears(lenders));
            }
            case SIGNAL_ENDS -> {
                String signal = output(a.signal(), "signal");
                LocalDate until = date(a.until(), "until", OPTIONAL);
                yield construct(() -> new Action.SignalEnds(signal, until));
            }
        };
    }

    private Exemption exemption(ExemptionJson e) {
        object(e, "an exemption");
        String family = output(e.family(), "family");
        String rule = output(e.rule(), "rule");
        String reasonCode = output(e.reasonCode(), "reasonCode");
        String reason = output(e.reason(), "reason");
        List<Remedy> remedies = remedies(e.remedies());
        Map<String, String> evidence = evidence(e.evidence());
        return construct(() -> new Exemption(family, rule, reasonCode, reason, remedies, evidence));
    }

    private static List<Remedy> remedies(List<?> remedies) {
        return list(remedies, "remedies", UNBOUNDED, v -> choice(v, "", ELEMENT, Remedy.class, "a remedy"));
    }

    private static Map<String, String> evidence(Map<String, ?> evidence) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (evidence != null) {
            evidence.forEach((k, v) -> texts.put(k, text(v, Show.child("evidence", k), ELEMENT, UNBOUNDED)));
        }
        return texts;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Values, each checked under {@code name}: its path within the object being read, "" for an array's element.

    /** A required text of the engine's output, bounded only by the document. */
    private static String output(Object v, String name) {
        return text(v, name, REQUIRED, UNBOUNDED);
    }

    /** A text of at most {@code maxLength} characters (blankness is the records' check). */
    private static String text(Object v, String name, Presence presence, int maxLength) {
        if (absent(v, name, presence)) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw bad(v, name, "is not a text; expected a text in double quotes");
        }
        if (s.length() > maxLength) {
            throw bad(v, name, "is too long (" + s.length() + " characters); expected at most " + maxLength
                    + " characters");
        }
        int broken = unpairedSurrogate(s);
        if (broken >= 0) {
            // Only an escape such as "\\ud800" puts one in a text. It is not a character: written out as UTF-8 it
            // becomes '?', so an id holding one would be reported as, and collide with, another one.
            throw bad(v, name, "holds half a character (an unpaired surrogate, "
                    + String.format("\\u%04X", (int) s.charAt(broken)) + ", at position " + (broken + 1)
                    + "); expected Unicode text");
        }
        return s;
    }

    /** A finite number from 0 to {@link JsonLimits#maxAmount()} with few enough decimal places, in plain form. */
    private BigDecimal amount(Object v, String name, Presence presence) {
        if (absent(v, name, presence)) {
            return null;
        }
        BigDecimal d = number(v, name, AMOUNT);
        int places = limits.maxDecimalPlaces();
        if (d.signum() < 0) {
            throw bad(v, name, "is negative; expected " + AMOUNT);
        }
        if (d.compareTo(limits.maxAmount()) > 0) {
            throw bad(v, name, "is too large; expected at most " + Show.number(limits.maxAmount()));
        }
        if (d.scale() > places) {
            d = d.stripTrailingZeros();
            if (d.scale() > places) {
                throw bad(v, name, "has more than " + places + " decimal places; expected at most " + places);
            }
        }
        // 1e3 arrives as 1E+3: keep the plain 1000, as a person would read it. Safe: d ≤ maxAmount.
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A whole number from {@code min} to {@code max}: {@code 700}, {@code 700.0} or {@code 7e2}. */
    private static Integer whole(Object v, String name, Presence presence, int min, int max) {
        if (absent(v, name, presence)) {
            return null;
        }
        if (v instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        String expected = "a whole number from " + min + " to " + max;
        BigDecimal d = number(v, name, expected);
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw bad(v, name, "is not a whole number; expected " + expected);
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(v, name, "is out of range; expected " + expected);
        }
        return d.intValueExact();
    }

    /** One of an enum's constants, written exactly as its name. */
    private static <E extends Enum<E>> E choice(Object v, String name, Presence presence, Class<E> type,
                                                String noun) {
        if (absent(v, name, presence)) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                // not one of the names: said below, with the names
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String hint = names.stream().filter(c -> v instanceof String s && c.equalsIgnoreCase(s.strip())).findFirst()
                .map(c -> " (written exactly so: did you mean " + c + "?)").orElse("");
        throw bad(v, name, "is not " + noun + "; expected one of " + String.join(", ", names) + hint);
    }

    /** An ISO-8601 calendar date, {@code 2026-10-01}. */
    static LocalDate date(Object v, String name, Presence presence) {
        if (absent(v, name, presence)) {
            return null;
        }
        String expected = "; expected an ISO-8601 date such as 2026-10-01";
        if (!(v instanceof String s) || !ISO_DATE.matcher(s).matches()) {
            throw bad(v, name, "is not a date" + expected);
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw bad(v, name, "is not a date (there is no such day)" + expected);
        }
    }

    /** An array read element by element; absent means empty. */
    private static <E, T> List<T> list(List<E> values, String name, int maxSize, Function<E, T> element) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw invalid(name, "has " + values.size() + " entries; expected at most " + maxSize + " "
                    + Shapes.elements(name));
        }
        List<T> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                result.add(element.apply(values.get(i)));
            } catch (InvalidValueException e) {
                throw under(Show.index(name, i), e);
            }
        }
        return result;
    }

    private static void object(Object shape, String noun) {
        if (shape == null) {
            throw invalid("", "null is not " + noun + "; expected a JSON object");
        }
    }

    /** Rejects a given field of {@code shape} that is not one of {@code fields}. */
    private static void onlyFields(Record shape, String noun, List<String> fields) {
        for (String field : Shapes.given(shape)) {
            if (!fields.contains(field)) {
                throw unknownField("", field, noun, fields);
            }
        }
    }

    private static boolean absent(Object v, String name, Presence presence) {
        if (v != null || presence == ELEMENT) {
            return false;
        }
        if (presence == REQUIRED) {
            throw invalid(name, "is missing; it is required");
        }
        return true;
    }

    private static BigDecimal number(Object v, String name, String expected) {
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
        throw bad(v, name, "is not a number; expected " + expected + (quoted ? " (without quotes)" : ""));
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
     * Calls a record's constructor with values already checked, and reports its problem with the text it rejects
     * shown as every message shows values: escaped and cut.
     */
    private static <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            String problem = e.text() == null ? e.reason() : Show.text(e.text()) + " " + e.reason();
            throw new InvalidValueException(e.field(), Show.problem(problem));
        }
    }

    /** The problem of a value found at {@code path}, moved under that path. */
    private static InvalidValueException under(String path, InvalidValueException e) {
        return new InvalidValueException(Show.under(path, e.field()), e.problem());
    }

    private static InvalidValueException bad(Object v, String name, String problem) {
        return invalid(name, Show.value(v) + " " + problem);
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
        Comparator<String> nearness = Comparator.comparingInt(name -> distance(key, name));
        String best = accepted.stream().min(nearness).orElseThrow();
        return distance(key, best) <= 2 ? " (did you mean " + best + "?)" : "";
    }

    /** The Levenshtein distance between two short texts, 0 when they differ only in case. */
    private static int distance(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return 0;
        }
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
