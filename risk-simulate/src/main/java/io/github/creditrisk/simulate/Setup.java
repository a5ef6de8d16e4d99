package io.github.creditrisk.simulate;

import io.github.creditrisk.Language;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a simulation compared and how its reports are cut.
 *
 * @param asOf               the evaluation date of both sides
 * @param language           the language of the reasons shown
 * @param baseline           the rules and signals in force today
 * @param candidate          the rules and signals proposed
 * @param maxRestrictedShare the guard: the largest acceptable increase of the restricted share, in percent
 *                           of the evaluated borrowers; {@code null} when no guard was set
 * @param sampleSize         how many changed borrowers to keep for the analyst, the first by input order
 * @param topRegions         how many regions the text and HTML reports list
 */
public record Setup(LocalDate asOf, Language language, Side baseline, Side candidate, @Nullable Double maxRestrictedShare,
                    int sampleSize, int topRegions) {

    public Setup {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        if (sampleSize < 0 || topRegions < 0) {
            throw new IllegalArgumentException("sampleSize and topRegions must be ≥ 0");
        }
    }
}
