package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayName("Rejecting bad borrower profiles, naming the field, the value and what is accepted")
class BorrowerRejectionTest {

    private static final String SEGMENTS = "ORDINARY, SMALL_BUSINESS_OWNER, HIGH_NET_WORTH, FIRST_TIME";
    private static final String SCORES = "a whole number from 300 to 950";
    private static final String AMOUNT = "a finite number ≥ 0";

    private final RiskJson json = RiskJson.create();

    static Stream<Arguments> badFields() {
        Profiles p = Profiles.valid();
        return Stream.of(
                arguments(p.without("id"), "id", "is missing; it is required"),
                arguments(p.with("id", "null"), "id", "is missing; it is required"),
                arguments(p.with("id", "\"   \""), "id", "is blank; expected a non-blank text"),
                arguments(p.with("id", "42"), "id", "42 is not a text; expected a text in double quotes"),
                arguments(p.with("segment", "\"VIP\""), "segment",
                        "\"VIP\" is not a segment; expected one of " + SEGMENTS),
                arguments(p.with("segment", "\"ordinary\""), "segment", "\"ordinary\" is not a segment; expected"
                        + " one of " + SEGMENTS + " (written exactly so: did you mean ORDINARY?)"),
                arguments(p.with("segment", "1"), "segment", "1 is not a segment; expected one of " + SEGMENTS),
                arguments(p.without("region"), "region", "is missing; it is required"),
                arguments(p.with("region", "[\"CN\"]"), "region",
                        "an array is not a text; expected a text in double quotes"),
                arguments(p.with("sector", "\"\""), "sector", "is blank; expected a non-blank text"),
                arguments(p.with("monthlyIncome", "\"abc\""), "monthlyIncome",
                        "\"abc\" is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "\"8000.50\""), "monthlyIncome",
                        "\"8000.50\" is not a number; expected " + AMOUNT + " (without quotes)"),
                arguments(p.with("monthlyIncome", "\"NaN\""), "monthlyIncome",
                        "\"NaN\" is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "\"Infinity\""), "monthlyIncome",
                        "\"Infinity\" is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "true"), "monthlyIncome", "true is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "{}"), "monthlyIncome",
                        "an object is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "-5"), "monthlyIncome", "-5 is negative; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "-0.01"), "monthlyIncome", "-0.01 is negative; expected " + AMOUNT),
                arguments(p.with("monthlyIncome", "1e400"), "monthlyIncome",
                        "1E+400 is too large; expected at most 1000000000000000"),
                arguments(p.with("monthlyIncome", "1000000000000000.5"), "monthlyIncome",
                        "1000000000000000.5 is too large; expected at most 1000000000000000"),
                arguments(p.with("monthlyIncome", "0.12345678901"), "monthlyIncome",
                        "0.12345678901 has more than 10 decimal places; expected at most 10"),
                arguments(p.with("monthlyIncome", "1e-400"), "monthlyIncome",
                        "1E-400 has more than 10 decimal places; expected at most 10"),
                arguments(p.without("creditLimit"), "creditLimit", "is missing; it is required"),
                arguments(p.with("creditLimit", "-1e3"), "creditLimit", "-1000 is negative; expected " + AMOUNT),
                arguments(p.without("creditScore"), "creditScore", "is missing; it is required"),
                arguments(p.with("creditScore", "2.5"), "creditScore", "2.5 is not a whole number; expected " + SCORES),
                arguments(p.with("creditScore", "700.5"), "creditScore",
                        "700.5 is not a whole number; expected " + SCORES),
                arguments(p.with("creditScore", "299"), "creditScore", "299 is out of range; expected " + SCORES),
                arguments(p.with("creditScore", "951"), "creditScore", "951 is out of range; expected " + SCORES),
                arguments(p.with("creditScore", "1e10"), "creditScore",
                        "10000000000 is out of range; expected " + SCORES),
                arguments(p.with("creditScore", "-99999999999999999999999"), "creditScore",
                        "-99999999999999999999999 is out of range; expected " + SCORES),
                arguments(p.with("creditScore", "\"700\""), "creditScore",
                        "\"700\" is not a number; expected " + SCORES + " (without quotes)"),
                arguments(p.with("previousCreditScore", "1000"), "previousCreditScore",
                        "1000 is out of range; expected " + SCORES),
                arguments(p.with("previousCreditScore", "false"), "previousCreditScore",
                        "false is not a number; expected " + SCORES),
                arguments(p.with("loans", "\"none\""), "loans", "\"none\" is not an array; expected an array of loans"),
                arguments(p.with("loans", "{}"), "loans", "an object is not an array; expected an array of loans"),
                arguments(p.with("loans", "[5]"), "loans[0]", "5 is not a loan; expected a JSON object"),
                arguments(p.with("loans", "[null]"), "loans[0]", "null is not a loan; expected a JSON object"),
                arguments(p.withoutLoanField("lender"), "loans[1].lender", "is missing; it is required"),
                arguments(p.withLoanField("lender", "\"\""), "loans[1].lender", "is blank; expected a non-blank text"),
                arguments(p.withLoanField("outstanding", "-1"), "loans[1].outstanding",
                        "-1 is negative; expected " + AMOUNT),
                arguments(p.withoutLoanField("monthlyPayment"), "loans[1].monthlyPayment",
                        "is missing; it is required"),
                arguments(p.withLoanField("monthlyPayment", "\"2500\""), "loans[1].monthlyPayment",
                        "\"2500\" is not a number; expected " + AMOUNT + " (without quotes)"),
                arguments(p.withLoanField("daysPastDue", "1.5"), "loans[1].daysPastDue",
                        "1.5 is not a whole number; expected a whole number from 0 to 36500"),
                arguments(p.withLoanField("daysPastDue", "-1"), "loans[1].daysPastDue",
                        "-1 is out of range; expected a whole number from 0 to 36500"),
                arguments(p.withLoanField("lenders", "\"Bank C\""), "loans[1].lenders",
                        "is not a field of a loan; expected one of lender, outstanding, monthlyPayment, daysPastDue"
                                + " (did you mean lender?)"),
                arguments(p.with("monthlyRevenue", "[100, -1]"), "monthlyRevenue[1]",
                        "-1 is negative; expected " + AMOUNT),
                arguments(p.with("monthlyRevenue", "[100, null]"), "monthlyRevenue[1]",
                        "null is not a number; expected " + AMOUNT),
                arguments(p.with("monthlyRevenue", "100"), "monthlyRevenue",
                        "100 is not an array; expected an array of numbers (monthly sales, oldest first)"),
                arguments(p.with("previousScore", "720"), "previousScore",
                        "is not a field of a borrower profile; expected one of id, segment, region, sector,"
                                + " monthlyIncome, creditLimit, creditScore, previousCreditScore, loans,"
                                + " monthlyRevenue"),
                arguments(p.with("creditscore", "720"), "creditscore",
                        "is not a field of a borrower profile; expected one of id, segment, region, sector,"
                                + " monthlyIncome, creditLimit, creditScore, previousCreditScore, loans,"
                                + " monthlyRevenue (did you mean creditScore?)"),
                arguments(p.with("monthly income", "1"), "[\"monthly income\"]",
                        "is not a field of a borrower profile; expected one of id, segment, region, sector,"
                                + " monthlyIncome, creditLimit, creditScore, previousCreditScore, loans,"
                                + " monthlyRevenue (did you mean monthlyIncome?)"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("badFields")
    void aBadFieldIsReportedByItsPathWithTheValueAndWhatIsAccepted(Profiles profile, String field,
                                                                   String problem) {
        // When a profile with one bad field is read
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> json.readBorrower(profile.json()));

        // Then the error names the path, the value and what would have been accepted
        assertThat(e).as("rejects %s", profile).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo(field + ": " + problem);
    }

    @Test
    void aKeyThatAppearsTwiceIsRejectedNamingTheKey() {
        String text = Profiles.valid().json()
                .replace("\"creditScore\": 690", "\"creditScore\": 690, \"creditScore\": 400");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower(text));

        assertThat(e.getMessage()).isEqualTo("creditScore: appears more than once; each field may appear only once");
    }

    @Test
    void aKeyThatAppearsTwiceInALoanIsRejectedAtItsPath() {
        String text = Profiles.valid().withLoanField("lender", "\"Bank A\", \"lender\": \"Bank B\"").json();

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower(text));

        assertThat(e.getMessage())
                .isEqualTo("loans[1].lender: appears more than once; each field may appear only once");
    }

    @Test
    void aHugeTextIsRejectedWithAShortMessage() {
        String huge = "x".repeat(100_000);

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> json.readBorrower(Profiles.valid().with("region", "\"" + huge + "\"").json()));

        assertThat(e.field()).isEqualTo("region");
        assertThat(e.problem()).isEqualTo("\"" + "x".repeat(40) + "…\" is too long (100000 characters);"
                + " expected at most 1000 characters");
    }

    @Test
    void aTextAtTheLengthLimitIsAccepted() {
        String longest = "x".repeat(1000);

        assertThat(json.readBorrower(Profiles.valid().with("id", "\"" + longest + "\"").json()).id())
                .isEqualTo(longest);
    }

    @Test
    void tooManyLoansAreRejectedByCount() {
        RiskJson strict = RiskJson.create(JsonLimits.defaults().withMaxLoans(2));
        String loan = "{\"lender\": \"L\", \"outstanding\": 1, \"monthlyPayment\": 1}";

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> strict.readBorrower(
                Profiles.valid().with("loans", "[" + loan + "," + loan + "," + loan + "]").json()));

        assertThat(e.getMessage()).isEqualTo("loans: has 3 entries; expected at most 2 loans");
    }

    @Test
    void tooManyMonthsOfRevenueAreRejectedByCount() {
        String months = "[" + "1,".repeat(600) + "1]";

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> json.readBorrower(Profiles.valid().with("monthlyRevenue", months).json()));

        assertThat(e.getMessage()).isEqualTo("monthlyRevenue: has 601 entries; expected at most 600 numbers"
                + " (monthly sales, oldest first)");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsNotAProfile() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower("[1, 2]"));

        assertThat(e.getMessage()).isEqualTo("input: an array is not a borrower profile; expected a JSON object");
    }

    @Test
    void anEmptyDocumentIsNotAProfile() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower("  \n "));

        assertThat(e.getMessage()).isEqualTo("input: is empty; expected a borrower profile (a JSON object)");
    }

    @Test
    void theFirstProblemInDocumentOrderIsTheOneReportedForUnknownFields() {
        String text = Profiles.valid().with("previousScore", "1").with("foo", "2").json();

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower(text));

        assertThat(e.field()).isEqualTo("previousScore");
    }
}
