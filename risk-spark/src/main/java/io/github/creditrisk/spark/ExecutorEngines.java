package io.github.creditrisk.spark;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.RiskException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One engine per rule set per JVM: the first partition an executor decides with a rule set compiles it (or
 * loads the bundled rules precompiled), and every later partition, of any job in that JVM, reuses it. In the
 * driver's JVM the engine that {@link RuleFiles#fromDirectory} compiled to check the rules is the one kept. Engines
 * are thread-safe, so the executor's task threads share it. Thread-safe.
 */
final class ExecutorEngines {

    private static final Map<RuleFiles, RiskEngine> ENGINES = new ConcurrentHashMap<>();

    private ExecutorEngines() {
    }

    static RiskEngine engineFor(RuleFiles rules) {
        return ENGINES.computeIfAbsent(rules, ExecutorEngines::compile);
    }

    /** Keeps {@code engine}, compiled from {@code rules} in this JVM, for them; closes it when one is kept already. */
    static void remember(RuleFiles rules, RiskEngine engine) {
        if (ENGINES.putIfAbsent(rules, engine) != null) {
            engine.close();
        }
    }

    private static RiskEngine compile(RuleFiles rules) {
        ClassLoader loader = ExecutorEngines.class.getClassLoader();
        if (rules.isBundled()) {
            return RiskEngines.provider(null, loader).create(EngineSettings.defaults());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("risk-rules-");
            rules.writeTo(dir);
            RiskEngine engine = RiskEngines.provider(null, loader).create(EngineSettings.defaults().withRulesDirectory(dir));
            if (!engine.ruleSet().version().equals(rules.version())) {
                throw new RiskException("the rules compiled on this executor have version " + engine.ruleSet().version()
                        + ", not the driver's " + rules.version());
            }
            return engine;
        } catch (IOException e) {
            throw new RiskException("cannot write the rules on this executor: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
