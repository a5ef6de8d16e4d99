package io.github.creditrisk.rulecheck;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which loops the check lets through, on code compiled by either Java compiler Drools may use (ecj, its
 * default, and javac): a for-each over a collection or an array passes however it is written; every other loop,
 * including those that look like a for-each to a careless reader of the bytecode, is refused.
 */
@DisplayName("Only a for-each over a collection or an array passes the loop check, with ecj and with javac")
class LoopShapesTest {

    private static final String BOUNDED = """
            import java.util.List;
            import java.util.Map;
            public class Bounded {
                static int overAList(List<String> xs) {
                    int t = 0;
                    for (String x : xs) { if (x.isEmpty()) { continue; } t += x.length(); }
                    return t;
                }
                static int overAnArray(int[] xs) {
                    int t = 0;
                    for (int x : xs) { if (x < 0) { continue; } t += x; }
                    return t;
                }
                static int nested(List<int[]> rows, Map<String, Integer> m) {
                    int t = 0;
                    for (int[] row : rows) { for (int x : row) { t += x; } }
                    for (Map.Entry<String, Integer> e : m.entrySet()) { t += e.getValue(); }
                    outer:
                    for (int[] row : rows) { for (int x : row) { if (x == 0) { continue outer; } t += x; } }
                    return t;
                }
            }
            """;

    /** Methods that loop in a way that is not certain to end, each as {@code name: source}. */
    private static final List<String> UNBOUNDED = List.of(
            "whileLoop: static int f(int n) { while (n > 0) { n++; } return n; }",
            "doLoop: static int f(int n) { do { n++; } while (n != 0); return n; }",
            "countingFor: static int f(int n) { int t = 0; for (int i = 0; i < n; i++) { t += i; } return t; }",
            "lengthButNoStep: static int f(int[] xs) { int n = xs.length; int t = 0;"
                    + " for (int i = 0; i < n; ) { if (xs[i] > 0) { i++; } t++; } return t; }",
            "lengthStepBack: static int f(int[] xs) { int t = 0;"
                    + " for (int i = 0; i < xs.length; i++) { t += xs[i]; if (t > 10) { i--; } } return t; }",
            "iteratorNeverAdvanced: static int f(java.util.List<String> xs) { int t = 0;"
                    + " java.util.Iterator<String> it = xs.iterator(); while (it.hasNext()) { t++; } return t; }",
            "iteratorAdvancedSometimes: static int f(java.util.List<String> xs) { int t = 0;"
                    + " java.util.Iterator<String> it = xs.iterator();"
                    + " while (it.hasNext()) { if (t++ > 3) { it.next(); } } return t; }");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ecj", "javac"})
    void aForEachOverACollectionOrAnArrayPasses(String compiler) throws IOException {
        assertThat(CompiledRuleCheck.check(compile(compiler, "Bounded", BOUNDED), List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ecj", "javac"})
    void everyOtherLoopIsRefused(String compiler) throws IOException {
        for (String method : UNBOUNDED) {
            String name = method.substring(0, method.indexOf(':'));
            Map<String, byte[]> classes = compile(compiler, name, "public class " + name + " { "
                    + method.substring(name.length() + 1) + " }");

            assertThat(CompiledRuleCheck.check(classes, List.of())).as(name).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("has a loop that cannot be shown to end"));
        }
    }

    /** The class files of {@code source}, compiled for Java 17 by {@code compiler}, by name. */
    private Map<String, byte[]> compile(String compiler, String className, String source) throws IOException {
        Path src = Files.writeString(dir.resolve(className + ".java"), source);
        Path out = Files.createDirectories(dir.resolve(compiler + "-" + className));
        StringWriter messages = new StringWriter();
        boolean ok;
        if (compiler.equals("javac")) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ok = javac.run(null, null, null, "--release", "17", "-d", out.toString(), src.toString()) == 0;
        } else {
            ok = org.eclipse.jdt.internal.compiler.batch.Main.compile(new String[] {"-17", "-nowarn", "-d",
                    out.toString(), src.toString()}, new PrintWriter(messages), new PrintWriter(messages), null);
        }
        assertThat(ok).as(messages.toString()).isTrue();
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                classes.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return classes;
    }
}
