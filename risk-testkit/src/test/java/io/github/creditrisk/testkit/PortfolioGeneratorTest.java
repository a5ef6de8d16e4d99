package io.github.creditrisk.testkit;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The generated portfolio")
class PortfolioGeneratorTest {

    @Test
    void theSameSeedGivesTheSameBorrowersAndAnotherSeedOthers() {
        PortfolioGenerator first = new PortfolioGenerator(42);
        PortfolioGenerator again = new PortfolioGenerator(42);
        PortfolioGenerator other = new PortfolioGenerator(43);

        for (long i = 0; i < 100; i++) {
            assertThat(again.borrower(i)).isEqualTo(first.borrower(i));
        }
        assertThat(LongStream.range(0, 100).filter(i -> other.borrower(i).equals(first.borrower(i))).count())
                .isZero();
    }

    @Test
    void aBorrowerDependsOnlyOnTheSeedAndItsNumber() {
        BorrowerProfile late = new PortfolioGenerator(7).borrower(123_456);

        PortfolioGenerator fresh = new PortfolioGenerator(7);
        fresh.borrower(0);
        assertThat(fresh.borrower(123_456)).isEqualTo(late);
        assertThat(late.id()).isEqualTo("B-00123457");
    }

    @Test
    void theSegmentsFollowTheirShares() {
        PortfolioGenerator generator = new PortfolioGenerator(1);
        Map<Segment, Integer> counts = new EnumMap<>(Segment.class);
        for (long i = 0; i < 10_000; i++) {
            counts.merge(generator.borrower(i).segment(), 1, Integer::sum);
        }

        assertThat(counts.get(Segment.ORDINARY)).isBetween(5_200, 5_800);
        assertThat(counts.get(Segment.SMALL_BUSINESS_OWNER)).isBetween(1_950, 2_450);
        assertThat(counts.get(Segment.FIRST_TIME)).isBetween(1_300, 1_700);
        assertThat(counts.get(Segment.HIGH_NET_WORTH)).isBetween(600, 1_000);
    }

    @Test
    void aNegativeNumberIsRejected() {
        assertThatThrownBy(() -> new PortfolioGenerator(1).borrower(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("index: -1 is negative; expected a number ≥ 0");
    }
}
