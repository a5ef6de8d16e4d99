package io.github.creditrisk.testkit;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A verdict compared with an engine's decision")
class VerdictTest {

    private static final BigDecimal LIMIT = new BigDecimal("50000");

    private static Decision decision(Restriction... restrictions) {
        return Decision.of("B-1", LIMIT, List.of(restrictions), List.of(), (o, before, after, r, e) -> "notice",
                "v1");
    }

    private static Restriction cut(String family, int percent) {
        return new Restriction(RestrictionType.REDUCE_LIMIT, family, "X-1", "X_CUT", percent, "a reason",
                List.of(Remedy.APPEAL), Map.of());
    }

    @Test
    void aDecisionWithTheSameRestrictionsAgrees() {
        Verdict v = Verdict.of(LIMIT, Set.of(ReferenceRestriction.OVERBORROWING_REDUCE_LIMIT_30), 0);

        assertThat(v.differencesFrom(decision(cut("OVERBORROWING", 30)))).isEmpty();
        assertThat(Verdict.describe(decision(cut("OVERBORROWING", 30)))).isEqualTo(v.described());
    }

    @Test
    void eachDifferenceIsASentence() {
        Verdict v = Verdict.of(LIMIT, Set.of(ReferenceRestriction.OVERBORROWING_REDUCE_LIMIT_30), 1);

        assertThat(v.differencesFrom(decision(cut("OVERBORROWING", 35)))).containsExactly(
                "the reference imposes OVERBORROWING REDUCE_LIMIT 30, the decision does not",
                "the decision imposes OVERBORROWING REDUCE_LIMIT 35, the reference does not",
                "the recommended limit is 32500, the reference's 35000",
                "the decision grants 0 exemptions, the reference 1");
        assertThat(Verdict.of(LIMIT, Set.of(), 0).differencesFrom(decision(cut("OVERBORROWING", 30))))
                .contains("the outcome is RESTRICT, the reference's APPROVE");
    }

    @Test
    void theLimitIsComparedByValueWhateverItsScale() {
        Verdict v = new Verdict(Outcome.APPROVE, new BigDecimal("50000.00"), Set.of(), 0);

        assertThat(v.differencesFrom(decision())).isEmpty();
    }
}
