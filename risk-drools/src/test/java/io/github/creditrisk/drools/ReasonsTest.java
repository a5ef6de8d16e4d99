package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reasons and notices customers read")
class ReasonsTest {

    private static final List<Signal> SIGNALS = List.of(Signals.p2pLendingBan(),
            Signals.downturn("CN-GD", Severity.SEVERE), Signals.septemberUpgradeOutage());

    /** A borrower every family restricts, with one exempt overdue too. */
    private static BorrowerProfile troubled() {
        return Borrowers.smallBusinessOwner().sector("P2P_LENDING")
                .monthlyRevenue("100000", "100000", "100000", "20000")
                .previousCreditScore(760).creditScore(640)
                .loans(List.of(Loan.of("Home Bank", "90000", "7000").overdueBy(95),
                        Loan.of("Outage Bank", "1000", "100").overdueBy(35),
                        Loan.of("L3", "1", "1"), Loan.of("L4", "1", "1"), Loan.of("L5", "1", "1"),
                        Loan.of("L6", "1", "1")))
                .build();
    }

    private static Decision decide(Language language) {
        return Engines.BUNDLED.evaluate(troubled(), new EvaluationContext(Signals.AS_OF, SIGNALS, language));
    }

    @Test
    void everyFamilyExplainsItselfWithItsEvidenceInEnglish() {
        Decision decision = decide(Language.EN);

        assertThat(decision.restrictions()).extracting(Restriction::family).contains("OVERBORROWING",
                "REVENUE_DECLINE", "REGIONAL_DOWNTURN", "SECTOR_BAN", "SCORE_DROP", "DELINQUENCY");
        assertThat(reasonOf(decision, "SECTOR_BAN")).contains("Regulatory Notice 2026-7", "P2P_LENDING");
        assertThat(reasonOf(decision, "REGIONAL_DOWNTURN")).contains("CN-GD", "severe");
        assertThat(reasonOf(decision, "SCORE_DROP")).contains("120 points", "760", "640");
        assertThat(reasonOf(decision, "DELINQUENCY")).contains("Home Bank", "95 days");
        assertThat(reasonOf(decision, "REVENUE_DECLINE")).contains("20,000", "100,000", "60%");
        assertThat(reasonOf(decision, "OVERBORROWING")).contains("6 different lenders");
        assertThat(decision.restrictions()).filteredOn(r -> r.reasonCode().equals("OVB_DTI_ABOVE_CEILING"))
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("7,104", "10,000", "71.04%", "60%"));
        assertThat(decision.exemptions()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("Outage Bank", "27 September 2026"));
    }

    @Test
    void everyReasonAndTheNoticeAreWrittenInChineseWhenAsked() {
        Decision english = decide(Language.EN);
        Decision chinese = decide(Language.ZH);

        assertThat(chinese.restrictions()).hasSameSizeAs(english.restrictions()).allSatisfy(r ->
                assertThat(r.reason()).containsPattern("\\p{IsHan}{4}"));
        assertThat(reasonOf(chinese, "SECTOR_BAN")).contains("Regulatory Notice 2026-7", "监管要求");
        assertThat(reasonOf(chinese, "REGIONAL_DOWNTURN")).contains("CN-GD", "2026年1月1日", "严重");
        assertThat(chinese.exemptions().get(0).reason()).contains("征信修复");
        assertThat(chinese.notice()).contains("申诉").contains("25,000");
    }

    @Test
    void theLanguageChangesTheWordsButNotTheDecision() {
        Decision english = decide(Language.EN);
        Decision chinese = decide(Language.ZH);

        assertThat(chinese.outcome()).isEqualTo(english.outcome());
        assertThat(chinese.recommendedLimit()).isEqualTo(english.recommendedLimit());
        assertThat(chinese.restrictions()).extracting(Restriction::reasonCode)
                .isEqualTo(english.restrictions().stream().map(Restriction::reasonCode).toList());
        assertThat(chinese.restrictions()).extracting(Restriction::evidence)
                .isEqualTo(english.restrictions().stream().map(Restriction::evidence).toList());
    }

    @Test
    void theNoticeSummarisesTheChangeSaysRepaymentContinuesAndHowToAppeal() {
        Decision decision = decide(Language.EN);

        assertThat(decision.notice()).contains("from 50,000 to 25,000", "new borrowing is paused",
                "repay as usual", "appeal", "service outage");
    }

    @Test
    void anApprovedBorrowerIsToldTheLineContinues() {
        Decision decision = Engines.BUNDLED.evaluate(Borrowers.ordinary().build(),
                EvaluationContext.of(Signals.AS_OF));

        assertThat(decision.notice()).isEqualTo("Your credit line of 50,000 continues unchanged.");
    }

    private static String reasonOf(Decision decision, String family) {
        return decision.restrictions().stream().filter(r -> r.family().equals(family)).findFirst()
                .orElseThrow().reason();
    }

    /** Restrictions and notices are written once and shared while they recur; never across languages, evidence or limits. */
    @Test
    void aRestrictionWrittenForOneDecisionIsNeverReusedForAnotherLanguageOrOtherEvidence() {
        Decision english = decide(Language.EN);
        Decision chinese = decide(Language.ZH);
        Decision englishAgain = decide(Language.EN);
        BorrowerProfile lessOverdue = troubled().toBuilder().loans(List.of(
                Loan.of("Home Bank", "90000", "7000").overdueBy(120))).build();
        Decision other = Engines.BUNDLED.evaluate(lessOverdue, new EvaluationContext(Signals.AS_OF, SIGNALS, Language.EN));

        Decision otherLimit = Engines.BUNDLED.evaluate(troubled().toBuilder().creditLimit("77000").build(),
                new EvaluationContext(Signals.AS_OF, SIGNALS, Language.EN));

        assertThat(englishAgain).isEqualTo(english);
        assertThat(english.notice()).doesNotContain("77,000");
        assertThat(otherLimit.notice()).contains("77,000").isNotEqualTo(english.notice());
        assertThat(chinese.notice()).isNotEqualTo(english.notice());
        for (int i = 0; i < english.restrictions().size(); i++) {
            assertThat(chinese.restrictions().get(i).reason()).isNotEqualTo(english.restrictions().get(i).reason());
        }
        assertThat(other.restrictions()).filteredOn(r -> r.rule().equals("DEL-2")).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.evidence()).containsEntry("daysPastDue", "120");
                    assertThat(r.reason()).contains("120");
                });
    }
}
