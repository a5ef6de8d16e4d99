package io.github.creditrisk.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the reports write numbers: grouped thousands, shares as percentages, the same in every report. */
final class Numbers {

    private Numbers() {
    }

    /** {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1,234,567.5}: grouped, at most two decimals (amounts are exact; rounding is for reading). */
    static String amount(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(amount);
    }

    /** {@code 12.34%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share);
    }

    /** {@code +1.23} or {@code -0.50}: a change in percentage points. */
    static String points(double change) {
        return String.format(Locale.ROOT, "%+.2f", change);
    }

    /** {@code +1,234} or {@code -56}: a change in a count. */
    static String signed(long change) {
        return String.format(Locale.ROOT, "%+,d", change);
    }

    /** A number as it was given: {@code 0.5}, {@code 2}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A share rounded for machines: four decimals, exact to the reader. */
    static BigDecimal rounded(double share) {
        return BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_EVEN);
    }
}
