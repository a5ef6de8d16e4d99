package io.github.creditrisk.json.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's JSON objects as Jackson binds them: one record per object, whose components are its fields in
 * the contract's order. Jackson rejects any other key ({@code FAIL_ON_UNKNOWN_PROPERTIES}) and binds each value
 * as it finds it: a text as a String, a number as an Integer, a Long, a BigInteger or an exact BigDecimal, true
 * or false, an array as a List, an object as a Map. {@link Records} then checks the values and says what is
 * wrong in the contract's words. Profiles and signals are written out as the same records, made from the
 * risk-api values (absent optional fields left out); decision lines by {@link DecisionLines}.
 */
final class Shapes {

    private Shapes() {
    }

    record ProfileJson(Object id, Object segment, Object region, Object sector, Object monthlyIncome,
                       Object creditLimit, Object creditScore, Object previousCreditScore, List<LoanJson> loans,
                       List<?> monthlyRevenue) {

        static ProfileJson of(BorrowerProfile b) {
            return new ProfileJson(b.id(), b.segment(), b.region(), b.sector(), b.monthlyIncome(), b.creditLimit(),
                    b.creditScore(), b.previousCreditScore(), b.loans().stream().map(LoanJson::of).toList(),
                    b.monthlyRevenue());
        }
    }

    record LoanJson(Object lender, Object outstanding, Object monthlyPayment, Object daysPastDue) {

        static LoanJson of(Loan loan) {
            return new LoanJson(loan.lender(), loan.outstanding(), loan.monthlyPayment(), loan.daysPastDue());
        }
    }

    /** Every kind of signal: which fields a kind takes is checked by {@link Records#signal}. */
    record SignalJson(Object type, Object id, Object region, Object severity, Object sector, Object regulation,
                      Object since, Object until, Object note) {

        static SignalJson of(Signal s) {
            String since = s.since().toString();
            String until = s.until() == null ? null : s.until().toString();
            if (s instanceof RegionalDownturn d) {
                return new SignalJson(d.type(), d.id(), d.region(), d.severity(), null, null, since, until, d.note());
            }
            if (s instanceof SectorBan b) {
                return new SignalJson(b.type(), b.id(), null, null, b.sector(), b.regulation(), since, until, null);
            }
            return new SignalJson(s.type(), s.id(), null, null, null, null, since, until, ((ServiceOutage) s).note());
        }
    }

    /** One line of {@code risk eval}'s output: a decision, or an error line (only {@code borrowerId} and {@code error}). */
    record EvaluationJson(Object borrowerId, Object outcome, Object creditLimit, Object recommendedLimit,
                          List<RestrictionJson> restrictions, List<ExemptionJson> exemptions, Object notice,
                          Object rulesetVersion, Object error) {
    }

    record RestrictionJson(Object type, Object family, Object rule, Object reasonCode, Object reductionPercent,
                           Object reason, List<?> remedies, Map<String, ?> evidence) {
    }

    record ExemptionJson(Object family, Object rule, Object reasonCode, Object reason, List<?> remedies,
                         Map<String, ?> evidence) {
    }

    /**
     * What an object is called in messages and what it must be written as.
     *
     * @param fields its fields, in the order messages list them
     */
    record Shape(String noun, String expected, List<String> fields) {
    }

    private static final Map<Class<?>, Shape> SHAPES = Map.of(
            ProfileJson.class, shape(ProfileJson.class, "a borrower profile", "a JSON object"),
            LoanJson.class, shape(LoanJson.class, "a loan", "a JSON object"),
            SignalJson.class, shape(SignalJson.class, "a signal", "a JSON object with a type"),
            EvaluationJson.class, shape(EvaluationJson.class, "a decision or an error line", "a JSON object"),
            RestrictionJson.class, shape(RestrictionJson.class, "a restriction", "a JSON object"),
            ExemptionJson.class, shape(ExemptionJson.class, "an exemption", "a JSON object"));

    /** What the elements of each array are, by the array's field. */
    private static final Map<String, String> ELEMENTS = Map.of("loans", "loans",
            "monthlyRevenue", "numbers (monthly sales, oldest first)", "signals", "signals",
            "restrictions", "restrictions", "exemptions", "exemptions", "remedies", "remedies");

    private static Shape shape(Class<? extends Record> type, String noun, String expected) {
        return new Shape(noun, expected,
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    static Shape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** What the array held by {@code field} holds, in the plural. */
    static String elements(String field) {
        return ELEMENTS.getOrDefault(field, "values");
    }

    /** What a value bound as {@code target} must be, after the value shown: {@code is not a loan; expected …}. */
    static String expected(Class<?> target, String field) {
        Shape shape = SHAPES.get(target);
        if (shape != null) {
            return "is not " + shape.noun() + "; expected " + shape.expected();
        }
        if (Map.class.isAssignableFrom(target)) {
            return "is not an object; expected an object of texts";
        }
        return "is not an array; expected an array of " + elements(field);
    }

    /** The fields of a shape that are given (not absent, not {@code null}), by name, in order. */
    static Map<String, Object> given(Record shape) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (RecordComponent c : shape.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(shape);
                if (value != null) {
                    given.put(c.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return given;
    }
}
