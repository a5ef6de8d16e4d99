package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;

import java.math.BigDecimal;

/**
 * The size limits {@link RiskJson} enforces on what it reads, so that hostile or broken input is rejected
 * with a message naming the field instead of exhausting memory or time. {@link #defaults()} suits real
 * portfolios with a wide margin; derive other limits with the {@code with…} methods.
 *
 * <p>Limits on values (amounts, decimal places, days past due, list sizes, text lengths) are checked
 * field by field, and {@link #maxValues()} entry by entry, so in a case file they cost only the borrower
 * that breaks them. Limits on the document itself (nesting depth, line and document length) are checked
 * while parsing and reject the whole input.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAmount         the largest amount accepted in {@code monthlyIncome}, {@code creditLimit},
 *                          {@code outstanding}, {@code monthlyPayment}, {@code monthlyRevenue} and a
 *                          decision's limits; &gt; 0
 * @param maxDecimalPlaces  the most decimal places an amount may have (trailing zeros are not counted);
 *                          0–100
 * @param maxDaysPastDue    the largest {@code daysPastDue} accepted; ≥ 1
 * @param maxLoans          the most loans one borrower may list; ≥ 1
 * @param maxRevenueMonths  the most {@code monthlyRevenue} values one borrower may list; ≥ 1
 * @param maxSignals        the most signals a signal file or case file may hold; ≥ 1
 * @param maxStringLength   the longest text accepted in a borrower's or a signal's fields, in UTF-16
 *                          characters; ≥ 1 (a decision's reasons and notice are bounded only by the
 *                          document's length)
 * @param maxNestingDepth   the deepest nesting of objects and arrays in a document; at least
 *                          {@value #MIN_NESTING_DEPTH}, which the case file's own structure needs
 * @param maxValues         the most JSON tokens read for one entry (each value, field name and end of an
 *                          object or array counts one; Jackson's {@code maxTokenCount}): one borrower of a case
 *                          file, one JSON Lines line, a case file's signals, or any other document as a whole;
 *                          ≥ 1. It bounds the work and memory a document can make the reader spend, whatever
 *                          its shape
 * @param maxLineLength     the longest JSON Lines line, in characters; ≥ 1
 * @param maxDocumentLength the longest whole document (a case file, a signal file, a profile), in
 *                          characters; ≥ 1
 */
