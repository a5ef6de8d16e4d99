package io.github.creditrisk.cli.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static List<LineReader.Line> read(String input, int maxLength) {
        List<LineReader.Line> lines = new ArrayList<>();
        new LineReader(new StringReader(input), maxLength).forEachRemaining(lines::add);
        return lines;
    }

    /** The lines as the contract defines them, worked out character by character. */
    private static List<LineReader.Line> expected(String input, int maxLength) {
        List<LineReader.Line> lines = new ArrayList<>();
        if (input.isEmpty()) {
            return lines;
        }
        int start = 0;
        while (start <= input.length()) {
            int newline = input.indexOf('\n', start);
            int to = newline < 0 ? input.length() : newline;
            if (newline < 0 && start == input.length()) {
                break; // the input ended with a line break: no empty line after it
            }
            String text = input.substring(start, to);
            long length = text.length();
            String kept = length > maxLength ? null : text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            lines.add(new LineReader.Line(lines.size() + 1, kept, length));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }

    @Test
    void linesEndAtLineBreaksWithOrWithoutCarriageReturns() {
        assertThat(read("a\r\nbc\n\nd", 10)).extracting(LineReader.Line::text).containsExactly("a", "bc", "", "d");
        assertThat(read("a\n", 10)).extracting(LineReader.Line::number).containsExactly(1L);
        assertThat(read("", 10)).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsCountedNotKeptEvenAcrossTheBuffer() {
        String huge = "x".repeat(200_000);
        List<LineReader.Line> lines = read("ok\n" + huge + "\nnext", 100_000);

        assertThat(lines).extracting(LineReader.Line::text).containsExactly("ok", null, "next");
        assertThat(lines.get(1).length()).isEqualTo(200_000);
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(read(huge, 200_000).get(0).text()).isEqualTo(huge); // exactly at the limit: kept
    }

    @Property(tries = 300)
    void anyInputIsCutAsTheContractSays(@ForAll("inputs") String input, @ForAll @IntRange(min = 1, max = 80_000) int max) {
        assertThat(read(input, max)).isEqualTo(expected(input, max));
    }

    @Provide
    Arbitrary<String> inputs() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab\r中").ofMaxLength(20),
                Arbitraries.strings().withChars("xyz").ofMinLength(60_000).ofMaxLength(140_000));
        return line.list().ofMaxSize(6).flatMap(parts -> Arbitraries.of("", "\n")
                .map(end -> String.join("\n", parts) + end));
    }
}
