package io.github.creditrisk.simulate;

import io.github.creditrisk.RestrictionType;

/**
 * The impact on one (family, type) pair of restrictions.
 *
 * @param newlyAffected    borrowers who have the pair under the candidate and not under the baseline
 * @param noLongerAffected borrowers who had it under the baseline and not under the candidate
 * @param modified         borrowers who have it under both, from another rule, reason code or cut
 */
public record RestrictionFigures(String family, RestrictionType type, long newlyAffected, long noLongerAffected,
                                 long modified) {
}