public record JsonLimits(
        BigDecimal maxAmount,
        int maxDecimalPlaces,
        int maxDaysPastDue,
        int maxLoans,
        int maxRevenueMonths,
        int maxSignals,
        int maxStringLength,
        int maxNestingDepth,
        int maxValues,
        int maxLineLength,
        int maxDocumentLength) {

    /** Default {@link #maxAmount()}: 10<sup>15</sup>, a thousand trillion. */
    public static final BigDecimal DEFAULT_MAX_AMOUNT = BigDecimal.TEN.pow(15);
    /** Default {@link #maxDecimalPlaces()}. */
    public static final int DEFAULT_MAX_DECIMAL_PLACES = 10;
    /** Default {@link #maxDaysPastDue()}: about a hundred years. */
    public static final int DEFAULT_MAX_DAYS_PAST_DUE = 36_500;
    /** Default {@link #maxLoans()}. */
    public static final int DEFAULT_MAX_LOANS = 1_000;
    /** Default {@link #maxRevenueMonths()}: fifty years of monthly sales. */
    public static final int DEFAULT_MAX_REVENUE_MONTHS = 600;
    /** Default {@link #maxSignals()}. */
    public static final int DEFAULT_MAX_SIGNALS = 10_000;
    /** Default {@link #maxStringLength()}. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1_000;
    /** Default {@link #maxNestingDepth()}. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Default {@link #maxValues()}: room for 10,000 signals, or a borrower with 1,000 loans, several times over. */
    public static final int DEFAULT_MAX_VALUES = 200_000;
    /** Default {@link #maxLineLength()}: 1 MiB of characters. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    /** Default {@link #maxDocumentLength()}: 64 MiB of characters. */
    public static final int DEFAULT_MAX_DOCUMENT_LENGTH = 64 << 20;
    /** The shallowest {@link #maxNestingDepth()} allowed: case file, borrowers, borrower, loans, loan. */
    public static final int MIN_NESTING_DEPTH = 5;

    /**
     * @throws InvalidValueException naming the first limit that is out of range
     */
    public JsonLimits {
        if (maxAmount == null) {
            throw new InvalidValueException("maxAmount", "is missing; it is required");
        }
        if (maxAmount.signum() <= 0) {
            throw new InvalidValueException("maxAmount", maxAmount.toPlainString()
                    + " is too small; expected a number > 0");
        }
        if (maxDecimalPlaces < 0 || maxDecimalPlaces > 100) {
            throw new InvalidValueException("maxDecimalPlaces", maxDecimalPlaces + " is out of range; expected a"
                    + " whole number from 0 to 100");
        }
        atLeast(maxDaysPastDue, 1, "maxDaysPastDue");
        atLeast(maxLoans, 1, "maxLoans");
        atLeast(maxRevenueMonths, 1, "maxRevenueMonths");
        atLeast(maxSignals, 1, "maxSignals");
        atLeast(maxStringLength, 1, "maxStringLength");
        atLeast(maxNestingDepth, MIN_NESTING_DEPTH, "maxNestingDepth");
        atLeast(maxValues, 1, "maxValues");
        atLeast(maxLineLength, 1, "maxLineLength");
        atLeast(maxDocumentLength, 1, "maxDocumentLength");
    }

    /** The default limits (see the {@code DEFAULT_…} constants). */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_AMOUNT, DEFAULT_MAX_DECIMAL_PLACES, DEFAULT_MAX_DAYS_PAST_DUE,
                DEFAULT_MAX_LOANS, DEFAULT_MAX_REVENUE_MONTHS, DEFAULT_MAX_SIGNALS, DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_VALUES, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_DOCUMENT_LENGTH);
    }

    /** The same limits with another {@link #maxAmount()}. */
    public JsonLimits withMaxAmount(BigDecimal value) {
        return new JsonLimits(value, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths, maxSignals,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxDecimalPlaces()}. */
    public JsonLimits withMaxDecimalPlaces(int value) {
        return new JsonLimits(maxAmount, value, maxDaysPastDue, maxLoans, maxRevenueMonths, maxSignals,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxDaysPastDue()}. */
    public JsonLimits withMaxDaysPastDue(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, value, maxLoans, maxRevenueMonths, maxSignals,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxLoans()}. */
    public JsonLimits withMaxLoans(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, value, maxRevenueMonths, maxSignals,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxRevenueMonths()}. */
    public JsonLimits withMaxRevenueMonths(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, value, maxSignals,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxSignals()}. */
    public JsonLimits withMaxSignals(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths, value,
                maxStringLength, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxStringLength()}. */
    public JsonLimits withMaxStringLength(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths,
                maxSignals, value, maxNestingDepth, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxNestingDepth()}. */
    public JsonLimits withMaxNestingDepth(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths,
                maxSignals, maxStringLength, value, maxValues, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxValues()}. */
    public JsonLimits withMaxValues(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths,
                maxSignals, maxStringLength, maxNestingDepth, value, maxLineLength, maxDocumentLength);
    }

    /** The same limits with another {@link #maxLineLength()}. */
    public JsonLimits withMaxLineLength(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths,
                maxSignals, maxStringLength, maxNestingDepth, maxValues, value, maxDocumentLength);
    }

    /** The same limits with another {@link #maxDocumentLength()}. */
    public JsonLimits withMaxDocumentLength(int value) {
        return new JsonLimits(maxAmount, maxDecimalPlaces, maxDaysPastDue, maxLoans, maxRevenueMonths,
                maxSignals, maxStringLength, maxNestingDepth, maxValues, maxLineLength, value);
    }

    private static void atLeast(int value, int min, String field) {
        if (value < min) {
            throw new InvalidValueException(field, value + " is too small; expected at least " + min);
        }
    }
}
