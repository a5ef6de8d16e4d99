package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RuleSetInfo;
import org.kie.api.KieBase;

import java.util.Map;

/**
 * A compiled, immutable rule set: the knowledge base, what it is made of, and its sentences. Thread-safe:
 * sessions are created from it concurrently.
 */
public final class CompiledRuleSet implements AutoCloseable {

    private final KieBase kieBase;
    /** Releases what the knowledge base was built with (its container), if anything. */
    private final Runnable release;
    private final RuleSetInfo info;
    private final MessageCatalog catalog;
    private final Map<String, RuleSetCompiler.RuleMeta> rules;

    CompiledRuleSet(KieBase kieBase, Runnable release, RuleSetInfo info, MessageCatalog catalog,
                    Map<String, RuleSetCompiler.RuleMeta> rules) {
        this.kieBase = kieBase;
        this.release = release;
        this.info = info;
        this.catalog = catalog;
        this.rules = Map.copyOf(rules);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public RuleSetInfo info() {
        return info;
    }

    public MessageCatalog catalog() {
        return catalog;
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
