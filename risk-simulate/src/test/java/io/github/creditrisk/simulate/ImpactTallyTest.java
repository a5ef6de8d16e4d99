package io.github.creditrisk.simulate;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Language;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImpactTallyTest {

    private static final Setup SETUP = new Setup(LocalDate.of(2026, 11, 1), Language.EN,
            new Side("bundled rules", "v1", List.of()), new Side("candidate", "v2", List.of()), 1.0, 2, 10);

    private static Restriction cut(int percent, String rule) {
        return new Restriction(RestrictionType.REDUCE_LIMIT, "OVERBORROWING", rule, "OVB_X", percent,
                "Your repayments take too much of your income. So your credit line is reduced by " + percent + "%.",
                List.of(Remedy.APPEAL), Map.of());
    }

    private static Restriction review() {
        return new Restriction(RestrictionType.MANUAL_REVIEW, "OVERBORROWING", "OVB-3", "OVB_MANY_LENDERS", null,
                "You have many lenders. So a person will look.", List.of(Remedy.APPEAL), Map.of());
    }

    private static Decision decision(String id, String limit, Restriction... restrictions) {
        return Decision.of(id, new BigDecimal(limit), List.of(restrictions), List.of(),
                (o, before, after, r, e) -> "notice", "v");
    }

    private static Comparison.Compared compared(long line, String id, String region, Decision before, Decision after) {
        BorrowerProfile b = BorrowerProfile.builder(id, Segment.ORDINARY, region).creditLimit("1000").build();
        return Comparison.Compared.of(line, b, before, after);
    }

    @Test
    void aDeeperCutOfTheSameFamilyAndTypeIsAModificationNotANewRestriction() {
        ImpactTally tally = new ImpactTally(SETUP);

        tally.accept(compared(1, "B-1", "CN-BJ", decision("B-1", "1000", cut(30, "OVB-1")),
                decision("B-1", "1000", cut(50, "OVB-2"))));
        tally.accept(compared(2, "B-2", "CN-BJ", decision("B-2", "1000", review()), decision("B-2", "1000")));
        Impact impact = tally.impact();

        assertThat(impact.restrictions()).containsExactly(
                new RestrictionFigures("OVERBORROWING", RestrictionType.MANUAL_REVIEW, 0, 1, 0),
                new RestrictionFigures("OVERBORROWING", RestrictionType.REDUCE_LIMIT, 0, 0, 1));
        assertThat(impact.total().changed()).isEqualTo(2);
        assertThat(impact.total().newlyAffected()).isZero();
        assertThat(impact.total().limitRemoved()).isEqualByComparingTo("200");
        assertThat(impact.transitions().count(Outcome.REVIEW, Outcome.APPROVE)).isEqualTo(1);
        assertThat(ChangeText.what(impact.sample().get(0).changes().get(0)))
                .isEqualTo("REDUCE_LIMIT OVERBORROWING (OVB-1 OVB_X 30% → OVB-2 OVB_X 50%)");
    }

    @Test
    void theSampleStopsAtItsSizeAndRejectionsAreCounted() {
        ImpactTally tally = new ImpactTally(SETUP);
        for (int i = 1; i <= 4; i++) {
            String id = "B-" + i;
            tally.accept(compared(i, id, "CN-BJ", decision(id, "1000"), decision(id, "1000", review())));
        }
        tally.accept(Comparison.repeated(5, "B-2"));

        Impact impact = tally.impact();

        assertThat(impact.evaluated()).isEqualTo(4);
        assertThat(impact.sample()).extracting(Comparison::borrowerId).containsExactly("B-1", "B-2");
        assertThat(impact.rejected()).isEqualTo(1);
        assertThat(impact.firstRejections().get(0).error()).startsWith("line 5: id: 'B-2' appears more than once");
        assertThat(impact.restrictedShareChange()).isZero();
        assertThat(impact.guardTripped()).isFalse();
    }

    @Test
    void talliesOfConsecutivePartsMergeIntoTheWholesFiguresAfterTravelling() throws Exception {
        List<Comparison> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String id = "B-" + i;
            String region = "R-" + (i % 7);
            Decision before = i % 3 == 0 ? decision(id, "1000", cut(30, "OVB-1")) : decision(id, "1000");
            Decision after = i % 4 == 0 ? decision(id, "1000", review()) : i % 5 == 0
                    ? decision(id, "1000", cut(50, "OVB-2")) : decision(id, "1000");
            lines.add(i % 11 == 0 ? new Comparison.Rejected(i, id, "line " + i + ": monthlyIncome: is missing")
                    : compared(i, id, region, before, after));
        }
        ImpactTally whole = new ImpactTally(SETUP);
        lines.forEach(whole);

        ImpactTally merged = new ImpactTally(SETUP);
        for (int[] part : new int[][] {{0, 3}, {3, 3}, {6, 21}, {27, 13}}) {
            ImpactTally tally = new ImpactTally(SETUP.sampleSize());
            lines.subList(part[0], part[0] + part[1]).forEach(tally);
            merged.merge(travelled(tally));
        }

        assertThat(JsonReport.write(merged.impact())).isEqualTo(JsonReport.write(whole.impact()));
        assertThat(TextReport.write(merged.impact())).isEqualTo(TextReport.write(whole.impact()));
        assertThatThrownBy(() -> new ImpactTally(2).impact()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("merge it into the whole's");
    }

    private static ImpactTally travelled(ImpactTally tally) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(tally);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImpactTally) in.readObject();
        }
    }

    @Test
    void regionsBeyondTheCapAreAddedUpTogetherSoMemoryStaysFlat() {
        ImpactTally tally = new ImpactTally(SETUP);
        for (int i = 0; i < ImpactTally.MAX_REGIONS + 3; i++) {
            String id = "B-" + i;
            tally.accept(compared(i + 1, id, "R-" + i, decision(id, "1000"), decision(id, "1000")));
        }

        List<GroupFigures> regions = tally.impact().regions();

        assertThat(regions).hasSize(ImpactTally.MAX_REGIONS + 1);
        assertThat(regions).filteredOn(g -> g.name().equals(ImpactTally.OTHER_REGIONS)).singleElement()
                .extracting(GroupFigures::borrowers).isEqualTo(3L);
    }

    @Test
    void theFirstSentenceOfAReasonIsItsEvidence() {
        assertThat(Sentences.first("Your sales were 52,000.50, below 60%. So your line is cut."))
                .isEqualTo("Your sales were 52,000.50, below 60%.");
        assertThat(Sentences.first("您的信用分下降了60分。因此您的额度将被冻结。"))
                .isEqualTo("您的信用分下降了60分。");
        assertThat(Sentences.first("no full stop")).isEqualTo("no full stop");
    }

    @Test
    void htmlEscapingLeavesNoMarkupFromInput() {
        assertThat(Html.escape("<b id=\"x\">R&D's</b>")).isEqualTo("&lt;b id=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/b&gt;");
    }

    @Test
    void aTextTableAlignsNamesLeftAndNumbersRight() {
        StringBuilder out = new StringBuilder();
        new TextTable(1, "segment", "borrowers").group(1, "all").row("ORDINARY", "1,234").row("FIRST_TIME", "5")
                .writeTo(out, "  ");

        assertThat(out.toString()).isEqualTo("""
                              all
                  segment     borrowers
                  ORDINARY        1,234
                  FIRST_TIME          5
                """);
    }
}
