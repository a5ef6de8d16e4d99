package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Problems found deep inside a document keep their whole path: an element's index, a borrower's place in its
 * case file, an evidence key that is not a plain name, and a key that happens to be called {@code input}, which is
 * also the name the document as a whole is reported under.
 */
@DisplayName("Paths of problems found inside arrays, borrowers and evidence")
class NestedPathTest {

    private static final String PROFILE_FIELDS = "expected one of id, segment, region, sector, monthlyIncome,"
            + " creditLimit, creditScore, previousCreditScore, loans, monthlyRevenue";

    private final RiskJson json = RiskJson.create();

    private static String decisionWithEvidence(String evidence) {
        return "{\"borrowerId\": \"B\", \"outcome\": \"APPROVE\", \"creditLimit\": 1, \"recommendedLimit\": 1,"
                + " \"restrictions\": [], \"exemptions\": [{\"family\": \"F\", \"rule\": \"r\", \"reasonCode\": \"C\","
                + " \"reason\": \"x\", \"remedies\": [\"APPEAL\"], \"evidence\": " + evidence + "}], \"notice\": \"n\","
                + " \"rulesetVersion\": \"v\"}";
    }

    private BorrowerInput.Rejected onlyBorrowerOf(String borrower) {
        CaseFile file = json.readCaseFile("{\"borrowers\": [" + borrower + "]}");
        assertThat(file.borrowers()).singleElement().isInstanceOf(BorrowerInput.Rejected.class);
        return (BorrowerInput.Rejected) file.borrowers().get(0);
    }

    @Test
    void aBorrowersKeyCalledInputIsNamedUnderTheBorrower() {
        assertThat(onlyBorrowerOf("{\"input\": 1}").error())
                .isEqualTo("borrowers[0].input: is not a field of a borrower profile; " + PROFILE_FIELDS);
        assertThat(onlyBorrowerOf("null").error())
                .isEqualTo("borrowers[0]: null is not a borrower profile; expected a JSON object");
    }

    @Test
    void aBadElementOfABorrowersArrayIsNamedByTheBorrowerAndTheIndex() {
        String borrower = Profiles.valid().with("monthlyRevenue", "[1, \"2\"]").json();

        assertThat(onlyBorrowerOf(borrower)).isEqualTo(new BorrowerInput.Rejected("B-1001",
                "borrowers[0].monthlyRevenue[1]: \"2\" is not a number; expected a finite number ≥ 0 (without quotes)"));
    }

    @Test
    void aRecordsOwnCheckInACaseFileIsNamedUnderTheBorrower() {
        assertThat(onlyBorrowerOf(Profiles.valid().with("region", "\" \"").json()).error())
                .isEqualTo("borrowers[0].region: is blank; expected a non-blank text");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"k": 1}         | exemptions[0].evidence.k: 1 is not a text; expected a text in double quotes
            {"bad key": 1}   | exemptions[0].evidence["bad key"]: 1 is not a text; expected a text in double quotes
            {"0": 1}         | exemptions[0].evidence["0"]: 1 is not a text; expected a text in double quotes
            {"input": null}  | exemptions[0].evidence.input: null is not a text; expected a text in double quotes
            """)
    void aBadEvidenceValueIsNamedByItsKey(String evidence, String message) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> json.readDecision(decisionWithEvidence(evidence)));

        assertThat(e).hasMessage(message);
    }

    @Test
    void anErrorLineNamesAFieldThatBelongsToADecision() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> json.readEvaluation("{\"error\": \"e\", \"outcome\": \"APPROVE\"}"));

        assertThat(e).hasMessage("outcome: is not a field of an error line; expected one of borrowerId, error");
    }
}
