package io.github.creditrisk.drools.internal;

import io.github.creditrisk.Language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How amounts, ratios and dates are written in customer sentences, the same in every language but dates. */
final class ValueFormat {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final String[] EN_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private ValueFormat() {
    }

    /**
     * An amount with its digits grouped in threes, and cents only when there are any: 12,000 and 12,345.50.
     * Amounts are rounded to cents half-even, as money is (banker's rounding).
     */
    static String amount(BigDecimal value) {
        BigDecimal v = value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0
                ? value.setScale(0, RoundingMode.UNNECESSARY)
                : value.setScale(2, RoundingMode.HALF_EVEN);
        String plain = v.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }

    /** A decimal without trailing zeros, never in exponent form: 0.5, 12000 (an integral one is written as it is). */
    static String plain(BigDecimal value) {
        return value.scale() <= 0 ? value.toPlainString() : value.stripTrailingZeros().toPlainString();
    }

    /**
     * A ratio as a percentage with at most two decimals, rounded half-up as a reader would: 0.725 is 72.5%,
     * 0.123456 is 12.35%.
     */
    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** A date as the language writes it: 30 June 2026, 2026年6月30日. */
    static String date(Language language, LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            // years of other lengths as the patterns write them (zero-padded, or by era)
            return language == Language.ZH ? ZH_DATE.format(date) : EN_DATE.format(date);
        }
        return language == Language.ZH ? year + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                : date.getDayOfMonth() + " " + EN_MONTHS[date.getMonthValue() - 1] + " " + year;
    }
}
