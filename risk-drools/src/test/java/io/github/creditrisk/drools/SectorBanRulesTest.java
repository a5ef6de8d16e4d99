package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.SectorBan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("SECTOR_BAN (sector-ban.drl)")
class SectorBanRulesTest {

    private static final String FAMILY = "SECTOR_BAN";

    @Test
    void aBanBlocksNewBorrowingAndNamesTheRegulationButLeavesTheLimit() {
        BorrowerProfile borrower = Borrowers.ordinary().sector("P2P_LENDING").build();

        Decision decision = decide(borrower, Signals.p2pLendingBan());

        assertThat(decision.outcome()).isEqualTo(Outcome.RESTRICT);
        assertThat(decision.recommendedLimit()).isEqualByComparingTo(borrower.creditLimit());
        assertThat(decision.restrictions()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(RestrictionType.BLOCK_NEW_BORROWING);
            assertThat(r.rule()).isEqualTo("SEC-1");
            assertThat(r.reasonCode()).isEqualTo("SEC_SECTOR_BAN");
            assertThat(r.reason()).contains("Regulatory Notice 2026-7 on online lending", "P2P_LENDING",
                    "1 June 2026", "repayments are not affected");
            assertThat(r.evidence()).containsEntry("regulation", "Regulatory Notice 2026-7 on online lending");
        });
    }

    @ParameterizedTest(name = "borrower sector {0} -> banned: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            P2P_LENDING  | true
            p2p_lending  | true
            RETAIL       | false
            P2P_LENDING2 | false
            """)
    void theSectorMustMatchIgnoringCase(String sector, boolean banned) {
        Decision decision = decide(Borrowers.ordinary().sector(sector).build(), Signals.p2pLendingBan());

        assertThat(restrictionsOf(decision, FAMILY))
                .isEqualTo(banned ? List.of("BLOCK_NEW_BORROWING") : List.of());
    }

    @Test
    void aBorrowerWithoutAKnownSectorIsNotBanned() {
        Decision decision = decide(Borrowers.ordinary().sector(null).build(), Signals.p2pLendingBan());

        assertThat(decision.restrictions()).isEmpty();
    }

    @Test
    void aBanThatEndedOrHasNotStartedDoesNotApply() {
        BorrowerProfile borrower = Borrowers.ordinary().sector("P2P_LENDING").build();
        SectorBan ended = new SectorBan(null, "P2P_LENDING", "Old notice", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 10, 31));
        SectorBan future = new SectorBan(null, "P2P_LENDING", "Next notice", LocalDate.of(2026, 11, 2), null);
        SectorBan endsToday = new SectorBan(null, "P2P_LENDING", "Notice ending today", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 11, 1));

        assertThat(decide(borrower, ended, future).restrictions()).isEmpty();
        assertThat(restrictionsOf(decide(borrower, endsToday), FAMILY)).containsExactly("BLOCK_NEW_BORROWING");
    }

    @Test
    void twoBansOnTheSameSectorGiveOneRestriction() {
        BorrowerProfile borrower = Borrowers.ordinary().sector("P2P_LENDING").build();
        SectorBan second = new SectorBan("BAN-2", "p2p_lending", "Provincial Circular 12", LocalDate.of(2026, 7, 1),
                null);

        assertThat(restrictionsOf(decide(borrower, Signals.p2pLendingBan(), second), FAMILY))
                .containsExactly("BLOCK_NEW_BORROWING");
    }
}
