package io.github.creditrisk.drools;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;
import io.github.creditrisk.testkit.PolicyThresholds;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recourse follows the rules in force with no code change: in a copy of the bundled rules with the ordinary
 * segment's ceiling moved from 0.50 to 0.45, the days overdue that block new borrowing moved from 30 to 60 and the
 * score drop that freezes the line moved from 50 to 40, and in a copy with a rule added over the credit score.
 */
@Label("Recourse with changed rules")
class RecourseWithChangedRulesTest {

    /** The thresholds of the moved copy, for the reference policy. */
    static final PolicyThresholds MOVED = PolicyThresholds.REFERENCE
            .withDtiCeiling(Segment.ORDINARY, "0.45")
            .withOverdueDaysForBlock(60)
            .withScoreDropForFreeze(40);

    private static final DroolsRiskEngine moved = compile(RecourseWithChangedRulesTest::moveThresholds);
    private static final DroolsRiskEngine added = compile(RecourseWithChangedRulesTest::addRule);

    /** An engine of a copy of the bundled rules changed by {@code change}; the copy is deleted once compiled. */
    private static DroolsRiskEngine compile(java.util.function.Consumer<Path> change) {
        try {
            Path dir = Files.createTempDirectory("changed-rules");
            try {
                RuleDirs.copyBundledRulesTo(dir);
                change.accept(dir);
                return DroolsRiskEngine.fromDirectory(dir);
            } finally {
                RuleDirs.delete(dir);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void moveThresholds(Path dir) {
        try {
            Path parameters = dir.resolve("parameters.drl");
            String text = Files.readString(parameters);
            String changed = text
                    .replace("case ORDINARY:             return new BigDecimal(\"0.50\");",
                            "case ORDINARY:             return new BigDecimal(\"0.45\");")
                    .replace("function int overdueDaysForBlock() { return 30; }",
                            "function int overdueDaysForBlock() { return 60; }")
                    .replace("function int scoreDropForFreeze() { return 50; }",
                            "function int scoreDropForFreeze() { return 40; }");
            assertThat(changed).as("the three thresholds were found and moved")
                    .contains("0.45\")", "return 60;", "return 40;");
            Files.writeString(parameters, changed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void addRule(Path dir) {
        try {
            Files.writeString(dir.resolve("low-score.drl"), """
                    package policy;

                    import io.github.creditrisk.drools.facts.Borrower;
                    import io.github.creditrisk.drools.facts.Restrict;

                    rule "LOW-1 Credit score below 560: freeze the line"
                        @family("LOW_SCORE")
                    when
                        $b : Borrower( creditScore < 560 )
                    then
                        insertLogical( Restrict.freezeLimit( $b, "LOW_SCORE" ).with( "score", $b.getCreditScore() ) );
                    end
                    """);
            for (String lang : List.of("en", "zh")) {
                Path messages = dir.resolve("messages_" + lang + ".properties");
                Files.writeString(messages, Files.readString(messages) + "\nreason.LOW_SCORE = "
                        + (lang.equals("en") ? "Your credit score of {score} is below 560." : "您的信用评分{score}低于560分。")
                        + "\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The reference policy with the added rule: a score below 560 freezes the line (family LOW_SCORE). */
    private static final RecourseChecks.Oracle WITH_ADDED_RULE = (b, c) -> {
        Set<String> keys = new HashSet<>(RecourseChecks.REFERENCE.apply(b, c));
        if (b.creditScore() < 560) {
            keys.add("LOW_SCORE/" + RestrictionType.FREEZE_LIMIT);
        }
        return keys;
    };

    @Provide
    Arbitrary<BorrowerProfile> borrowers() {
        return Generated.borrowers();
    }

    @Provide
    Arbitrary<List<Signal>> signals() {
        return Generated.signals().map(RecourseProperties::named);
    }

    @Property(tries = 250)
    @Label("with thresholds moved, every way holds against the reference policy with the same moves")
    void movedThresholds(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        EvaluationContext context = new EvaluationContext(Generated.AS_OF, s, Language.EN, true);

        RecourseChecks.assertRecourseHolds(moved.evaluate(b, context), b, context, RecourseChecks.reference(MOVED));
    }

    @Property(tries = 250)
    @Label("with a rule added, every way holds against the reference policy plus that rule")
    void addedRule(@ForAll("borrowers") BorrowerProfile b, @ForAll("signals") List<Signal> s) {
        EvaluationContext context = new EvaluationContext(Generated.AS_OF, s, Language.EN, true);

        RecourseChecks.assertRecourseHolds(added.evaluate(b, context), b, context, WITH_ADDED_RULE);
    }

    private static List<Action> single(Decision d, String family, RestrictionType type, Action.Kind kind) {
        Restriction r = d.restrictions().stream().filter(x -> x.family().equals(family) && x.type() == type)
                .findFirst().orElseThrow();
        return r.lift().stream().map(Way::actions).filter(a -> a.size() == 1 && a.get(0).kind() == kind)
                .findFirst().orElseThrow();
    }

    @Test
    void movingTheCeilingMovesTheTargets() {
        // repayments of 5,600 on an income of 10,000: 56%, above both ceilings
        BorrowerProfile b = Borrowers.ordinary().loans(List.of(Loan.of("Home Bank", "50000", "5600"))).build();
        EvaluationContext context = new EvaluationContext(Signals.AS_OF, List.of(), Language.EN, true);

        Decision bundled = Engines.BUNDLED.evaluate(b, context);
        Decision changed = moved.evaluate(b, context);

        assertThat(single(bundled, "OVERBORROWING", RestrictionType.REDUCE_LIMIT, Action.Kind.LOWER_REPAYMENTS))
                .containsExactly(new Action.LowerRepayments(new BigDecimal("5000")));
        assertThat(single(changed, "OVERBORROWING", RestrictionType.REDUCE_LIMIT, Action.Kind.LOWER_REPAYMENTS))
                .containsExactly(new Action.LowerRepayments(new BigDecimal("4500")));
        assertThat(single(bundled, "OVERBORROWING", RestrictionType.REDUCE_LIMIT, Action.Kind.RAISE_VERIFIED_INCOME))
                .containsExactly(new Action.RaiseVerifiedIncome(new BigDecimal("11200")));
        // 5,600 / 0.45 = 12,444.4…: the first whole income at which 5,600 is not above 45% is 12,445
        assertThat(single(changed, "OVERBORROWING", RestrictionType.REDUCE_LIMIT, Action.Kind.RAISE_VERIFIED_INCOME))
                .containsExactly(new Action.RaiseVerifiedIncome(new BigDecimal("12445")));
    }

    @Test
    void movingTheDayCountMovesWhichArrearsToClear() {
        // 45 days overdue with one lender, 70 with another
        BorrowerProfile b = Borrowers.ordinary().loans(List.of(
                Loan.of("Quick Loans", "5000", "300").overdueBy(45),
                Loan.of("Star Loans", "4000", "200").overdueBy(70))).build();
        EvaluationContext context = new EvaluationContext(Signals.AS_OF, List.of(), Language.EN, true);

        assertThat(single(Engines.BUNDLED.evaluate(b, context), "DELINQUENCY", RestrictionType.BLOCK_NEW_BORROWING,
                Action.Kind.CLEAR_ARREARS))
                .containsExactly(new Action.ClearArrears(List.of("Quick Loans", "Star Loans")));
        assertThat(single(moved.evaluate(b, context), "DELINQUENCY", RestrictionType.BLOCK_NEW_BORROWING,
                Action.Kind.CLEAR_ARREARS))
                .containsExactly(new Action.ClearArrears(List.of("Star Loans")));
    }

    @Test
    void anAddedRuleGetsItsOwnWays() {
        BorrowerProfile b = Borrowers.ordinary().creditScore(530).build();
        EvaluationContext context = new EvaluationContext(Signals.AS_OF, List.of(), Language.EN, true);

        assertThat(single(added.evaluate(b, context), "LOW_SCORE", RestrictionType.FREEZE_LIMIT,
                Action.Kind.RECOVER_SCORE)).containsExactly(new Action.RecoverScore(560));
    }
}
