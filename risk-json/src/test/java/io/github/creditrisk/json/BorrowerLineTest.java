package io.github.creditrisk.json;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reading JSON Lines portfolios one line at a time")
class BorrowerLineTest {

    private final RiskJson json = RiskJson.create();

    @Test
    void aValidLineIsAValidProfile() {
        BorrowerInput input = json.readBorrowerLine(Profiles.valid().json());

        assertThat(input).isInstanceOf(BorrowerInput.Valid.class);
        assertThat(input.borrowerId()).isEqualTo("B-1001");
    }

    @Test
    void aLineThatIsNotJsonIsRejectedWithItsColumn() {
        BorrowerInput input = json.readBorrowerLine("id=B-1, segment=ORDINARY");

        assertThat(input).isEqualTo(new BorrowerInput.Rejected(null, "input: is not valid JSON at column 3"));
    }

    @Test
    void aBrokenLineKeepsTheIdItReadBeforeBreaking() {
        BorrowerInput input = json.readBorrowerLine("{\"id\": \"B-7\", \"segment\": \"ORDINARY\", \"region\": ");

        assertThat(input.borrowerId()).isEqualTo("B-7");
        assertThat(((BorrowerInput.Rejected) input).error()).startsWith("region: is not valid JSON at column ");
    }

    @Test
    void aLineWithABadFieldIsRejectedWithTheBorrowersId() {
        BorrowerInput input = json.readBorrowerLine(Profiles.valid().withLoanField("monthlyPayment", "-3").json());

        assertThat(input).isEqualTo(new BorrowerInput.Rejected("B-1001",
                "loans[1].monthlyPayment: -3 is negative; expected a finite number ≥ 0"));
    }

    @Test
    void aLineThatIsAnArrayIsNotAProfile() {
        assertThat(json.readBorrowerLine("[" + Profiles.valid().json() + "]")).isEqualTo(new BorrowerInput.Rejected(
                null, "input: an array is not a borrower profile; expected a JSON object"));
    }

    @Test
    void twoProfilesOnOneLineAreRejected() {
        BorrowerInput input = json.readBorrowerLine(Profiles.valid().json() + Profiles.valid().json());

        assertThat(((BorrowerInput.Rejected) input).error())
                .matches("input: has more content after the JSON value, at column \\d+; expected a single JSON value"
                        + " per line");
    }

    @Test
    void aBlankLineIsRejectedForTheCallerToSkipOrReport() {
        assertThat(json.readBorrowerLine("   ")).isEqualTo(new BorrowerInput.Rejected(null,
                "input: is empty; expected a borrower profile (one JSON object per line)"));
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedUnread() {
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxLineLength(50));
        String line = Profiles.valid().json();

        assertThat(small.readBorrowerLine(line)).isEqualTo(new BorrowerInput.Rejected(null,
                "input: is too long (" + line.length() + " characters); expected at most 50 characters"));
    }

    @Test
    void aLineHoldingMoreTokensThanTheBudgetIsRejected() {
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxValues(100));

        BorrowerInput input = small.readBorrowerLine(Profiles.valid().with("monthlyRevenue",
                "[" + "1,".repeat(500) + "1]").json());

        assertThat(input).isEqualTo(new BorrowerInput.Rejected("B-1001",
                "input: holds more than 100 JSON tokens; expected at most 100"));
    }

    @Test
    void aDeeplyNestedLineIsRejectedNotACrash() {
        BorrowerInput input = json.readBorrowerLine("{\"id\": \"B-8\", \"sector\": " + "[".repeat(100_000));

        assertThat(input.borrowerId()).isEqualTo("B-8");
        assertThat(((BorrowerInput.Rejected) input).error()).contains("is nested too deeply");
    }
}
