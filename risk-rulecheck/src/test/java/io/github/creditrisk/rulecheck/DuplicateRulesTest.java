package io.github.creditrisk.rulecheck;

import io.github.creditrisk.RuleError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Finding rules defined twice (DrlCheck)")
class DuplicateRulesTest {

    @Test
    void rulesInCommentsAndNamesThatMerelyContainAnotherAreNotDefinitions() {
        Map<String, String> drl = Map.of("a.drl", """
                rule "ABC-1 One // not a comment" when then
                end
                // rule "ABC-1 One // not a comment"
                /*
                rule "ABC-1 One // not a comment"
                */
                rule "ABC-1 One" when then
                end
                """);

        assertThat(DrlCheck.check(ParsedDrl.parse(drl))).isEmpty();
    }

    @Test
    void aQuotedAndAnUnquotedNameAreTheSameRule() {
        Map<String, String> drl = Map.of("b.drl", "rule Plain when then\nend\n", "a.drl",
                "\n  rule \"Plain\" extends X when then\nend\n");

        assertThat(DrlCheck.check(ParsedDrl.parse(drl))).containsExactly(new RuleError("b.drl", 1,
                "rule \"Plain\" is defined twice: here and at a.drl:2; rule names must be unique"));
    }

    @Test
    void everyExtraDefinitionIsReportedAgainstTheFirst() {
        Map<String, String> drl = Map.of("a.drl", "rule 'X-1 Thrice' when then\nend\nrule \"X-1 Thrice\" when then\nend\n",
                "b.drl", "rule \"X-1 Thrice\" when then\nend\n");

        assertThat(DrlCheck.check(ParsedDrl.parse(drl))).extracting(RuleError::toString).containsExactly(
                "a.drl:3: rule \"X-1 Thrice\" is defined 3 times: here and at a.drl:1; rule names must be unique",
                "b.drl:1: rule \"X-1 Thrice\" is defined 3 times: here and at a.drl:1; rule names must be unique");
    }
}
