package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.SectorBan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Reading case files: a bad borrower costs only itself")
class CaseFileTest {

    private static final String BAN = "{\"type\": \"SECTOR_BAN\", \"sector\": \"P2P_LENDING\","
            + " \"regulation\": \"CBIRC Notice 2026-7\", \"since\": \"2026-09-15\"}";

    private final RiskJson json = RiskJson.create();

    private static String caseFile(String... borrowers) {
        return "{\"asOf\": \"2026-11-01\", \"signals\": [" + BAN + "], \"borrowers\": [" + String.join(",\n", borrowers)
                + "]}";
    }

    private static String borrower(String id) {
        return Profiles.valid().with("id", "\"" + id + "\"").json();
    }

    private InvalidValueException rejection(String text) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readCaseFile(text));
        assertThat(e).as("rejects %s", text).isNotNull();
        return e;
    }

    @Test
    void theDateTheSignalsAndTheBorrowersAreReadInFileOrder() {
        CaseFile file = json.readCaseFile(caseFile(borrower("B-1"), borrower("B-2"), borrower("B-3")));

        assertThat(file.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(file.signals()).singleElement().isInstanceOf(SectorBan.class);
        assertThat(file.borrowers()).extracting(BorrowerInput::borrowerId).containsExactly("B-1", "B-2", "B-3");
        assertThat(file.borrowers()).allMatch(BorrowerInput.Valid.class::isInstance);
    }

    @Test
    void oneBadBorrowerAmongGoodOnesIsRejectedInItsPlace() {
        // Given a file whose second borrower has a bad income
        String text = caseFile(borrower("B-1"),
                Profiles.valid().with("id", "\"B-2\"").with("monthlyIncome", "\"abc\"").json(),
                borrower("B-3"));

        // When it is read
        CaseFile file = json.readCaseFile(text);

        // Then the good ones are kept, in order, and the bad one is rejected in its place
        assertThat(file.borrowers()).hasSize(3);
        assertThat(file.borrowers().get(0)).isInstanceOf(BorrowerInput.Valid.class);
        assertThat(file.borrowers().get(1)).isEqualTo(new BorrowerInput.Rejected("B-2",
                "borrowers[1].monthlyIncome: \"abc\" is not a number; expected a finite number ≥ 0"));
        assertThat(file.borrowers().get(2)).isInstanceOf(BorrowerInput.Valid.class);
        assertThat(file.validBorrowers()).extracting(BorrowerProfile::id).containsExactly("B-1", "B-3");
    }

    @Test
    void aConstructorErrorInANestedLoanIsReportedAtItsFullPath() {
        CaseFile file = json.readCaseFile(caseFile(borrower("B-1"), borrower("B-2"),
                Profiles.valid().with("id", "\"B-3\"").withLoanField("lender", "\" \"").json()));

        assertThat(file.borrowers().get(2)).isEqualTo(new BorrowerInput.Rejected("B-3",
                "borrowers[2].loans[1].lender: is blank; expected a non-blank text"));
    }

    @Test
    void aDuplicateKeyInsideOneBorrowerCostsOnlyThatBorrower() {
        String twice = borrower("B-2").replace("\"creditScore\": 690", "\"creditScore\": 690, \"creditScore\": 950");

        CaseFile file = json.readCaseFile(caseFile(borrower("B-1"), twice, borrower("B-3")));

        assertThat(file.borrowers().get(1)).isEqualTo(new BorrowerInput.Rejected("B-2",
                "borrowers[1].creditScore: appears more than once; each field may appear only once"));
        assertThat(file.validBorrowers()).hasSize(2);
    }

    @Test
    void aBorrowerTooBigToReadCostsOnlyThatBorrower() {
        // Given a reader that reads at most 100 JSON tokens per borrower, and a borrower with 500 months
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxValues(100));
        String huge = Profiles.valid().with("id", "\"B-2\"").with("monthlyRevenue", "[" + "1,".repeat(500) + "1]")
                .json();

        // When the file is read
        CaseFile file = small.readCaseFile(caseFile(borrower("B-1"), huge, borrower("B-3")));

        // Then only that borrower is rejected, and the parser carries on after it
        assertThat(file.borrowers().get(1)).isEqualTo(new BorrowerInput.Rejected("B-2",
                "borrowers[1]: holds more than 100 JSON tokens; expected at most 100"));
        assertThat(file.validBorrowers()).extracting(BorrowerProfile::id).containsExactly("B-1", "B-3");
    }

    @Test
    void anUnreadableNumberInOneBorrowerCostsOnlyThatBorrower() {
        String bad = Profiles.valid().with("id", "\"B-2\"").with("creditLimit", "1e99999999999").json();

        CaseFile file = json.readCaseFile(caseFile(borrower("B-1"), bad, borrower("B-3")));

        assertThat(file.borrowers().get(1)).isEqualTo(new BorrowerInput.Rejected("B-2",
                "borrowers[1].creditLimit: 1e99999999999 has an exponent too large to read; expected a number"
                        + " such as 1.5e6"));
        assertThat(file.validBorrowers()).hasSize(2);
    }

    @Test
    void theTokenBudgetOfTheFileDoesNotCountItsBorrowers() {
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxValues(60));

        CaseFile file = small.readCaseFile(caseFile(borrower("B-1"), borrower("B-2"), borrower("B-3"),
                borrower("B-4")));

        assertThat(file.validBorrowers()).hasSize(4);
        assertThat(small.readSignals(caseFile(borrower("B-1"), borrower("B-2")))).hasSize(1);
    }

    @Test
    void aBorrowersKeyGivenTwiceFailsTheWholeFile() {
        String text = "{\"borrowers\": [" + borrower("B-1") + "], \"borrowers\": [" + borrower("B-2") + "]}";

        assertThat(rejection(text).getMessage())
                .isEqualTo("borrowers: appears more than once; each field may appear only once");
    }

    @Test
    void aBorrowerWithoutAUsableIdIsRejectedWithoutOne() {
        CaseFile file = json.readCaseFile(caseFile("42", Profiles.valid().without("id").json(),
                borrower(" "), borrower("x".repeat(1001)), "null"));

        assertThat(file.borrowers()).extracting(BorrowerInput::borrowerId).containsOnlyNulls();
        assertThat(file.borrowers().get(0)).isEqualTo(new BorrowerInput.Rejected(null,
                "borrowers[0]: 42 is not a borrower profile; expected a JSON object"));
        assertThat(file.borrowers().get(1)).isEqualTo(new BorrowerInput.Rejected(null,
                "borrowers[1].id: is missing; it is required"));
    }

    @Test
    void aRejectedBorrowerBecomesTheContractsErrorLine() {
        CaseFile file = json.readCaseFile(caseFile(Profiles.valid().with("id", "\"B-9\"").with("creditScore", "2.5")
                .json()));

        BorrowerInput.Rejected rejected = (BorrowerInput.Rejected) file.borrowers().get(0);

        assertThat(json.writeEvaluation(rejected.toEvaluation())).isEqualTo("{\"borrowerId\":\"B-9\",\"error\":"
                + "\"borrowers[0].creditScore: 2.5 is not a whole number; expected a whole number from 300 to 950\"}");
    }

    @Test
    void aFileWithoutDateSignalsOrBorrowersIsEmptyNotAnError() {
        CaseFile file = json.readCaseFile("{}");

        assertThat(file.asOf()).isNull();
        assertThat(file.signals()).isEmpty();
        assertThat(file.borrowers()).isEmpty();
    }

    @Test
    void aMalformedDateFailsTheWholeFile() {
        assertThat(rejection("{\"asOf\": \"2026-11-31\", \"borrowers\": []}").getMessage())
                .isEqualTo("asOf: \"2026-11-31\" is not a date (there is no such day); expected an ISO-8601 date"
                        + " such as 2026-10-01");
    }

    @Test
    void aBadSignalFailsTheWholeFile() {
        String text = caseFile(borrower("B-1")).replace("P2P_LENDING", "");

        assertThat(rejection(text).getMessage()).isEqualTo("signals[0].sector: is blank; expected a non-blank text");
    }

    @Test
    void anUnknownTopLevelFieldFailsTheWholeFile() {
        assertThat(rejection("{\"borower\": []}").getMessage()).isEqualTo("borower: is not a field of a case file;"
                + " expected one of asOf, signals, borrowers (did you mean borrowers?)");
    }

    @Test
    void borrowersThatAreNotAnArrayFailTheWholeFile() {
        assertThat(rejection("{\"borrowers\": {\"id\": \"B-1\"}}").getMessage())
                .isEqualTo("borrowers: an object is not an array; expected an array of borrower profiles");
    }

    @Test
    void aFileThatIsNotJsonFailsWithLineAndColumn() {
        String text = caseFile(borrower("B-1"), borrower("B-2").replace("\"CN-GD-SZ\"", "CN-GD-SZ"));

        InvalidValueException e = rejection(text);

        assertThat(e.field()).isEqualTo("borrowers[1].region");
        assertThat(e.problem()).matches("is not valid JSON at line 2, column \\d+");
    }

    @Test
    void aFileThatIsNotAnObjectIsRejected() {
        assertThat(rejection("[]").getMessage()).isEqualTo("input: an array is not a case file; expected a JSON"
                + " object");
    }
}
