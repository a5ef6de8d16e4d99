package io.github.creditrisk.drools.internal;

import io.github.creditrisk.drools.facts.Borrower;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.TerminalNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What rules/README promises analysts: the same first conditions, written the same way, are checked once for
 * all the rules that share them. Checked on the knowledge base the bundled rules are loaded into.
 */
class SharedConditionsTest {

    @Test
    void overborrowingRulesShareTheirFirstChecks() {
        CompiledRuleSet rules = PrecompiledRules.load(RuleSetSource.bundled())
                .orElseGet(() -> RuleSetCompiler.compile(RuleSetSource.bundled()));
        ObjectTypeNode borrowers = ((InternalRuleBase) rules.kieBase()).getRete().getObjectTypeNodes().stream()
                .filter(n -> n.getObjectType().isAssignableFrom(Borrower.class)
                        && n.getObjectType().getClassName().equals(Borrower.class.getName()))
                .findFirst().orElseThrow();

        // every check (alpha node) under the Borrower type, with the rules reached through it
        List<String> checks = new ArrayList<>();
        walk(borrowers, checks);

        assertThat(checks).anySatisfy(c -> assertThat(c).contains("dtiCeiling").doesNotContain("dtiFarAboveMargin")
                .contains("OVB-1").contains("OVB-2"));
        // and no second copy of that check for OVB-2 alone
        assertThat(checks).noneSatisfy(c -> assertThat(c).contains("dtiCeiling").doesNotContain("dtiFarAboveMargin")
                .contains("OVB-2").doesNotContain("OVB-1"));
    }

    private static void walk(ObjectSource source, List<String> checks) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                checks.add(alpha.getConstraint() + " -> " + rulesBelow(alpha));
                walk(alpha, checks);
            }
        }
    }

    private static Set<String> rulesBelow(Object node) {
        Set<String> rules = new TreeSet<>();
        if (node instanceof TerminalNode terminal) {
            rules.add(terminal.getRule().getName().split(" ")[0]);
        }
        if (node instanceof ObjectSource source) {
            for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
                rules.addAll(rulesBelow(sink));
            }
        }
        if (node instanceof LeftTupleSource source) {
            for (LeftTupleSink sink : source.getSinkPropagator().getSinks()) {
                rules.addAll(rulesBelow(sink));
            }
        }
        return rules;
    }
}
