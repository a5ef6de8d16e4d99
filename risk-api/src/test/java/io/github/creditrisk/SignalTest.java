package io.github.creditrisk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Signals")
class SignalTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

    @Test
    void aSignalIsActiveFromSinceToUntilBothInclusive() {
        SectorBan ban = new SectorBan(null, "P2P", "Notice 1", JAN_1, JAN_31);

        assertThat(ban.isActiveOn(JAN_1.minusDays(1))).isFalse();
        assertThat(ban.isActiveOn(JAN_1)).isTrue();
        assertThat(ban.isActiveOn(JAN_31)).isTrue();
        assertThat(ban.isActiveOn(JAN_31.plusDays(1))).isFalse();
    }

    @Test
    void anOpenEndedSignalStaysActive() {
        RegionalDownturn d = new RegionalDownturn(null, "CN", Severity.LOW, JAN_1, null, null);

        assertThat(d.isActiveOn(LocalDate.of(2099, 1, 1))).isTrue();
    }

    @Test
    void untilBeforeSinceIsAnError() {
        assertThatThrownBy(() -> new ServiceOutage("O", JAN_31, JAN_1, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("until");
                    assertThat(e.getMessage()).contains("2026-01-01 is before since (2026-01-31)");
                });
    }

    @Test
    void anOutageNeedsAnEndAndABanNeedsARegulation() {
        assertThatThrownBy(() -> new ServiceOutage(null, JAN_1, null, null)).hasMessageStartingWith("until: is missing");
        assertThatThrownBy(() -> new SectorBan(null, "P2P", " ", JAN_1, null)).hasMessageStartingWith("regulation:");
        assertThatThrownBy(() -> new RegionalDownturn(null, "CN", null, JAN_1, null, null))
                .hasMessageStartingWith("severity:");
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({"CN,CN,true", "CN,CN-GD,true", "CN-GD,CN-GD-SZ,true", "cn-gd,CN-GD-SZ,true", "CN-GD,CN-GDX,false",
            "CN-GD-SZ,CN-GD,false", "CN-GD,CN,false", "CN-G,CN-GD,false"})
    void regionsContainTheirSubregions(String outer, String inner, boolean contains) {
        assertThat(RegionalDownturn.regionContains(outer, inner)).isEqualTo(contains);
    }

    @Test
    void sectorsMatchIgnoringCaseAndNeverMatchAnUnknownSector() {
        SectorBan ban = new SectorBan(null, "P2P_LENDING", "Notice 1", JAN_1, null);

        assertThat(ban.covers("p2p_lending")).isTrue();
        assertThat(ban.covers(null)).isFalse();
    }

    @Test
    void severitiesAreOrderedFromMildestToWorst() {
        assertThat(Severity.SEVERE.isWorseThan(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.isWorseThan(Severity.LOW)).isFalse();
    }
}
