package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.json.JsonLimits;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the usual borrower line straight from the parser into a profile, without a tree: the fast path of
 * {@code risk eval}, which reads a million lines. It accepts exactly what {@link ProfileFormat} accepts through
 * {@link TreeReader} and gives the same profile, or gives up: at anything unusual (an unknown or repeated key,
 * a value of another type or out of range, a number written as {@code 700.0}, malformed JSON, a limit reached)
 * it returns {@code null}, and the line is read again the thorough way, which then says what is wrong or
 * accepts it. So every message, and every unusual form accepted, comes from one place; this reader only
 * needs to be right about what it accepts. It shares the checks of a text and of an amount with
 * {@link Values}; tests compare both readers on generated and hostile lines.
 *
 * <p>Thread-safe: each call uses its own parser.
 */
final class ProfileLineReader {

    private static final int ID = 1, SEGMENT = 1 << 1, REGION = 1 << 2, SECTOR = 1 << 3, INCOME = 1 << 4,
            LIMIT = 1 << 5, SCORE = 1 << 6, PREVIOUS_SCORE = 1 << 7, LOANS = 1 << 8, REVENUE = 1 << 9;
    private static final int REQUIRED = ID | SEGMENT | REGION | INCOME | LIMIT | SCORE;
    private static final int LENDER = 1, OUTSTANDING = 1 << 1, PAYMENT = 1 << 2, DAYS = 1 << 3;
    private static final int LOAN_REQUIRED = LENDER | OUTSTANDING | PAYMENT;

    private final JsonFactory factory;
    private final JsonLimits limits;
    private final Values values;

    ProfileLineReader(JsonFactory factory, JsonLimits limits, Values values) {
        this.factory = factory;
        this.limits = limits;
        this.values = values;
    }

    /** The profile on {@code line}, or {@code null} when the line must be read the thorough way. */
    BorrowerProfile read(String line) {
        if (line.length() > limits.maxLineLength() || line.startsWith("\uFEFF")) {
            return null;
        }
        try (JsonParser p = factory.createParser(line)) {
            return new Line(p).profile();
        } catch (IOException | RuntimeException e) {
            // malformed, beyond a parser limit, or refused by a record's own checks: the thorough way says which
            return null;
        }
    }

    /** One line being read; {@link #values} counts JSON values as {@link TreeReader} does. */
    private final class Line {
        private final JsonParser p;
        private int count;

        Line(JsonParser p) {
            this.p = p;
        }

