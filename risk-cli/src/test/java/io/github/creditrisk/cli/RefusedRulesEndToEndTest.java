package io.github.creditrisk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk eval} and {@code risk check} with a rule that would exit the JVM, spin, recurse or write a file:
 * refused before any borrower is decided, with the file, the line and the rule, exit code 2 (1 for check), and
 * quickly: nothing of it ran.
 */
@DisplayName("risk eval and risk check refuse rules that would exit, spin, recurse or act, naming file and line")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RefusedRulesEndToEndTest {

    private static final Path BUNDLED_RULES = Path.of("..", "rules", "policy").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exits    | System.exit( 0 );                                         | may not call java.lang.System.exit
            spins    | int n = 1; while ( n > 0 ) { n = n + 1; }                 | has a loop that cannot be shown to end
            recurses | int depth = deeper( 1 );                                  | function "deeper" calls itself
            writes   | java.nio.file.Files.writeString( java.nio.file.Path.of( "OUT" ), "x" ); | may not call java.nio.file.Files.writeString
            """)
    void aRuleThatWouldDoMoreThanDecideStopsTheRunBeforeAnyBorrowerIsDecided(String what, String code,
                                                                             String message) throws IOException {
        Path written = dir.resolve("written");
        Path rules = rules(code.replace("OUT", written.toString()));
        Path portfolio = Files.writeString(dir.resolve("p.jsonl"),
                String.join("\n", Risk.run("generate", "--count", "20", "--seed", "3").lines()) + "\n");

        Risk.Run eval = Risk.run("eval", "--rules", rules.toString(), "--as-of", "2026-11-01", portfolio.toString());
        Risk.Run check = Risk.run("check", "--rules", rules.toString());

        assertThat(eval.exit()).isEqualTo(2);
        assertThat(eval.out()).isEmpty();
        assertThat(eval.err()).contains("zzz.drl:" + (code.contains("deeper") ? 4 : 12) + ": ").contains(message)
                .contains("do not compile");
        eval.withoutStackTrace();
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out() + check.err()).contains(message);
        assertThat(written).doesNotExist();
    }

    private Path rules(String consequence) throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(BUNDLED_RULES)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.writeString(rules.resolve("zzz.drl"), """
                package policy;
                import io.github.creditrisk.drools.facts.Borrower;
                function int deeper( int n ) {
                    return %s;
                }

                rule "ZZZ-1 Does more than decide"
                when
                    $b : Borrower( )
                then
                    int unused = 0;
                    %s
                end
                """.formatted(consequence.contains("deeper") ? "n > 0 ? deeper( n + 1 ) : n" : "n", consequence));
        return rules;
    }
}
