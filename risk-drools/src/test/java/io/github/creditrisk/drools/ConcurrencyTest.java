package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("One engine shared between threads")
class ConcurrencyTest {

    @Test
    void manyThreadsGiveExactlyTheDecisionsOneThreadGives() throws Exception {
        List<BorrowerProfile> borrowers = Generated.borrowers().sampleStream().limit(3000).toList();
        List<Signal> signals = List.of(Signals.p2pLendingBan(), Signals.downturn("CN-GD", Severity.HIGH),
                Signals.downturn("CN-ZJ-HZ", Severity.SEVERE), Signals.septemberUpgradeOutage());
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, signals);
        List<Decision> sequential = borrowers.stream().map(b -> Engines.BUNDLED.evaluate(b, context)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (BorrowerProfile b : borrowers) {
                // A fresh but equal context per call also exercises the engine's signal-index cache.
                futures.add(pool.submit(() -> Engines.BUNDLED.evaluate(b,
                        EvaluationContext.of(Signals.AS_OF, List.copyOf(signals)))));
            }
            List<Decision> concurrent = new ArrayList<>();
            for (Future<Decision> f : futures) {
                concurrent.add(f.get());
            }

            assertThat(concurrent).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
    }
}
