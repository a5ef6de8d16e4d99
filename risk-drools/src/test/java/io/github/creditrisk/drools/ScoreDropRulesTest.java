package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.github.creditrisk.drools.Decisions.decide;
import static io.github.creditrisk.drools.Decisions.restrictionsOf;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("SCORE_DROP (score-drop.drl)")
class ScoreDropRulesTest {

    private static final String FAMILY = "SCORE_DROP";

    @ParameterizedTest(name = "score {0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            700 | 651 | -
            700 | 650 | FREEZE_LIMIT
            700 | 601 | FREEZE_LIMIT
            700 | 600 | REDUCE_LIMIT 50, MANUAL_REVIEW
            950 | 300 | REDUCE_LIMIT 50, MANUAL_REVIEW
            600 | 700 | -
            """)
    void freezesFromFiftyPointsAndCutsFromOneHundred(int previous, int current, String expected) {
        BorrowerProfile borrower = Borrowers.ordinary().previousCreditScore(previous).creditScore(current).build();

        assertThat(restrictionsOf(decide(borrower), FAMILY))
                .isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(", ")));
    }

    @Test
    void aFirstTimeBorrowerWithoutHistoryIsNeverPenalised() {
        BorrowerProfile borrower = Borrowers.firstTime().creditScore(300).previousCreditScore(null).build();

        assertThat(decide(borrower).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void theReasonGivesBothScores() {
        Decision decision = decide(Borrowers.ordinary().previousCreditScore(720).creditScore(590).build());

        assertThat(decision.recommendedLimit()).isEqualByComparingTo("25000");
        assertThat(decision.restrictions()).hasSize(2).allSatisfy(r -> {
            assertThat(r.rule()).isEqualTo("SCD-2");
            assertThat(r.reason()).contains("130 points", "720", "590");
        });
    }
}