        BorrowerProfile profile() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT || !counted()) {
                return null;
            }
            String id = null, region = null, sector = null;
            Segment segment = null;
            BigDecimal income = null, limit = null;
            int score = 0;
            Integer previousScore = null;
            List<Loan> loans = List.of();
            List<BigDecimal> revenue = List.of();
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                int field = field(name);
                if (field == 0 || (seen & field) != 0 || !counted()) {
                    return null; // an unknown or repeated key
                }
                seen |= field;
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL && (field & REQUIRED) == 0) {
                    continue; // an optional field given as null is not given
                }
                switch (field) {
                    case ID -> id = text(t);
                    case SEGMENT -> segment = t == JsonToken.VALUE_STRING ? Values.byName(Segment.class, p.getText()) : null;
                    case REGION -> region = text(t);
                    case SECTOR -> sector = text(t);
                    case INCOME -> income = amount(t);
                    case LIMIT -> limit = amount(t);
                    case SCORE -> score = whole(t, BorrowerProfile.MIN_SCORE, BorrowerProfile.MAX_SCORE);
                    case PREVIOUS_SCORE -> previousScore = whole(t, BorrowerProfile.MIN_SCORE, BorrowerProfile.MAX_SCORE);
                    case LOANS -> loans = loans(t);
                    case REVENUE -> revenue = revenue(t);
                    default -> throw new IllegalStateException("field " + field);
                }
                if (id == null && field == ID || segment == null && field == SEGMENT
                        || region == null && field == REGION || sector == null && field == SECTOR
                        || income == null && field == INCOME || limit == null && field == LIMIT
                        || score < 0 || previousScore != null && previousScore < 0
                        || loans == null || revenue == null) {
                    return null;
                }
            }
            if ((seen & REQUIRED) != REQUIRED || p.nextToken() != null) {
                return null; // a required field missing, or more after the object
            }
            return new BorrowerProfile(id, segment, region, sector, income, limit, score, previousScore, loans,
                    revenue);
        }

        private List<Loan> loans(JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                return null;
            }
            List<Loan> loans = new ArrayList<>(4);
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT || !counted() || loans.size() == limits.maxLoans()) {
                    return null;
                }
                Loan loan = loan();
                if (loan == null) {
                    return null;
                }
                loans.add(loan);
            }
            return loans;
        }

        private Loan loan() throws IOException {
            String lender = null;
            BigDecimal outstanding = null, payment = null;
            int days = 0;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                int field = switch (name) {
                    case "lender" -> LENDER;
                    case "outstanding" -> OUTSTANDING;
                    case "monthlyPayment" -> PAYMENT;
                    case "daysPastDue" -> DAYS;
                    default -> 0;
                };
                if (field == 0 || (seen & field) != 0 || !counted()) {
                    return null;
                }
                seen |= field;
                JsonToken t = p.nextToken();
                if (field == LENDER) {
                    lender = text(t);
                } else if (field == OUTSTANDING) {
                    outstanding = amount(t);
                } else if (field == PAYMENT) {
                    payment = amount(t);
                } else if (t != JsonToken.VALUE_NULL) { // daysPastDue given as null is not given: 0
                    days = whole(t, 0, limits.maxDaysPastDue());
                }
                if (lender == null && field == LENDER || outstanding == null && field == OUTSTANDING
                        || payment == null && field == PAYMENT || days < 0) {
                    return null;
                }
            }
            return (seen & LOAN_REQUIRED) == LOAN_REQUIRED ? new Loan(lender, outstanding, payment, days) : null;
        }

        private List<BigDecimal> revenue(JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                return null;
            }
            List<BigDecimal> months = new ArrayList<>(12);
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                BigDecimal month = months.size() < limits.maxRevenueMonths() && counted() ? amount(t) : null;
                if (month == null) {
                    return null;
                }
                months.add(month);
            }
            return months;
        }

        /** A text {@link Values#text} accepts as it is, or {@code null}. */
        private String text(JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            String s = p.getText();
            return Values.acceptable(s, limits.maxStringLength()) ? s : null;
        }

        /** An amount as {@link Values#amount} reads the number the tree holds for it, or {@code null}. */
        private BigDecimal amount(JsonToken t) throws IOException {
            BigDecimal d;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                d = switch (p.getNumberType()) {
                    case INT, LONG -> BigDecimal.valueOf(p.getLongValue());
                    default -> new BigDecimal(p.getBigIntegerValue());
                };
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                d = p.getDecimalValue();
            } else {
                return null;
            }
            return values.acceptableAmount(d);
        }

        /** A whole number written as one, within the range, or -1. */
        private int whole(JsonToken t, int min, int max) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                return -1;
            }
            int v = p.getIntValue();
            return v >= min && v <= max ? v : -1;
        }

        /** Counts one more JSON value; whether the line is still within {@link JsonLimits#maxValues()}. */
        private boolean counted() {
            return ++count <= limits.maxValues();
        }
    }

    private static int field(String name) {
        return switch (name) {
            case "id" -> ID;
            case "segment" -> SEGMENT;
            case "region" -> REGION;
            case "sector" -> SECTOR;
            case "monthlyIncome" -> INCOME;
            case "creditLimit" -> LIMIT;
            case "creditScore" -> SCORE;
            case "previousCreditScore" -> PREVIOUS_SCORE;
            case "loans" -> LOANS;
            case "monthlyRevenue" -> REVENUE;
            default -> 0;
        };
    }
}
