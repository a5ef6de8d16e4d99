package io.github.creditrisk.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedAbTest {

    @Test
    void quantilesInterpolateBetweenTheSortedRatios() {
        double[] ratios = {1.10, 0.90, 1.00, 1.30};

        assertThat(PairedAb.median(ratios)).isCloseTo(1.05, within(1e-9));
        assertThat(PairedAb.quantile(ratios, 0.25)).isCloseTo(0.975, within(1e-9));
        assertThat(PairedAb.quantile(ratios, 0.0)).isEqualTo(0.90);
        assertThat(PairedAb.quantile(ratios, 1.0)).isEqualTo(1.30);
        assertThat(ratios).containsExactly(1.10, 0.90, 1.00, 1.30); // the caller's order is left alone
    }
}
