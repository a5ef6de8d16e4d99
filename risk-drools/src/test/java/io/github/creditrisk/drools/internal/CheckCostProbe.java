package io.github.creditrisk.drools.internal;

import io.github.creditrisk.rulecheck.CompiledRuleCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures what {@link CompiledRuleCheck} costs on the bundled rules as the build precompiled them: the first
 * check in a fresh JVM, and the median of 300 once warm. Not a test:
 *
 * <pre>
 * cd risk-drools && mvn -q exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.creditrisk.drools.internal.CheckCostProbe
 * </pre>
 */
public final class CheckCostProbe {

    private CheckCostProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/classes/META-INF/creditrisk/precompiled");
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                try {
                    classes.put(root.relativize(p).toString(), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            if (!CompiledRuleCheck.check(classes, RuleSetCompiler.FACT_MODEL).isEmpty()) {
                throw new AssertionError("the bundled rules should pass the check");
            }
            nanos[i] = System.nanoTime() - start;
        }
        long first = nanos[0];
        Arrays.sort(nanos);
        System.out.printf("%d classes, %d KB: first check %.0f ms, median of %d %.1f ms%n", classes.size(),
                classes.values().stream().mapToInt(b -> b.length).sum() / 1024, first / 1e6, nanos.length,
                nanos[nanos.length / 2] / 1e6);
    }
}
