package io.github.creditrisk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Writing decisions and error lines in the contract's shape, and reading them back")
class DecisionJsonTest {

    private final RiskJson json = RiskJson.create();

    /** The lines as any JSON reader sees them. */
    private static JsonNode tree(String line) throws java.io.IOException {
        return new ObjectMapper().readTree(line);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aDecisionHasTheContractsFieldsInTheContractsOrder() throws java.io.IOException {
        JsonNode written = tree(json.writeDecision(Decisions.overborrowedWithForgivenOverdue()));

        assertThat(names(written)).containsExactly("borrowerId", "outcome", "creditLimit", "recommendedLimit",
                "restrictions", "exemptions", "notice", "rulesetVersion");
        assertThat(names(written.get("exemptions").get(0)))
                .containsExactly("family", "rule", "reasonCode", "reason", "remedies", "evidence");
    }

    @Test
    void reductionPercentAppearsOnlyOnReduceLimit() throws java.io.IOException {
        JsonNode restrictions = tree(json.writeDecision(Decisions.overborrowedWithForgivenOverdue()))
                .get("restrictions");

        // Decision order: BLOCK_NEW_BORROWING, REDUCE_LIMIT, MANUAL_REVIEW
        assertThat(names(restrictions.get(0))).containsExactly("type", "family", "rule", "reasonCode", "reason",
                "remedies", "evidence");
        assertThat(names(restrictions.get(1))).containsExactly("type", "family", "rule", "reasonCode",
                "reductionPercent", "reason", "remedies", "evidence");
        assertThat(restrictions.get(1).get("type").asText()).isEqualTo("REDUCE_LIMIT");
        assertThat(restrictions.get(1).get("reductionPercent").intValue()).isEqualTo(50);
        assertThat(names(restrictions.get(2))).doesNotContain("reductionPercent");
    }

    /** Whole amounts are written from their long value, others from their digits: the text is the same. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "7", "43000", "92233720368547758", "9223372036854775807",
            "9223372036854775808", "100000000000000000000000", "0.50", "1234.5", "1E+3"})
    void amountsAreWrittenAsPlainDecimals(String limit) {
        java.math.BigDecimal amount = new java.math.BigDecimal(limit);
        Decision d = Decision.of("B-1", amount, List.of(), List.of(), (o, l, a, r, e) -> "Unchanged.", "sha256:0");

        assertThat(json.writeDecision(d)).contains("\"creditLimit\":" + amount.toPlainString() + ",");
        assertThat(json.writeEvaluation(new Evaluation.Decided(d))).contains("\"creditLimit\":" + amount.toPlainString() + ",");
    }

    @Test
    void aWrittenDecisionIsExactlyOneCompactLine() {
        String written = json.writeDecision(Decisions.approved());

        assertThat(written).isEqualTo("{\"borrowerId\":\"B-2002\",\"outcome\":\"APPROVE\",\"creditLimit\":5000,"
                + "\"recommendedLimit\":5000,\"restrictions\":[],\"exemptions\":[],"
                + "\"notice\":\"Your credit line continues unchanged.\",\"rulesetVersion\":\"sha256:0123abcd\"}");
    }

    @Test
    void moneyIsWrittenAsPlainNumbers() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue());

        assertThat(written).contains("\"creditLimit\":80000,\"recommendedLimit\":40000,")
                .doesNotContain("E+");
        assertThat(json.writeDecision(Decisions.cutOfAnOddLimit()))
                .contains("\"creditLimit\":80001.00,\"recommendedLimit\":40000,");
    }

    @Test
    void chineseTextIsWrittenAsCharactersAndNewlinesAreEscaped() {
        String written = json.writeDecision(Decisions.cutOfAnOddLimit());

        assertThat(written).contains("\"notice\":\"您的额度已下调。如有异议，可申诉。\"").doesNotContain("\n");
    }

    @Test
    void writtenDecisionsReadBackEqual() {
        for (Decision decision : List.of(Decisions.approved(), Decisions.overborrowedWithForgivenOverdue(),
                Decisions.cutOfAnOddLimit())) {
            assertThat(json.readDecision(json.writeDecision(decision))).isEqualTo(decision);
        }
    }

    @Test
    void aFailureIsWrittenAsTheContractsErrorLine() {
        assertThat(json.writeEvaluation(new Evaluation.Failed("B-3", "creditScore: 2.5 is not a whole number")))
                .isEqualTo("{\"borrowerId\":\"B-3\",\"error\":\"creditScore: 2.5 is not a whole number\"}");
        assertThat(json.writeEvaluation(new Evaluation.Failed(null, "input: is not valid JSON at column 1")))
                .isEqualTo("{\"borrowerId\":null,\"error\":\"input: is not valid JSON at column 1\"}");
    }

    @Test
    void outputLinesReadBackAsDecisionsOrFailures() {
        Evaluation decided = new Evaluation.Decided(Decisions.overborrowedWithForgivenOverdue());
        Evaluation failed = new Evaluation.Failed(null, "input: is empty");

        assertThat(json.readEvaluation(json.writeEvaluation(decided))).isEqualTo(decided);
        assertThat(json.readEvaluation(json.writeEvaluation(failed))).isEqualTo(failed);
    }

    @Test
    void aDecisionWhoseOutcomeContradictsItsRestrictionsIsRejected() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue())
                .replace("\"outcome\":\"RESTRICT\"", "\"outcome\":\"APPROVE\"");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readDecision(written));

        assertThat(e.getMessage()).isEqualTo("outcome: APPROVE contradicts the restrictions; the merge rules give"
                + " RESTRICT");
    }

    @Test
    void aReductionPercentOnAnotherTypeIsRejectedAtItsPath() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue())
                .replace("\"reasonCode\":\"OVB_MANY_LENDERS\"",
                        "\"reasonCode\":\"OVB_MANY_LENDERS\",\"reductionPercent\":50");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readDecision(written));

        assertThat(e.getMessage()).isEqualTo("restrictions[2].reductionPercent: 50 is given for MANUAL_REVIEW; it is"
                + " allowed only on REDUCE_LIMIT");
    }

    @Test
    void aRestrictionWithoutAppealIsRejectedAtItsPath() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue())
                .replace("\"remedies\":[\"APPEAL\"]", "\"remedies\":[]");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readDecision(written));

        assertThat(e.getMessage()).isEqualTo("restrictions[2].remedies: [] lacks APPEAL; every restriction must offer"
                + " an appeal");
    }

    @Test
    void aCodeTheRecordRejectsIsShownEscapedAndCut() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue())
                .replace("\"reasonCode\":\"OVB_MANY_LENDERS\"", "\"reasonCode\":\"bad\\ncode" + "x".repeat(100) + "\"");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readDecision(written));

        assertThat(e.getMessage()).isEqualTo("restrictions[2].reasonCode: \"bad\\u000Acode" + "x".repeat(32) + "…\" is"
                + " not a code; expected upper-case letters, digits and _, starting with a letter");
    }

    @Test
    void anUnknownRemedyIsRejectedListingTheKnownOnes() {
        String written = json.writeDecision(Decisions.overborrowedWithForgivenOverdue())
                .replace("\"remedies\":[\"APPEAL\"]", "\"remedies\":[\"APPEAL\",\"REFUND\"]");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readDecision(written));

        assertThat(e.getMessage()).isEqualTo("restrictions[2].remedies[1]: \"REFUND\" is not a remedy; expected one of"
                + " APPEAL, REPAYMENT_PLAN, EXTENSION, CREDIT_REPAIR");
    }
}
