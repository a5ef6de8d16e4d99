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
    private final boolean isolatesBorrowers;

    CompiledRuleSet(KieBase kieBase, Runnable release, RuleSetInfo info, MessageCatalog catalog,
                    Map<String, RuleSetCompiler.RuleMeta> rules, boolean isolatesBorrowers) {
        this.kieBase = kieBase;
        this.release = release;
        this.info = info;
        this.catalog = catalog;
        this.rules = Map.copyOf(rules);
        this.isolatesBorrowers = isolatesBorrowers;
    }

    /**
     * Whether the rules are proven ({@link BorrowerIsolation}) to decide each borrower from that borrower's facts
     * and the shared signals alone, so that many borrowers can be decided in one session.
     */
    public boolean isolatesBorrowers() {
        return isolatesBorrowers;
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
