package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Signal;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Label("The bundled rules over generated borrowers and signals")
class PolicyProperties extends GeneratedInputs {

    private static Decision decide(BorrowerProfile b, List<Signal> signals, Language language) {
        return Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, signals, language));
    }

    @Property(tries = 2000)
    @Label("the rules decide exactly as the reference policy of risk-testkit")
    void theRulesMatchTheReferencePolicy(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        Decision actual = decide(b, s, Language.EN);
        Verdict expected = ReferencePolicy.decide(b, EvaluationContext.of(Generated.AS_OF, s));

        assertThat(expected.differencesFrom(actual)).isEmpty();
    }

    @Property(tries = 500)
    @Label("the same inputs always give the same decision")
    void theSameInputsGiveTheSameDecision(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        Decision first = decide(b, s, Language.EN);
        List<Signal> reversed = new ArrayList<>(s);
        java.util.Collections.reverse(reversed);

        assertThat(decide(b, s, Language.EN)).isEqualTo(first);
        assertThat(decide(b.toBuilder().build(), List.copyOf(s), Language.EN)).isEqualTo(first);
        assertThat(decide(b, reversed, Language.EN).restrictions()).extracting(Restriction::reasonCode)
                .isEqualTo(first.restrictions().stream().map(Restriction::reasonCode).toList());
    }

    @Property(tries = 1000)
    @Label("every decision keeps the promises made to customers")
    void everyDecisionKeepsThePromises(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                                       @ForAll Language language) {
        Decision d = decide(b, s, language);

        assertThat(d.recommendedLimit()).isLessThanOrEqualTo(d.creditLimit());
        assertThat(d.recommendedLimit().signum()).isGreaterThanOrEqualTo(0);
        assertThat(d.outcome()).isEqualTo(Outcome.of(d.restrictions()));
        assertThat(d.notice()).isNotBlank();
        assertThat(d.restrictions()).allSatisfy(r -> {
            assertThat(r.reason()).isNotBlank().doesNotContain("{").doesNotContain("null");
            assertThat(r.remedies()).contains(Remedy.APPEAL);
            assertThat(r.reasonCode()).isNotBlank();
            assertThat(r.rule()).matches("[A-Z]+-[0-9A-Z]+");
        });
        assertThat(d.exemptions()).allSatisfy(e -> {
            assertThat(e.reason()).isNotBlank().doesNotContain("{");
            assertThat(e.remedies()).contains(Remedy.CREDIT_REPAIR);
        });
    }
}
