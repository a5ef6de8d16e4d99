package io.github.creditrisk.drools.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatTest {

    @Test
    void amountsAreGroupedInThreesWithCentsOnlyWhenThereAreAny() {
        assertThat(ValueFormat.amount(new BigDecimal("0"))).isEqualTo("0");
        assertThat(ValueFormat.amount(new BigDecimal("999"))).isEqualTo("999");
        assertThat(ValueFormat.amount(new BigDecimal("12000"))).isEqualTo("12,000");
        assertThat(ValueFormat.amount(new BigDecimal("1.2E+4"))).isEqualTo("12,000");
        assertThat(ValueFormat.amount(new BigDecimal("12000.00"))).isEqualTo("12,000");
        assertThat(ValueFormat.amount(new BigDecimal("12345.5"))).isEqualTo("12,345.50");
        assertThat(ValueFormat.amount(new BigDecimal("-1500"))).isEqualTo("-1,500");
        assertThat(ValueFormat.amount(new BigDecimal("123456789012345678901234")))
                .isEqualTo("123,456,789,012,345,678,901,234");
    }

    /** Amounts in cents and tenths are written as Java's own grouping writes them. */
    @Property(tries = 3000)
    void amountsInCentsAreWrittenAsTheGeneralWayWritesThem(
            @ForAll @BigRange(min = "-1e15", max = "1e15") @Scale(2) BigDecimal amount) {
        assertThat(ValueFormat.amount(amount)).isEqualTo(generalAmount(amount));
        BigDecimal tenths = amount.setScale(1, RoundingMode.DOWN);
        assertThat(ValueFormat.amount(tenths)).isEqualTo(generalAmount(tenths));
    }

    /** Amounts of any scale: whole ones without cents, any others rounded half-even to cents. */
    @Property(tries = 3000)
    void amountsOfAnyScaleAreWrittenAsTheGeneralWayWritesThem(
            @ForAll @BigRange(min = "-1e15", max = "1e15") BigDecimal value,
            @ForAll @net.jqwik.api.constraints.IntRange(min = -6, max = 6) int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_EVEN);
        assertThat(ValueFormat.amount(scaled)).isEqualTo(generalAmount(scaled));
    }

    @Test
    void amountsWithFractionsBelowACentKeepTheirCents() {
        assertThat(ValueFormat.amount(new BigDecimal("12.001"))).isEqualTo("12.00");
        assertThat(ValueFormat.amount(new BigDecimal("12.005"))).isEqualTo("12.00");
        assertThat(ValueFormat.amount(new BigDecimal("12.015"))).isEqualTo("12.02");
        assertThat(ValueFormat.amount(new BigDecimal("0.000"))).isEqualTo("0");
    }

    @Test
    void percentagesHaveAtMostTwoDecimalsRoundedHalfUp() {
        assertThat(ValueFormat.percent(new BigDecimal("0.725"))).isEqualTo("72.5%");
        assertThat(ValueFormat.percent(new BigDecimal("0.50"))).isEqualTo("50%");
        assertThat(ValueFormat.percent(new BigDecimal("0.123456"))).isEqualTo("12.35%");
        assertThat(ValueFormat.percent(new BigDecimal("0.12344999"))).isEqualTo("12.34%");
        assertThat(ValueFormat.percent(new BigDecimal("0.00004"))).isEqualTo("0%");
        assertThat(ValueFormat.percent(new BigDecimal("-0.00005"))).isEqualTo("-0.01%");
        assertThat(ValueFormat.percent(new BigDecimal("2"))).isEqualTo("200%");
        assertThat(ValueFormat.percent(BigDecimal.ONE.divide(new BigDecimal("3"), MathContext.DECIMAL128)))
                .isEqualTo("33.33%");
    }

    /** Plain decimals read as stripping the trailing zeros writes them, whatever the scale. */
    @Property(tries = 3000)
    void plainDecimalsAreWrittenWithoutTrailingZeros(@ForAll @BigRange(min = "-1e20", max = "1e20") BigDecimal value,
                                                     @ForAll @net.jqwik.api.constraints.IntRange(min = -6, max = 6) int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_EVEN);
        assertThat(ValueFormat.plain(scaled)).isEqualTo(scaled.stripTrailingZeros().toPlainString());
    }

    /** Dates of any year read as the patterns "d MMMM yyyy" and "yyyy年M月d日" write them. */
    @Property(tries = 3000)
    void datesAreWrittenAsTheirPatternsWriteThem(@ForAll @net.jqwik.api.constraints.LongRange(min = -800_000,
            max = 3_000_000) long epochDay) {
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epochDay);
        assertThat(ValueFormat.date(io.github.creditrisk.Language.EN, date)).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date));
        assertThat(ValueFormat.date(io.github.creditrisk.Language.ZH, date)).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE).format(date));
    }

    /** Java's own grouping: cents only when there are any, half-even, digits grouped in threes. */
    private static String generalAmount(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY)
                : value.setScale(2, RoundingMode.HALF_EVEN);
        java.math.BigInteger whole = v.abs().toBigInteger();
        String grouped = String.format(Locale.ROOT, "%,d", whole);
        String cents = v.scale() > 0 ? v.abs().toPlainString().substring(v.abs().toPlainString().indexOf('.')) : "";
        return (v.signum() < 0 ? "-" : "") + grouped + cents;
    }

    /** Whole amounts are written as Java groups them. */
    @Property(tries = 2000)
    void wholeAmountsAreWrittenAsJavaGroupsThem(@ForAll @BigRange(min = "-1e20", max = "1e20") @Scale(0) BigDecimal whole) {
        assertThat(ValueFormat.amount(whole)).isEqualTo(String.format(Locale.ROOT, "%,d", whole.toBigInteger()));
    }
}
