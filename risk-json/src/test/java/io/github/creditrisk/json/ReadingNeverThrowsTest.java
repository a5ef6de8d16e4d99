package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a JSON Lines file holds, reading a line gives a result, never an exception. */
class ReadingNeverThrowsTest {

    private final RiskJson json = RiskJson.create();

    @Property(tries = 2000)
    void anyTextReadAsALineIsValidOrRejected(@ForAll String line) {
        assertIsValidOrRejectedOnOneLine(json.readBorrowerLine(line));
    }

    @Property(tries = 2000)
    void anyBytesReadAsALineAreValidOrRejected(@ForAll @Size(max = 300) byte[] bytes) {
        assertIsValidOrRejectedOnOneLine(json.readBorrowerLine(new String(bytes, StandardCharsets.UTF_8)));
        assertIsValidOrRejectedOnOneLine(json.readBorrowerLine(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    @Property(tries = 3000)
    void aValidLineWithRandomEditsIsValidOrRejected(@ForAll("edits") List<Edit> edits) {
        // Start from a valid line so that most edits leave JSON that gets past the parser into the mapping.
        StringBuilder line = new StringBuilder(Profiles.valid().json());
        for (Edit edit : edits) {
            edit.applyTo(line);
        }
        assertIsValidOrRejectedOnOneLine(json.readBorrowerLine(line.toString()));
    }

    @Property(tries = 500)
    void anyTextReadAsACaseFileGivesACaseFileOrAnInvalidValue(@ForAll("caseFileLike") String text) {
        try {
            CaseFile file = json.readCaseFile(text);
            file.borrowers().forEach(ReadingNeverThrowsTest::assertIsValidOrRejectedOnOneLine);
        } catch (InvalidValueException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    @Property(tries = 500)
    void generatedProfilesSurviveARoundTrip(@ForAll("profiles") BorrowerProfile profile) {
        assertThat(json.readBorrower(json.writeBorrower(profile))).isEqualTo(profile);
        assertThat(json.readBorrowerLine(json.writeBorrower(profile))).isEqualTo(new BorrowerInput.Valid(profile));
    }

    private static void assertIsValidOrRejectedOnOneLine(BorrowerInput input) {
        assertThat(input).isNotNull();
        if (input instanceof BorrowerInput.Rejected rejected) {
            assertThat(rejected.error()).isNotBlank().doesNotContain("\n", "\r").hasSizeLessThan(800);
        } else {
            assertThat(input).isInstanceOf(BorrowerInput.Valid.class);
        }
    }

    /** Replace, insert or delete one character at a position (taken modulo the length). */
    record Edit(int kind, int position, char c) {
        void applyTo(StringBuilder s) {
            int at = s.length() == 0 ? 0 : Math.floorMod(position, s.length());
            switch (kind) {
                case 0 -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, c);
                    }
                }
                case 1 -> s.insert(at, c);
                default -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '.', 'e', '0', '9',
                        ' ', '\\', 'n', 't')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 10_000), chars).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> caseFileLike() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"asOf\"", "\"signals\"",
                "\"borrowers\"", "\"2026-11-01\"", "\"type\"", "\"SECTOR_BAN\"", Profiles.valid().json(), "null",
                "1e400", "-0", "\"id\"", "\"B-1\"", " ");
        return fragments.list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<BorrowerProfile> profiles() {
        Arbitrary<String> texts = Arbitraries.strings().ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank());
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000000000")).ofScale(2);
        Arbitrary<Integer> scores = Arbitraries.integers().between(300, 950);
        Arbitrary<Loan> loans = Combinators.combine(texts, amounts, amounts, Arbitraries.integers().between(0, 400))
                .as(Loan::new);
        return Combinators.combine(
                        texts, Arbitraries.of(Segment.class), texts, texts.injectNull(0.3),
                        amounts, amounts, scores, scores.injectNull(0.3))
                .flatAs((id, segment, region, sector, income, limit, score, previous) ->
                        Combinators.combine(loans.list().ofMaxSize(3), amounts.list().ofMaxSize(6))
                                .as((l, revenue) -> new BorrowerProfile(id, segment, region, sector, income, limit,
                                        score, previous, l, revenue)));
    }

    @Property(tries = 200)
    void creditScoresInRangeAreAcceptedHoweverTheyAreWritten(@ForAll @IntRange(min = 300, max = 950) int score) {
        for (String written : List.of(String.valueOf(score), score + ".0", score + "e0", score / 10.0 + "e1")) {
            BorrowerInput input = json.readBorrowerLine(Profiles.valid().with("creditScore", written).json());
            assertThat(input).as(written).isInstanceOf(BorrowerInput.Valid.class);
            assertThat(((BorrowerInput.Valid) input).profile().creditScore()).isEqualTo(score);
        }
    }
}
