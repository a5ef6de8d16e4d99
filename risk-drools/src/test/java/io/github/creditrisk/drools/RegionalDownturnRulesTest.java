package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("REGIONAL_DOWNTURN (regional-downturn.drl)")
class RegionalDownturnRulesTest {

    private static final String FAMILY = "REGIONAL_DOWNTURN";

    private static List<String> expected(String cell) {
        return cell.equals("-") ? List.of() : List.of(cell.split(", "));
    }

    @ParameterizedTest(name = "{0} downturn, {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            LOW    | SMALL_BUSINESS_OWNER | -
            LOW    | ORDINARY             | -
            LOW    | FIRST_TIME           | -
            LOW    | HIGH_NET_WORTH       | -
            MEDIUM | SMALL_BUSINESS_OWNER | FREEZE_LIMIT
            MEDIUM | ORDINARY             | -
            MEDIUM | FIRST_TIME           | -
            MEDIUM | HIGH_NET_WORTH       | -
            HIGH   | SMALL_BUSINESS_OWNER | REDUCE_LIMIT 20
            HIGH   | ORDINARY             | FREEZE_LIMIT
            HIGH   | FIRST_TIME           | FREEZE_LIMIT
            HIGH   | HIGH_NET_WORTH       | -
            SEVERE | SMALL_BUSINESS_OWNER | BLOCK_NEW_BORROWING, REDUCE_LIMIT 40
            SEVERE | ORDINARY             | REDUCE_LIMIT 20
            SEVERE | FIRST_TIME           | REDUCE_LIMIT 20
            SEVERE | HIGH_NET_WORTH       | FREEZE_LIMIT
            """)
    void respondsToEachSeverityAccordingToTheSegment(Severity severity, Segment segment, String cell) {
        BorrowerProfile borrower = Borrowers.clean("B", segment).build();

        Decision decision = decide(borrower, Signals.downturn("CN-GD", severity));

        assertThat(restrictionsOf(decision, FAMILY)).isEqualTo(expected(cell));
        assertThat(decision.restrictions()).allSatisfy(r -> {
            assertThat(r.remedies()).containsExactly(Remedy.APPEAL);
            assertThat(r.reason()).contains("CN-GD", "1 January 2026");
        });
    }

    @Nested
    @DisplayName("which downturns apply")
    class Matching {

        @ParameterizedTest(name = "downturn in {0}, borrower in {1} -> applies: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                CN        | CN-GD-SZ  | true
                CN-GD     | CN-GD-SZ  | true
                CN-GD-SZ  | CN-GD-SZ  | true
                cn-gd     | CN-GD-SZ  | true
                CN-GD     | cn-gd-sz  | true
                CN-GD     | CN-GDX    | false
                CN-GD     | CN-GDX-SZ | false
                CN-GD-SZ  | CN-GD     | false
                CN-ZJ     | CN-GD-SZ  | false
                """)
        void aDownturnCoversItsRegionAndEverythingInsideIt(String downturnRegion, String borrowerRegion,
                                                           boolean applies) {
            BorrowerProfile borrower = Borrowers.ordinary().region(borrowerRegion).build();

            Decision decision = decide(borrower, Signals.downturn(downturnRegion, Severity.HIGH));

            assertThat(restrictionsOf(decision, FAMILY)).isEqualTo(applies ? List.of("FREEZE_LIMIT") : List.of());
        }

        @ParameterizedTest(name = "since {0}, until {1} -> active on 2026-11-01: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                2026-11-01 |            | true
                2026-11-02 |            | false
                2026-01-01 | 2026-11-01 | true
                2026-01-01 | 2026-10-31 | false
                2026-11-01 | 2026-11-01 | true
                """)
        void appliesOnlyWhileActiveWithBothEndsInclusive(LocalDate since, LocalDate until, boolean active) {
            RegionalDownturn downturn = new RegionalDownturn(null, "CN-GD", Severity.HIGH, since, until, null);

            Decision decision = decide(Borrowers.ordinary().build(), downturn);

            assertThat(restrictionsOf(decision, FAMILY)).isEqualTo(active ? List.of("FREEZE_LIMIT") : List.of());
        }
    }

    @Nested
    @DisplayName("only the most severe downturn counts")
    class NoStacking {

        @Test
        void aSevereCityDownturnReplacesAHighProvinceDownturn() {
            Decision decision = decide(Borrowers.smallBusinessOwner().build(),
                    Signals.downturn("CN-GD", Severity.HIGH), Signals.downturn("CN-GD-SZ", Severity.SEVERE));

            assertThat(restrictionsOf(decision, FAMILY)).containsExactly("BLOCK_NEW_BORROWING", "REDUCE_LIMIT 40");
            assertThat(decision.recommendedLimit()).isEqualByComparingTo("30000");
            assertThat(decision.restrictions()).allSatisfy(r -> assertThat(r.reason()).contains("CN-GD-SZ"));
        }

        @Test
        void aMilderCityDownturnDoesNotSoftenASevereProvinceDownturn() {
            Decision decision = decide(Borrowers.ordinary().build(),
                    Signals.downturn("CN-GD", Severity.SEVERE), Signals.downturn("CN-GD-SZ", Severity.MEDIUM));

            assertThat(restrictionsOf(decision, FAMILY)).containsExactly("REDUCE_LIMIT 20");
        }

        @Test
        void twoEquallySevereDownturnsGiveOneRestriction() {
            Decision decision = decide(Borrowers.ordinary().build(),
                    Signals.downturn("CN", Severity.HIGH), Signals.downturn("CN-GD", Severity.HIGH));

            assertThat(restrictionsOf(decision, FAMILY)).containsExactly("FREEZE_LIMIT");
        }
    }
}
