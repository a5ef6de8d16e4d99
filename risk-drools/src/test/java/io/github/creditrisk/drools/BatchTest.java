package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Deciding a batch")
class BatchTest {

    @Test
    void aBatchDecidesExactlyAsBorrowerByBorrower() {
        List<BorrowerProfile> borrowers = Generated.borrowers().sampleStream().limit(5000)
                .map(b -> b.toBuilder().id("G-" + System.identityHashCode(b) + "-" + b.id()).build()).toList();
        List<Signal> signals = List.of(Signals.p2pLendingBan(), Signals.downturn("CN-GD", Severity.SEVERE),
                Signals.downturn("CN-ZJ", Severity.MEDIUM), Signals.septemberUpgradeOutage());
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, signals);

        List<Evaluation> batch = Engines.BUNDLED.evaluateAll(borrowers, context);

        assertThat(batch).hasSize(borrowers.size());
        for (int i = 0; i < borrowers.size(); i++) {
            Decision one = Engines.BUNDLED.evaluate(borrowers.get(i), context);
            assertThat(batch.get(i)).isEqualTo(new Evaluation.Decided(one));
        }
    }

    @Test
    void aRepeatedIdIsRejectedInItsPlaceAndTheFirstIsDecided() {
        List<BorrowerProfile> borrowers = new ArrayList<>(List.of(Borrowers.ordinary().id("A").build(),
                Borrowers.overdueBy(45).toBuilder().id("B").build(), Borrowers.ordinary().id("A").build()));

        List<Evaluation> results = Engines.BUNDLED.evaluateAll(borrowers, EvaluationContext.of(Signals.AS_OF));

        assertThat(results.get(0)).isInstanceOf(Evaluation.Decided.class);
        assertThat(results.get(1)).isInstanceOf(Evaluation.Decided.class);
        assertThat(results.get(2)).isInstanceOfSatisfying(Evaluation.Failed.class,
                f -> assertThat(f.error()).contains("'A' appears more than once"));
    }
}
