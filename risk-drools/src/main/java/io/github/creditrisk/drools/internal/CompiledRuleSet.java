package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RuleSetInfo;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

import java.util.Map;

/**
 * A compiled, immutable rule set: the knowledge base, what it is made of, and its sentences. Thread-safe:
 * sessions are created from it concurrently.
 */
public final class CompiledRuleSet implements AutoCloseable {

    private final KieBase kieBase;
    private final KieContainer container;
    private final RuleSetInfo info;
    private final MessageCatalog catalog;
    private final Map<String, RuleSetCompiler.RuleMeta> rules;

    CompiledRuleSet(KieBase kieBase, KieContainer container, RuleSetInfo info, MessageCatalog catalog,
                    Map<String, RuleSetCompiler.RuleMeta> rules) {
        this.kieBase = kieBase;
        this.container = container;
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
        container.dispose();
    }
}
