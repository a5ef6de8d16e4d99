package io.github.creditrisk.simulate;

import java.math.BigDecimal;

/**
 * The impact on one group of borrowers (the whole portfolio, a segment or a region).
 *
 * @param name               the group: {@code all}, a segment or a region code
 * @param borrowers          borrowers evaluated
 * @param changed            borrowers whose restrictions differ between the sides
 * @param restrictedBefore   borrowers restricted (outcome RESTRICT) by the baseline
 * @param restrictedAfter    borrowers restricted by the candidate
 * @param newlyRestricted    restricted by the candidate and not by the baseline
 * @param noLongerRestricted restricted by the baseline and not by the candidate
 * @param newlyAffected      borrowers given at least one (family, type) restriction they did not have
 * @param noLongerAffected   borrowers relieved of at least one (family, type) restriction they had
 * @param limitRemoved       the sum of the recommended limit cuts: max(0, baseline − candidate)
 * @param limitRestored      the sum of the recommended limit returned: max(0, candidate − baseline)
 */
public record GroupFigures(String name, long borrowers, long changed, long restrictedBefore, long restrictedAfter,
                           long newlyRestricted, long noLongerRestricted, long newlyAffected, long noLongerAffected,
                           BigDecimal limitRemoved, BigDecimal limitRestored) {
}
