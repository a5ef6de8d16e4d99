package io.github.creditrisk.drools.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AmountFormatTest {

    @Test
    void amountsAreGroupedInThreesWithCentsOnlyWhenThereAreAny() {
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("0"))).isEqualTo("0");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("999"))).isEqualTo("999");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("12000"))).isEqualTo("12,000");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("1.2E+4"))).isEqualTo("12,000");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("12000.00"))).isEqualTo("12,000");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("12345.5"))).isEqualTo("12,345.50");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("-1500"))).isEqualTo("-1,500");
        assertThat(MessageCatalog.Formats.amount(new BigDecimal("123456789012345678901234")))
                .isEqualTo("123,456,789,012,345,678,901,234");
    }

    /** The quick way for whole amounts writes what the general way writes. */
    @Property(tries = 2000)
    void wholeAmountsAreWrittenAsJavaGroupsThem(@ForAll @BigRange(min = "-1e20", max = "1e20") @Scale(0) BigDecimal whole) {
        assertThat(MessageCatalog.Formats.amount(whole)).isEqualTo(String.format(Locale.ROOT, "%,d", whole.toBigInteger()));
    }
}
