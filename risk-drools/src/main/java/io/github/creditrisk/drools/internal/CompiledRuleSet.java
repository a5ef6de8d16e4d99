package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RuleSetInfo;
import org.kie.api.KieBase;

import java.util.Map;
import java.util.Optional;

/**
 * A compiled, immutable rule set: the knowledge base, what it is made of, and its sentences. Thread-safe:
 * sessions are created from it concurrently.
 *
 * @param release        releases what the knowledge base was built with (its container), if anything
 * @param rules          what the engine knows of each rule, by rule name
 * @param isolationDoubt why the rules are not proven ({@link BorrowerIsolation}) to decide each borrower from
 *                       that borrower's facts and the shared signals alone; empty when they are
 */
public record CompiledRuleSet(KieBase kieBase, Runnable release, RuleSetInfo info, MessageCatalog catalog,
                              Map<String, RuleSetCompiler.RuleMeta> rules, Optional<String> isolationDoubt)
        implements AutoCloseable {

    public CompiledRuleSet {
        rules = Map.copyOf(rules);
    }

    /** Whether the rules are proven to keep borrowers apart, so that many can be decided in one session. */
    public boolean isolatesBorrowers() {
        return isolationDoubt.isEmpty();
    }

    /** The rule called {@code name}; {@code null} when the rule set has none. */
    public RuleSetCompiler.RuleMeta rule(String name) {
        return rules.get(name);
    }

    @Override
    public void close() {
        release.run();
    }
}
