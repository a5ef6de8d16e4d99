package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine rather than of the policy: a decision does not depend on what the engine decided
 * before (sessions are pooled and reused, contexts switch, rules fail and are stopped in between), nor on
 * the language it is written in; and repayment is never restricted. Determinism for the same inputs and the
 * promises on each decision are {@link PolicyProperties}; monotonicity is {@link MonotonicityProperties}.
 */
@Label("The engine's invariants over generated borrowers and signals")
class EngineInvariantProperties extends GeneratedInputs {

    /** What the engine may have been doing before: other borrowers, other signals, rules that went wrong. */
    @Provide
    Arbitrary<List<Runnable>> histories() {
        Arbitrary<Runnable> ordinary = net.jqwik.api.Combinators.combine(Generated.borrowers(), Generated.signals(),
                Arbitraries.of(Language.class)).as((b, s, l) -> () -> HostileRules.ENGINE.evaluate(b,
                new EvaluationContext(Generated.AS_OF, s, l)));
        Arbitrary<Runnable> failing = Arbitraries.of(HostileRules.LOOP, HostileRules.THROW, HostileRules.PAIRS,
                HostileRules.GROW).map(marker -> () -> {
                    try {
                        HostileRules.ENGINE.evaluate(HostileRules.victim("V-" + marker, marker, 120),
                                EvaluationContext.of(Generated.AS_OF, List.of(Signals.septemberUpgradeOutage())));
                    } catch (EvaluationException expected) {
                        // the point is what it leaves behind
                    }
                });
        Arbitrary<Runnable> batch = Generated.borrowers().list().ofMinSize(1).ofMaxSize(20)
                .map(list -> () -> HostileRules.ENGINE.evaluateAll(list.stream().distinct().toList(),
                        EvaluationContext.of(Generated.AS_OF, List.of(Signals.p2pLendingBan()))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, ordinary), net.jqwik.api.Tuple.of(1, failing),
                net.jqwik.api.Tuple.of(2, batch)).list().ofMaxSize(4);
    }

    @Property(tries = 80)
    @Label("a decision does not depend on what the engine decided before")
    void aDecisionDoesNotDependOnWhatCameBefore(@ForAll("borrowers") BorrowerProfile b,
                                                @ForAll("signals") List<Signal> s,
                                                @ForAll("histories") List<Runnable> history) {
        EvaluationContext context = EvaluationContext.of(Generated.AS_OF, s);
        Decision first = HostileRules.ENGINE.evaluate(b, context);

        history.forEach(Runnable::run);

        assertThat(HostileRules.ENGINE.evaluate(b, context)).isEqualTo(first);
        // And the rules that go wrong for others change nothing for this borrower: as the bundled rules decide.
        assertThat(HostileRules.content(first)).isEqualTo(HostileRules.content(Engines.BUNDLED.evaluate(b, context)));
    }

    @Property(tries = 300)
    @Label("the language changes the words, never the decision")
    void theLanguageChangesOnlyTheWords(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        Decision en = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, s, Language.EN));
        Decision zh = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, s, Language.ZH));

        assertThat(zh.outcome()).isEqualTo(en.outcome());
        assertThat(zh.recommendedLimit()).isEqualTo(en.recommendedLimit());
        assertThat(zh.restrictions()).extracting(EngineInvariantProperties::withoutWords)
                .isEqualTo(en.restrictions().stream().map(EngineInvariantProperties::withoutWords).toList());
        assertThat(zh.exemptions()).extracting(EngineInvariantProperties::withoutWords)
                .isEqualTo(en.exemptions().stream().map(EngineInvariantProperties::withoutWords).toList());
    }

    /**
     * A restriction without its sentence. Its evidence is left out too: when two findings merge into one
     * (two bans on one sector), which one is kept depends on the language (see
     * {@link #twoBansOnOneSectorAreCitedAlikeInEveryLanguage}).
     */
    private static String withoutWords(Restriction r) {
        return r.type() + " " + r.family() + " " + r.rule() + " " + r.reasonCode() + " " + r.reductionPercent() + " "
                + r.remedies();
    }

    private static String withoutWords(Exemption e) {
        return e.family() + " " + e.rule() + " " + e.reasonCode() + " " + e.remedies() + " " + e.evidence();
    }


    @Example
    @Label("two bans on one sector: every language cites the same one")
    void twoBansOnOneSectorAreCitedAlikeInEveryLanguage() {
        BorrowerProfile b = Borrowers.ordinary().sector("P2P_LENDING").build();
        List<Signal> bans = List.of(
                new io.github.creditrisk.SectorBan(null, "P2P_LENDING", "Notice A", Generated.AS_OF.minusDays(30), null),
                new io.github.creditrisk.SectorBan(null, "P2P_LENDING", "Notice B", Generated.AS_OF.minusDays(400), null));

        Decision en = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, bans, Language.EN));
        Decision zh = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, bans, Language.ZH));

        assertThat(zh.restrictions()).extracting(Restriction::evidence)
                .isEqualTo(en.restrictions().stream().map(Restriction::evidence).toList());
    }

    @Example
    @Label("two loans excused by one outage: every language lists their exemptions in the same order")
    void exemptionsAreListedAlikeInEveryLanguage() {
        // The sentences differ in their dates only, which sort apart: "12 September" before "3 October" in
        // English, "2026年10月3日" before "2026年9月12日" in Chinese (found by the property above)
        LocalDate september = LocalDate.of(2026, 9, 12);
        LocalDate october = LocalDate.of(2026, 10, 3);
        BorrowerProfile b = Borrowers.ordinary().loans(List.of(
                io.github.creditrisk.Loan.of("Quick Loans", "5000", "500")
                        .overdueBy((int) ChronoUnit.DAYS.between(september, Generated.AS_OF)),
                io.github.creditrisk.Loan.of("Quick Loans", "5000", "500")
                        .overdueBy((int) ChronoUnit.DAYS.between(october, Generated.AS_OF)))).build();
        List<Signal> outage = List.of(new io.github.creditrisk.ServiceOutage(null, september.minusDays(1),
                october.plusDays(1), null));

        Decision en = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, outage, Language.EN));
        Decision zh = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, outage, Language.ZH));

        assertThat(en.exemptions()).hasSize(2);
        assertThat(zh.exemptions()).extracting(Exemption::evidence)
                .isEqualTo(en.exemptions().stream().map(Exemption::evidence).toList());
    }

    @Example
    @Label("no restriction type exists that could stop a borrower from repaying")
    void noRestrictionTypeStopsRepayment() {
        assertThat(EnumSet.allOf(RestrictionType.class)).containsExactlyInAnyOrder(
                RestrictionType.BLOCK_NEW_BORROWING, RestrictionType.REDUCE_LIMIT, RestrictionType.FREEZE_LIMIT,
                RestrictionType.MANUAL_REVIEW);
    }

    @Property(tries = 500)
    @Label("every decision that restricts or reviews tells the customer, in their language, that they can repay as usual")
    void repaymentIsNeverRestricted(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s,
                                    @ForAll Language language) {
        Decision d = Engines.BUNDLED.evaluate(b, new EvaluationContext(Generated.AS_OF, s, language));

        if (d.outcome() != Outcome.APPROVE) {
            assertThat(d.notice()).contains(language == Language.EN ? "repay as usual" : "照常还款");
        }
        for (Restriction r : d.restrictions()) {
            if (r.type() == RestrictionType.BLOCK_NEW_BORROWING) {
                assertThat(r.reason()).contains(language == Language.EN ? "repayments are not affected" : "还款不受影响");
            }
        }
    }
}
