package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The contract's JSON objects as Jackson binds them: one record per object, whose components are its fields in
 * the contract's order. Jackson rejects any other key and binds each value as it finds it: a text as a String, a
 * number as an Integer, a Long, a BigInteger or an exact BigDecimal, true or false, an array as a List, an object
 * as a Map. {@link Records} then checks the values. Every object is written out as the same record, by the
 * mapper: an absent field is left out, except an error line's {@code borrowerId}, written as {@code null}.
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

    /** Every kind of signal: which fields a kind takes is checked by {@link Records}. */
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

    /** A line of {@code risk eval}'s output: a decision, or an error line ({@code borrowerId} and {@code error}). */
    record EvaluationJson(@JsonInclude(JsonInclude.Include.ALWAYS) Object borrowerId, Object outcome,
                          Object creditLimit, Object recommendedLimit, List<RestrictionJson> restrictions,
                          List<ExemptionJson> exemptions, Object notice, Object rulesetVersion, Object error) {

        static EvaluationJson of(Evaluation evaluation) {
            if (evaluation instanceof Evaluation.Failed f) {
                return new EvaluationJson(f.borrowerId(), null, null, null, null, null, null, null, f.error());
            }
            Decision d = ((Evaluation.Decided) evaluation).decision();
            return new EvaluationJson(d.borrowerId(), d.outcome(), d.creditLimit(), d.recommendedLimit(),
                    d.restrictions().stream().map(RestrictionJson::of).toList(),
                    d.exemptions().stream().map(ExemptionJson::of).toList(), d.notice(), d.rulesetVersion(), null);
        }
    }

    record RestrictionJson(Object type, Object family, Object rule, Object reasonCode, Object reductionPercent,
                           Object reason, List<?> remedies, Map<String, ?> evidence, List<WayJson> lift) {

        static RestrictionJson of(Restriction r) {
            return new RestrictionJson(r.type(), r.family(), r.rule(), r.reasonCode(), r.reductionPercent(),
                    r.reason(), r.remedies(), r.evidence(),
                    r.lift() == null ? null : r.lift().stream().map(WayJson::of).toList());
        }
    }

    /** A way that lifts a restriction. */
    record WayJson(List<ActionJson> actions, Object text) {

        static WayJson of(Way way) {
            return new WayJson(way.actions().stream().map(ActionJson::of).toList(), way.text());
        }
    }

    /** Every kind of action: which fields a kind takes is checked by {@link Records}. */
    record ActionJson(Object kind, Object target, List<?> lenders, Object signal, Object until) {

        static ActionJson of(Action a) {
            Object kind = a.kind();
            if (a instanceof Action.RepayLoans r) {
                return new ActionJson(kind, null, r.lenders(), null, null);
            }
            if (a instanceof Action.ClearArrears c) {
                return new ActionJson(kind, null, c.lenders(), null, null);
            }
            if (a instanceof Action.SignalEnds e) {
                return new ActionJson(kind, null, null, e.signal(), e.until() == null ? null : e.until().toString());
            }
            Object target = a instanceof Action.LowerRepayments l ? l.target()
                    : a instanceof Action.RaiseVerifiedIncome i ? i.target()
                    : a instanceof Action.RecoverSales s ? s.target() : ((Action.RecoverScore) a).target();
            return new ActionJson(kind, target, null, null, null);
        }
    }

    record ExemptionJson(Object family, Object rule, Object reasonCode, Object reason, List<?> remedies,
                         Map<String, ?> evidence) {

        static ExemptionJson of(Exemption e) {
            return new ExemptionJson(e.family(), e.rule(), e.reasonCode(), e.reason(), e.remedies(), e.evidence());
        }
    }

    /** What an object is called in messages, what it must be written as, and its fields in order. */
    record Shape(String noun, String expected, List<String> fields) {

        Shape(Class<? extends Record> type, String noun, String expected) {
            this(noun, expected, Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = Map.of(
            ProfileJson.class, new Shape(ProfileJson.class, "a borrower profile", "a JSON object"),
            LoanJson.class, new Shape(LoanJson.class, "a loan", "a JSON object"),
            SignalJson.class, new Shape(SignalJson.class, "a signal", "a JSON object with a type"),
            EvaluationJson.class, new Shape(EvaluationJson.class, "a decision or an error line", "a JSON object"),
            RestrictionJson.class, new Shape(RestrictionJson.class, "a restriction", "a JSON object"),
            ExemptionJson.class, new Shape(ExemptionJson.class, "an exemption", "a JSON object"),
            WayJson.class, new Shape(WayJson.class, "a way", "a JSON object"),
            ActionJson.class, new Shape(ActionJson.class, "an action", "a JSON object with a kind"));

    /** What the elements of each array are, by the array's field. */
    private static final Map<String, String> ELEMENTS = Map.of("loans", "loans",
            "monthlyRevenue", "numbers (monthly sales, oldest first)", "signals", "signals",
            "restrictions", "restrictions", "exemptions", "exemptions", "remedies", "remedies", "lift", "ways",
            "actions", "actions", "lenders", "lender names");

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
        return Map.class.isAssignableFrom(target) ? "is not an object; expected an object of texts"
                : "is not an array; expected an array of " + elements(field);
    }

    /** The fields of a shape that are given (not absent, not {@code null}), in order. */
    static List<String> given(Record shape) {
        List<String> given = new ArrayList<>();
        for (RecordComponent c : shape.getClass().getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(shape) != null) {
                    given.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return given;
    }
}
