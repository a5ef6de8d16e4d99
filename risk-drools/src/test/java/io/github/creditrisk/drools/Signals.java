package io.github.creditrisk.drools;

import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;

import java.time.LocalDate;

/** Named signals and the evaluation date the policy tests share. */
final class Signals {

    /** The evaluation date of every policy test. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private Signals() {
    }

    /** A downturn in {@code region} active since the start of 2026, open-ended. */
    static RegionalDownturn downturn(String region, Severity severity) {
        return new RegionalDownturn("DT-" + region + "-" + severity, region, severity, LocalDate.of(2026, 1, 1),
                null, "test downturn");
    }

    /** The regulator's ban on P2P lending, active since 1 June 2026. */
    static SectorBan p2pLendingBan() {
        return new SectorBan("BAN-P2P", "P2P_LENDING", "Regulatory Notice 2026-7 on online lending",
                LocalDate.of(2026, 6, 1), null);
    }

    /** The repayment channel was down from 25 to 28 September 2026, during a system upgrade. */
    static ServiceOutage septemberUpgradeOutage() {
        return new ServiceOutage("OUT-2026-09", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 28),
                "system upgrade");
    }
}
