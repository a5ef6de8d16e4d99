package io.github.creditrisk.cli;

import io.github.creditrisk.RiskEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk eval starts loading the bundled rules as the process starts")
class BundledRulesPrefetchTest {

    @Test
    void onlyEvalOnTheBundledRulesIsPrefetched() {
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--as-of", "2026-11-01", "p.jsonl"))).isTrue();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--rules", "dir", "p.jsonl"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--rules=dir", "p.jsonl"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--help"))).isFalse();
        // other settings build their own engine: a prefetched one would be loaded for nothing
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--time-budget", "1s", "p.jsonl"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("eval", "--fire-limit=50", "p.jsonl"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("check"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of("generate", "eval"))).isFalse();
        assertThat(BundledRulesPrefetch.needsBundledRules(List.of())).isFalse();
    }

    @Test
    void thePrefetchedEngineIsHandedOutOnceThenEachRequestLoadsItsOwn() {
        BundledRulesPrefetch.startFor(new String[] {"eval", "p.jsonl"});

        try (RiskEngine first = BundledRulesPrefetch.bundled();
             RiskEngine second = BundledRulesPrefetch.bundled()) {
            assertThat(first).isNotSameAs(second);
            assertThat(first.ruleSet()).isEqualTo(second.ruleSet());
        }
    }
}
