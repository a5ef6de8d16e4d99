package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Severity;

import java.util.Arrays;
import java.util.List;

/**
 * Measures, in a fresh JVM, what a build mode costs: compiling (or, {@code precompiled}, loading) the bundled
 * rules, the first decision, and the median steady-state decision. Not a test; run it once per mode
 * ({@code precompiled}, {@code executable-model}), in separate JVMs:
 *
 * <pre>
 * cd risk-drools && mvn -q exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.creditrisk.drools.BuildModeProbe -Dexec.args=executable-model
 * </pre>
 */
public final class BuildModeProbe {

    private BuildModeProbe() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "executable-model";
        List<BorrowerProfile> borrowers = Generated.borrowers().sampleStream().limit(2000).toList();
        long t0 = System.nanoTime();
        // "precompiled" is the default: the bundled rules as compiled at build time
        DroolsRiskEngine engine = DroolsRiskEngine.create(mode.equals("precompiled") ? EngineSettings.defaults()
                : EngineSettings.defaults().withOption(DroolsRiskEngine.BUILD_OPTION, mode));
        long built = System.nanoTime();
        EvaluationContext context = EvaluationContext.of(Signals.AS_OF, List.of(Signals.p2pLendingBan(),
                Signals.downturn("CN-GD", Severity.HIGH), Signals.septemberUpgradeOutage()));
        engine.evaluate(borrowers.get(0), context);
        long first = System.nanoTime();
        for (int round = 0; round < 10; round++) {
            borrowers.forEach(b -> engine.evaluate(b, context));
        }
        long[] rounds = new long[10];
        for (int round = 0; round < rounds.length; round++) {
            long s = System.nanoTime();
            borrowers.forEach(b -> engine.evaluate(b, context));
            rounds[round] = (System.nanoTime() - s) / borrowers.size();
        }
        Arrays.sort(rounds);
        System.out.printf("%s: compile %d ms, first decision %.1f ms, steady median %.1f us/decision%n", mode,
                (built - t0) / 1_000_000, (first - built) / 1e6, rounds[rounds.length / 2] / 1e3);
        engine.close();
    }
}
