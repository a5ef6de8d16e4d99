package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Language;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine shared by eight threads, as {@code risk eval} and a lending service use it, under everything
 * that could make threads interfere: three contexts (different signals, outages and languages) in turns, single
 * evaluations and batches of every size interleaved, and borrowers whose rules loop, explode or throw among
 * them. Every borrower must get exactly what one thread, deciding borrower by borrower, gives it.
 * ({@link ConcurrencyTest} is the plain case: four threads, one context.)
 */
@DisplayName("Eight threads sharing one engine decide exactly as one thread")
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LargeConcurrencyTest {

    private static final int BORROWERS = 5_000;

    private static final List<EvaluationContext> CONTEXTS = List.of(
            new EvaluationContext(Signals.AS_OF, List.of(Signals.p2pLendingBan(), Signals.downturn("CN-GD", Severity.HIGH),
                    Signals.septemberUpgradeOutage()), Language.EN),
            new EvaluationContext(Signals.AS_OF, List.of(Signals.downturn("CN", Severity.SEVERE),
                    new io.github.creditrisk.ServiceOutage("OUT-X", Signals.AS_OF.minusDays(40), Signals.AS_OF.minusDays(29),
                            null)), Language.ZH),
            new EvaluationContext(Signals.AS_OF.minusDays(200), Generated.signals().sample(), Language.EN));

    /** Borrowers to decide together, against one context, alone or as a batch. */
    private record Job(List<BorrowerProfile> borrowers, EvaluationContext context, boolean batch) {
    }

    @Test
    void everyBorrowerGetsWhatOneThreadGivesIt() throws Exception {
        Random random = new Random(20261101);
        List<BorrowerProfile> borrowers = new ArrayList<>();
        int n = 0;
        for (BorrowerProfile b : Generated.borrowers().sampleStream().limit(BORROWERS).toList()) {
            borrowers.add(b.toBuilder().id("C-" + n++).build());
            if (n % 1000 == 0) {
                // Rules that go wrong, among the others: one that throws (in batches too), and one that loops,
                // one that explodes (alone: see BatchLikeOneByOneTest for why not in a batch).
                borrowers.add(HostileRules.victim("THROW-" + n, HostileRules.THROW, 0));
                borrowers.add(HostileRules.victim("LOOP-" + n, HostileRules.LOOP, 0));
                borrowers.add(HostileRules.victim("PAIRS-" + n, HostileRules.PAIRS, 120));
            }
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < borrowers.size(); ) {
            boolean batch = random.nextInt(3) > 0;
            int size = batch ? 1 + random.nextInt(random.nextInt(8) == 0 ? 400 : 40) : 1;
            List<BorrowerProfile> members = new ArrayList<>(borrowers.subList(i, Math.min(borrowers.size(), i + size)));
            i += members.size();
            if (batch && members.stream().anyMatch(b -> b.id().startsWith("LOOP") || b.id().startsWith("PAIRS"))) {
                for (BorrowerProfile b : members) {
                    jobs.add(new Job(List.of(b), CONTEXTS.get(random.nextInt(3)), false));
                }
            } else {
                jobs.add(new Job(members, CONTEXTS.get(random.nextInt(3)), batch));
            }
        }

        // One thread, borrower by borrower.
        Map<String, String> alone = new TreeMap<>();
        for (Job job : jobs) {
            for (BorrowerProfile b : job.borrowers()) {
                alone.put(b.id(), decideAlone(b, job.context()));
            }
        }

        // Eight threads, jobs in another order.
        List<Job> shuffled = new ArrayList<>(jobs);
        Collections.shuffle(shuffled, random);
        Map<String, String> shared = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Job job : shuffled) {
                done.add(pool.submit(() -> {
                    if (job.batch()) {
                        List<Evaluation> results = HostileRules.ENGINE.evaluateAll(job.borrowers(), job.context());
                        for (Evaluation e : results) {
                            shared.put(e.borrowerId(), e instanceof Evaluation.Decided d ? HostileRules.content(d.decision())
                                    : "FAILED " + e.borrowerId());
                        }
                    } else {
                        BorrowerProfile b = job.borrowers().get(0);
                        shared.put(b.id(), decideAlone(b, job.context()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new TreeMap<>(shared)).isEqualTo(alone);
        assertThat(alone.values()).filteredOn(v -> v.startsWith("FAILED")).hasSize(3 * (BORROWERS / 1000));
    }

    private static String decideAlone(BorrowerProfile b, EvaluationContext context) {
        try {
            return HostileRules.content(HostileRules.ENGINE.evaluate(b, context));
        } catch (EvaluationException e) {
            return "FAILED " + b.id();
        }
    }
}
