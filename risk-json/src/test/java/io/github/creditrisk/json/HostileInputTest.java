package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Hostile and broken input: short messages, bounded work, nothing from Jackson leaks out")
class HostileInputTest {

    private final RiskJson json = RiskJson.create();

    private InvalidValueException rejection(String text) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower(text));
        assertThat(e).as("rejects %s", text.length() > 80 ? text.substring(0, 80) + "…" : text).isNotNull();
        return e;
    }

    @Test
    void nanIsNotANumberInJson() {
        InvalidValueException e = rejection(Profiles.valid().with("monthlyIncome", "NaN").json());

        assertThat(e.field()).isEqualTo("monthlyIncome");
        assertThat(e.problem()).matches("is not valid JSON at line 1, column \\d+");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Infinity", "-Infinity", "+Infinity", "-NaN"})
    void infinityIsNotANumberInJsonEither(String literal) {
        InvalidValueException e = rejection(Profiles.valid().with("creditLimit", literal).json());

        assertThat(e.field()).isEqualTo("creditLimit");
        assertThat(e.problem()).contains("is not valid JSON");
    }

    @Test
    void deepNestingIsStoppedAtTheLimit() {
        String deep = "[".repeat(1000) + "]".repeat(1000);

        InvalidValueException e = rejection(Profiles.valid().with("sector", deep).json());

        assertThat(e.problem()).startsWith("is nested too deeply (at line 1, column ")
                .endsWith("); expected at most 64 levels of objects and arrays");
        assertThat(e.field()).startsWith("sector[0][0][0]");
    }

    @Test
    void nestingWithinTheLimitIsOnlyRejectedAsAWrongType() {
        String deep = "[".repeat(60) + "]".repeat(60);

        InvalidValueException e = rejection(Profiles.valid().with("sector", deep).json());

        assertThat(e.getMessage()).isEqualTo("sector: an array is not a text; expected a text in double quotes");
    }

    @Test
    void aDocumentLongerThanTheLimitIsRejectedBeforeParsing() {
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxDocumentLength(100));
        String text = Profiles.valid().json();

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> small.readBorrower(text));

        assertThat(e.getMessage()).isEqualTo("input: is too long (" + text.length() + " characters); expected at"
                + " most 100 characters");
    }

    @Test
    void aNumberWithThousandsOfDigitsIsRejected() {
        InvalidValueException e = rejection(Profiles.valid().with("creditLimit", "1" + "0".repeat(5000)).json());

        assertThat(e.field()).isEqualTo("creditLimit");
        assertThat(e.problem()).startsWith("holds a number with too many digits");
    }

    @Test
    void anExponentBeyondWhatADecimalHoldsIsRejected() {
        InvalidValueException e = rejection(Profiles.valid().with("creditLimit", "1e99999999999").json());

        assertThat(e.getMessage()).isEqualTo("creditLimit: 1e99999999999 has an exponent too large to read;"
                + " expected a number such as 1.5e6");
    }

    @Test
    void aHugeNegativeExponentIsRejectedWithoutExpandingIt() {
        InvalidValueException e = rejection(Profiles.valid().with("creditLimit", "1e-999999999").json());

        assertThat(e.getMessage()).isEqualTo("creditLimit: 1E-999999999 has more than 10 decimal places; expected"
                + " at most 10");
    }

    @Test
    void contentAfterTheDocumentIsRejected() {
        InvalidValueException e = rejection(Profiles.valid().json() + " {}");

        assertThat(e.field()).isEqualTo("input");
        assertThat(e.problem()).matches("has more content after the JSON value, at line 1, column \\d+; expected"
                + " a single JSON value");
    }

    @Test
    void aSyntaxErrorIsReportedWithLineAndColumn() {
        String text = """
                {
                  "id": "B-1",
                  "segment": "ORDINARY",
                  "monthlyIncome": 12000,,
                }
                """;

        InvalidValueException e = rejection(text);

        assertThat(e.getMessage()).isEqualTo("monthlyIncome: is not valid JSON at line 4, column 26");
    }

    @Test
    void aKeyGivenTwiceIsNamedAndAMissingCommaBeforeAKeyIsNotMistakenForIt() {
        InvalidValueException twice = rejection("{\"id\": \"B-1\", \"id\": \"B-1\"}");
        InvalidValueException noComma = rejection("{\"id\": \"B-1\" \"id\": \"B-1\"}");

        assertThat(twice.getMessage()).isEqualTo("id: appears more than once; each field may appear only once");
        assertThat(noComma.getMessage()).isEqualTo("id: is not valid JSON at line 1, column 14");
    }

    @Test
    void anUnclosedDocumentIsReported() {
        InvalidValueException e = rejection("{\"id\": \"B-1\", \"loans\": [");

        assertThat(e.field()).isEqualTo("loans");
        assertThat(e.problem()).startsWith("is not valid JSON at line 1, column ")
                .endsWith(": it ends before the JSON value is complete (an object, array or text is not closed)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"id\": 'B-1'}",                    // single quotes
            "{id: \"B-1\"}",                      // unquoted name
            "{\"id\": \"B-1\",}",                 // trailing comma
            "{\"id\": \"B-1\"} // a comment",     // comment
            "{\"id\": \"B-1\" /* a comment */}",
            "{\"creditScore\": 0700}",            // leading zero
            "{\"creditScore\": +700}",
            "{\"creditScore\": .7}",
            "{\"creditScore\": 7.}",
            "{\"id\": \"tab\there\"}",            // unescaped control character
            "{\"id\": \"\\x41\"}",                // invalid escape
            "{\"id\": tru}",
            "{\"id\" \"B-1\"}",
            "{\"id\": \"B-1\"}}",
            "\"just text\" \"and more\"",
            "\u0000",
            "{\"\u202Eevil\": 1, \"a\":}"})
    void malformedJsonGivesOneShortLineWithoutJacksonJargon(String text) {
        InvalidValueException e = rejection(text);

        assertThat(e.getMessage())
                .doesNotContain("\n", "\r", "\t", "\u0000", "\u202E")
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("Feature", "enable", "Source", "(code ", "CTRL-CHAR", "JsonToken", "REDACTED")
                .hasSizeLessThan(260);
    }

    @Test
    void anUnknownKeyWithControlCharactersIsShownEscapedOnOneLine() {
        InvalidValueException e = rejection(Profiles.valid().with("evil\\nkey\\u202e", "1").json());

        assertThat(e.field()).isEqualTo("[\"evil\\u000Akey\\u202E\"]");
        assertThat(e.getMessage()).doesNotContain("\n", "\u202E");
    }

    @Test
    void anEnormousUnknownKeyIsShownCut() {
        InvalidValueException e = rejection(Profiles.valid().with("k".repeat(20_000), "1").json());

        assertThat(e.field()).isEqualTo("[\"" + "k".repeat(40) + "…\"]");
    }

    @Test
    void theJsonLiteralNullIsNotAProfile() {
        assertThat(rejection("null").getMessage())
                .isEqualTo("input: null is not a borrower profile; expected a JSON object");
    }

    @Test
    void aKeyRepeatedDeepInsideADocumentIsNamedByItsPath() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readSignals("[{\"type\":"
                + " \"SERVICE_OUTAGE\", \"since\": \"2026-09-25\", \"until\": \"2026-09-28\"}, {\"type\": \"SECTOR_BAN\","
                + " \"sector\": \"X\", \"sector\": \"Y\"}]"));

        assertThat(e.getMessage()).isEqualTo("signals[1].sector: appears more than once; each field may appear only once");
    }
}
