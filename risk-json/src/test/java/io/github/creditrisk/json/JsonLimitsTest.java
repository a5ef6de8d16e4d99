package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The limits on what is read")
class JsonLimitsTest {

    @Test
    void theDefaultsAreGenerousForRealPortfolios() {
        JsonLimits limits = JsonLimits.defaults();

        assertThat(limits.maxAmount()).isEqualByComparingTo("1000000000000000");
        assertThat(limits.maxDecimalPlaces()).isEqualTo(10);
        assertThat(limits.maxDaysPastDue()).isEqualTo(36_500);
        assertThat(limits.maxLoans()).isEqualTo(1_000);
        assertThat(limits.maxRevenueMonths()).isEqualTo(600);
        assertThat(limits.maxSignals()).isEqualTo(10_000);
        assertThat(limits.maxStringLength()).isEqualTo(1_000);
        assertThat(limits.maxNestingDepth()).isEqualTo(64);
        assertThat(limits.maxValues()).isEqualTo(200_000);
        assertThat(limits.maxLineLength()).isEqualTo(1_048_576);
        assertThat(limits.maxDocumentLength()).isEqualTo(67_108_864);
        assertThat(RiskJson.create().limits()).isEqualTo(limits);
    }

    @Test
    void eachWitherChangesOnlyItsOwnLimit() {
        JsonLimits changed = JsonLimits.defaults().withMaxLoans(3);

        assertThat(changed.maxLoans()).isEqualTo(3);
        assertThat(changed.withMaxLoans(JsonLimits.DEFAULT_MAX_LOANS)).isEqualTo(JsonLimits.defaults());
    }

    @Test
    void limitsOutOfRangeAreRejectedNamingTheLimit() {
        JsonLimits d = JsonLimits.defaults();

        assertThatThrownBy(() -> d.withMaxNestingDepth(4)).isInstanceOf(InvalidValueException.class)
                .hasMessage("maxNestingDepth: 4 is too small; expected at least 5");
        assertThatThrownBy(() -> d.withMaxAmount(BigDecimal.ZERO))
                .hasMessage("maxAmount: 0 is too small; expected a number > 0");
        assertThatThrownBy(() -> d.withMaxDecimalPlaces(-1))
                .hasMessage("maxDecimalPlaces: -1 is out of range; expected a whole number from 0 to 100");
        assertThatThrownBy(() -> d.withMaxLoans(0)).hasMessage("maxLoans: 0 is too small; expected at least 1");
    }

    @Test
    void aSmallerAmountLimitIsEnforced() {
        RiskJson json = RiskJson.create(JsonLimits.defaults().withMaxAmount(new BigDecimal("1000000"))
                .withMaxDecimalPlaces(2));

        assertThatThrownBy(() -> json.readBorrower(Profiles.valid().with("creditLimit", "1000000.01").json()))
                .hasMessage("creditLimit: 1000000.01 is too large; expected at most 1000000");
        assertThatThrownBy(() -> json.readBorrower(Profiles.valid().with("creditLimit", "1.005").json()))
                .hasMessage("creditLimit: 1.005 has more than 2 decimal places; expected at most 2");
    }
}
