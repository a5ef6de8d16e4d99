package io.github.creditrisk.drools;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleError;
import io.github.creditrisk.drools.facts.Borrower;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules decide and can do nothing else: hostile rule files of every kind are refused at compile time, each
 * with FILE:LINE and the rule's id, and nothing they plant happens. Every side effect planted here is first
 * shown to happen when the same DRL is built by Drools without the check, so the check is not vacuous.
 *
 * <p>Each hostile line ends with a comment {@code // <- ID}: the error must name that rule and that line.
 */
@DisplayName("Rules may only decide: hostile rule files are refused with file and line, and nothing happens")
class RulesOnlyDecideTest {

    /** Rules whose side effects can be watched from here; {@code DIR} and {@code PORT} are filled in. */
    private static final String ACTING = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;

            rule "ACT-1 Writes a file"
            when
                $b : Borrower( )
            then
                java.nio.file.Files.writeString( java.nio.file.Path.of( "DIR/written" ), "x" ); // <- ACT-1
            end

            rule "ACT-2 Starts a process"
            when
                $b : Borrower( )
            then
                new ProcessBuilder( "touch", "DIR/process" ).start().waitFor(); // <- ACT-2
            end

            rule "ACT-3 Sets a system property"
            when
                $b : Borrower( )
            then
                System.setProperty( "creditrisk.hostile.property", "set" ); // <- ACT-3
            end

            rule "ACT-4 Opens a socket"
            when
                $b : Borrower( )
            then
                new java.net.Socket( "127.0.0.1", PORT ).close(); // <- ACT-4
            end

            rule "ACT-5 Calls through reflection"
            when
                $b : Borrower( )
            then
                Class.forName( "java.lang.System" ) // <- ACT-5
                     .getMethod( "setProperty", String.class, String.class )
                     .invoke( null, "creditrisk.hostile.reflection", "set" );
            end

            rule "ACT-6 Acts from a condition"
            when
                $b : Borrower( System.setProperty( "creditrisk.hostile.condition", "set" ) == null ) // <- ACT-6
            then
            end

            rule "ACT-7 Starts a thread"
            when
                $b : Borrower( )
            then
                new Thread( new StringBuilder( "x" ).toString() ).start(); // <- ACT-7
            end
            """;

    /** Rules that would hang, exit or reach what rules may not; only ever compiled with the check. */
    private static final String REFUSED = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;

            function int spin( int x ) {
                while ( x > 0 ) { x = x + 1; } // <- spin
                return x;
            }

            function int countDown( int x ) {
                return x > 0 ? countDown( x - 1 ) : 0; // <- countDown
            }

            function int ping( int x ) {
                return x > 0 ? pong( x - 1 ) : 0; // <- ping
            }

            function int pong( int x ) {
                return ping( x );
            }

            rule "REF-1 Exits the JVM"
            when
                $b : Borrower( )
            then
                System.exit( 0 ); // <- REF-1
            end

            rule "REF-2 Halts the runtime"
            when
                $b : Borrower( )
            then
                Runtime.getRuntime().halt( 0 ); // <- REF-2
            end

            rule "REF-3 Spins"
            when
                $b : Borrower( )
            then
                int n = 0;
                do { n++; } while ( n != 0 ); // <- REF-3
            end

            rule "REF-4 Counts without a collection"
            when
                $b : Borrower( )
            then
                for ( long i = 0; i < Long.MAX_VALUE; i++ ) { } // <- REF-4
            end

            rule "REF-5 Sleeps"
            when
                $b : Borrower( )
            then
                Thread.sleep( 60000 ); // <- REF-5
            end

            rule "REF-6 Reads the environment"
            when
                $b : Borrower( )
            then
                String home = System.getenv( "HOME" ); // <- REF-6
            end

            rule "REF-7 Holds a lock"
            when
                $b : Borrower( )
            then
                synchronized ( $b ) { $b.getRegion(); } // <- REF-7
            end

            rule "REF-8 Reaches the class loader"
            when
                $b : Borrower( )
            then
                Object loader = $b.getClass().getClassLoader(); // <- REF-8
            end

            rule "REF-9 Keeps a method handle"
            when
                $b : Borrower( )
            then
                java.util.function.IntConsumer exit = System::exit; // <- REF-9
            end

            rule "REF-10 Reaches into the session"
            when
                $b : Borrower( )
            then
                Object everything = drools.getKieRuntime().getObjects(); // <- REF-10
            end

            rule "REF-11 Backtracks a regular expression"
            when
                $b : Borrower( region.matches( "(a+)+b" ) ) // <- REF-11
            then
            end

            rule "REF-12 Reads a system property through a number"
            when
                $b : Borrower( creditScore > Integer.getInteger( "threshold", 0 ) ) // <- REF-12
            then
            end

            rule "REF-13 Uses the network"
            when
                $b : Borrower( )
            then
                java.net.URI.create( "http://example.com" ).toURL().openStream(); // <- REF-13
            end

            rule "REF-14 Waits on an object"
            when
                $b : Borrower( )
            then
                $b.wait(); // <- REF-14
            end

            query "REF-15"( Borrower $b )
                $b := Borrower( System.getenv( "HOME" ) != null ) // <- REF-15
            end

            rule "REF-16 Takes facts from a call"
            when
                $b : Borrower( )
                $home : String( ) from System.getProperty( "user.home" ) // <- REF-16
            then
            end
            """;

    /** What Drools would work out while building: refused before the build, so it never runs. */
    private static final String BUILD_TIME = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;

            rule "BLD-1 Metadata that acts"
                @family( java.lang.System.setProperty( "creditrisk.hostile.metadata", "set" ) ) // <- BLD-1
            when
                $b : Borrower( )
            then
            end

            rule "BLD-2 A timer"
                timer ( int: 1s ) // <- BLD-2
            when
                $b : Borrower( )
            then
            end

            rule "BLD-3 The MVEL dialect"
                dialect "mvel" // <- BLD-3
            when
                $b : Borrower( )
            then
            end

            rule "BLD-4 A salience worked out"
                salience ( java.lang.Integer.parseInt( "1" ) ) // <- BLD-4
            when
                $b : Borrower( )
            then
            end

            rule "BLD-5 An accumulate with code of its own"
            when
                $b : Borrower( )
                $n : Integer( ) from accumulate( io.github.creditrisk.drools.facts.OverdueLoan( borrower == $b ), // <- BLD-5
                                                 init( int c = 0; ), action( c++; ), result( Integer.valueOf( c ) ) )
            then
            end
            """;

    @TempDir
    Path dir;
    @TempDir
    Path effects;

    @AfterEach
    void forgetProperties() {
        for (String p : List.of("property", "reflection", "condition", "metadata")) {
            System.clearProperty("creditrisk.hostile." + p);
        }
    }

    @Test
    void withoutTheCheckEveryPlantedSideEffectHappens() throws Exception {
        try (ServerSocket server = listening()) {
            String drl = ACTING.replace("DIR", effects.toString()).replace("PORT", String.valueOf(server.getLocalPort()));

            fireWithoutTheCheck(drl);

            assertThat(effects.resolve("written")).exists();
            assertThat(effects.resolve("process")).exists();
            assertThat(System.getProperty("creditrisk.hostile.property")).isEqualTo("set");
            assertThat(System.getProperty("creditrisk.hostile.reflection")).isEqualTo("set");
            assertThat(System.getProperty("creditrisk.hostile.condition")).isEqualTo("set");
            assertThat(accepted(server)).isTrue();
        }
        // and metadata is worked out while Drools builds, before any rule fires
        buildWithoutTheCheck(BUILD_TIME.substring(0, BUILD_TIME.indexOf("rule \"BLD-2")));
        assertThat(System.getProperty("creditrisk.hostile.metadata")).isEqualTo("set");
    }

    @Test
    void rulesThatActOnTheWorldAreRefusedAndNothingHappens() throws Exception {
        try (ServerSocket server = listening()) {
            String drl = ACTING.replace("DIR", effects.toString()).replace("PORT", String.valueOf(server.getLocalPort()));

            List<RuleError> errors = refused("acting.drl", drl);

            assertEveryMarkedLineIsReported("acting.drl", drl, errors);
            assertThat(errors).extracting(RuleError::message).anySatisfy(m -> assertThat(m)
                    .isEqualTo("rule \"ACT-1\" may not call java.nio.file.Files.writeString (rules may only use the"
                            + " fact model, the API's values, java.lang basics (String, Math, boxed numbers,"
                            + " exceptions), java.math, java.time values and collections; see rules/README.md)"));
            assertThat(errors).extracting(RuleError::message)
                    .anySatisfy(m -> assertThat(m).contains("ACT-2", "may not create java.lang.ProcessBuilder"))
                    .anySatisfy(m -> assertThat(m).contains("ACT-3", "may not call java.lang.System.setProperty"))
                    .anySatisfy(m -> assertThat(m).contains("ACT-4", "may not create java.net.Socket"))
                    .anySatisfy(m -> assertThat(m).contains("ACT-5", "may not call java.lang.Class.forName"))
                    .anySatisfy(m -> assertThat(m).contains("ACT-7", "may not create java.lang.Thread"));
            try (Stream files = new Stream(effects)) {
                assertThat(files.count()).isZero();
            }
            assertThat(System.getProperty("creditrisk.hostile.property")).isNull();
            assertThat(System.getProperty("creditrisk.hostile.condition")).isNull();
            assertThat(accepted(server)).isFalse();
        }
    }

    @Test
    void rulesThatWouldHangExitOrReachTheEngineAreRefused() throws IOException {
        List<RuleError> errors = refused("refused.drl", REFUSED);

        assertEveryMarkedLineIsReported("refused.drl", REFUSED, errors);
        assertThat(errors).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).startsWith("function \"spin\" has a loop that cannot be shown to end"))
                .anySatisfy(m -> assertThat(m).startsWith("function \"countDown\" calls itself"))
                .anySatisfy(m -> assertThat(m).contains("calls itself", "ping", "pong"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-1\" may not call java.lang.System.exit"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-3\" has a loop that cannot be shown to end"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-4\" has a loop"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-7\" may not hold a lock"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-9\" may not call java.lang.System.exit"))
                .anySatisfy(m -> assertThat(m).contains("REF-10", "reaches into the engine"))
                .anySatisfy(m -> assertThat(m).contains("REF-11", "regular expression"))
                .anySatisfy(m -> assertThat(m).contains("REF-12", "system property"))
                .anySatisfy(m -> assertThat(m).contains("REF-14", "never wait"))
                .anySatisfy(m -> assertThat(m).startsWith("query \"REF-15\" may not call java.lang.System.getenv"))
                .anySatisfy(m -> assertThat(m).startsWith("rule \"REF-16\" may not call java.lang.System.getProperty"));
    }

    @Test
    void whatDroolsWouldWorkOutWhileBuildingIsRefusedBeforeItRuns() throws IOException {
        List<RuleError> errors = refused("build-time.drl", BUILD_TIME);

        assertEveryMarkedLineIsReported("build-time.drl", BUILD_TIME, errors);
        assertThat(errors).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).startsWith("rule \"BLD-1\" has @family(").contains("must be a literal"))
                .anySatisfy(m -> assertThat(m).contains("BLD-2", "timer"))
                .anySatisfy(m -> assertThat(m).contains("BLD-3", "dialect"))
                .anySatisfy(m -> assertThat(m).contains("BLD-4", "salience"))
                .anySatisfy(m -> assertThat(m).contains("BLD-5", "accumulates with code of its own"));
        assertThat(System.getProperty("creditrisk.hostile.metadata")).isNull();
    }

    private List<RuleError> refused(String file, String drl) throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve(file), drl);
        RuleCompilationException e = org.junit.jupiter.api.Assertions.assertThrows(RuleCompilationException.class,
                () -> DroolsRiskEngine.fromDirectory(dir));
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.file()).isEqualTo(file));
        return e.errors();
    }

    /** Every line marked {@code // <- ID} has an error on that line naming ID. */
    private static void assertEveryMarkedLineIsReported(String file, String drl, List<RuleError> errors) {
        Matcher marker = Pattern.compile("// <- (\\S+)").matcher(drl);
        int marked = 0;
        while (marker.find()) {
            marked++;
            int line = (int) drl.substring(0, marker.start()).chars().filter(c -> c == '\n').count() + 1;
            String id = marker.group(1);
            assertThat(errors).as("an error at %s:%d naming %s", file, line, id)
                    .anySatisfy(e -> {
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.message()).contains("\"" + id + "\"");
                    });
        }
        assertThat(marked).isPositive();
    }

    /** Builds {@code drl} with Drools alone (no check) and fires it on one ordinary borrower. */
    private static void fireWithoutTheCheck(String drl) {
        KieContainer container = buildWithoutTheCheck(drl);
        KieSession session = container.getKieBase().newKieSession();
        try {
            session.insert(new Borrower(Borrowers.ordinary().build(), Signals.AS_OF, List.of(), List.of()));
            session.fireAllRules();
        } finally {
            session.dispose();
            container.dispose();
        }
    }

    private static KieContainer buildWithoutTheCheck(String drl) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("test", "unchecked-" + System.nanoTime(), "1.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id)
                .write("src/main/resources/policy/unchecked.drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        return ks.newKieContainer(id);
    }

    private static ServerSocket listening() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        return server;
    }

    private static boolean accepted(ServerSocket server) throws IOException {
        try (java.net.Socket ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** The files of a directory, closed after use. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path dir) throws IOException {
            this.files = Files.list(dir);
        }

        long count() {
            return files.count();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
