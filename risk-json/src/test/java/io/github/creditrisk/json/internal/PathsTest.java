package io.github.creditrisk.json.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PathsTest {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** The quick check of a plain key accepts exactly what the pattern of the error format does. */
    @Property(tries = 3000)
    void aPlainNameIsWhatThePatternSaysItIs(@ForAll("keys") String key) {
        assertThat(Paths.isPlainName(key)).isEqualTo(PLAIN_NAME.matcher(key).matches());
    }

    @Property(tries = 500)
    void aKeyThatIsNotPlainIsQuotedInBrackets(@ForAll("keys") String key) {
        String path = Paths.child("loans[0]", key);
        assertThat(path).isEqualTo(PLAIN_NAME.matcher(key).matches() ? "loans[0]." + key : "loans[0][" + Show.text(key) + "]");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ_09-. é\"[").ofMinLength(0).ofMaxLength(70),
                Arbitraries.strings().withCharRange('0', 'z').ofMinLength(60).ofMaxLength(66),
                Arbitraries.strings().all().ofMaxLength(8));
    }
}
