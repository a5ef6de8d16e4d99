package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled rules plus rules that go wrong on purpose, each only for borrowers whose region names it, so
 * that every other borrower is decided exactly as by the bundled rules. Compiled once per test run and
 * shared, like {@link Engines}.
 *
 * <ul>
 *   <li>{@code ZZ-LOOP}: a rule that re-triggers itself without end;</li>
 *   <li>{@code ZZ-PAIRS}: a cross product, one firing per pair of the borrower's overdue loans;</li>
 *   <li>{@code ZZ-GROW}: facts that beget facts, doubling at every step;</li>
 *   <li>{@code ZZ-THROW}: a consequence that divides by zero.</li>
 * </ul>
 */
public final class HostileRules {

    static final String LOOP = "ZZ-LOOP";
    static final String PAIRS = "ZZ-PAIRS";
    static final String GROW = "ZZ-GROW";
    static final String THROW = "ZZ-THROW";

    static final String DRL = """
            package policy;
            import io.github.creditrisk.drools.facts.Borrower;
            import io.github.creditrisk.drools.facts.OverdueLoan;

            declare Tick
                borrower : Borrower
                n : int
            end

            declare Pair
                a : OverdueLoan
                b : OverdueLoan
            end

            declare Node
                borrower : Borrower
                depth : int
            end

            rule "HST-1 Start ticking"
            when
                $b : Borrower( region == "ZZ-LOOP" )
            then
                insert( new Tick( $b, 0 ) );
            end

            rule "HST-2 Tick forever"
            when
                $b : Borrower( )
                $t : Tick( borrower == $b, n >= 0 )
            then
                modify( $t ) { setN( $t.getN() + 1 ) }
            end

            rule "HST-3 Every pair of a borrower's overdue loans"
            when
                $b : Borrower( region == "ZZ-PAIRS" )
                $x : OverdueLoan( borrower == $b )
                $y : OverdueLoan( borrower == $b )
            then
                insert( new Pair( $x, $y ) );
            end

            rule "HST-4 Plant a node"
            when
                $b : Borrower( region == "ZZ-GROW" )
            then
                insert( new Node( $b, 0 ) );
            end

            rule "HST-5 Every node begets two"
            when
                $b : Borrower( )
                $n : Node( borrower == $b, depth < 60 )
            then
                insert( new Node( $n.getBorrower(), $n.getDepth() + 1 ) );
                insert( new Node( $n.getBorrower(), $n.getDepth() + 1 ) );
            end

            rule "HST-6 Divide by zero"
            when
                $b : Borrower( region == "ZZ-THROW" )
            then
                int perLender = 100 / ( $b.getActiveLenders() * 0 );
            end
            """;

    /**
     * A rule that never fires but matches two facts without tying them to one borrower: with it, the rules are not proven
     * to keep borrowers apart, and every borrower is decided in a session of its own.
     */
    static final String UNTIED = """
            rule "HST-7 Two nodes of no depth"
            when
                $n : Node( depth < 0 )
                $m : Node( depth < 0, this != $n )
            then
            end
            """;

    /** The bundled rules, {@link #DRL} and {@link #UNTIED}, compiled once: each borrower in a session of its own. */
    static final DroolsRiskEngine ENGINE = compile(DRL + UNTIED);

    /**
     * The bundled rules and {@link #DRL}, whose every pattern is tied to one borrower: borrowers share sessions,
     * and a batch's borrowers fire together, yet a batch must still decide as borrower by borrower.
     */
    static final DroolsRiskEngine ENGINE_SHARED = compile(DRL);

    private HostileRules() {
    }

    private static DroolsRiskEngine compile(String drl) {
        try {
            Path dir = Files.createTempDirectory("hostile-rules");
            try {
                RuleDirs.copyBundledRulesTo(dir);
                Files.writeString(dir.resolve("hostile.drl"), drl);
                return DroolsRiskEngine.fromDirectory(dir);
            } finally {
                RuleDirs.delete(dir); // compiled: the engine no longer reads the files
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A borrower the hostile rules pick on: region {@code marker}, with {@code overdueLoans} overdue loans. */
    static BorrowerProfile victim(String id, String marker, int overdueLoans) {
        List<Loan> loans = new ArrayList<>();
        for (int i = 0; i < overdueLoans; i++) {
            loans.add(new Loan("Lender " + i, new BigDecimal("1000"), new BigDecimal("10"), 1 + i % 20));
        }
        return Borrowers.ordinary().id(id).region(marker).loans(loans).build();
    }

    /**
     * What a decision says, without the rule set version that differs between two rule sets deciding alike:
     * outcome, limits, every restriction and exemption with its reason, and the notice.
     */
    static String content(Decision d) {
        StringBuilder b = new StringBuilder(d.borrowerId()).append(' ').append(d.outcome()).append(' ')
                .append(d.creditLimit().toPlainString()).append(" -> ").append(d.recommendedLimit().toPlainString());
        for (Restriction r : d.restrictions()) {
            b.append("\n  ").append(r);
        }
        d.exemptions().forEach(e -> b.append("\n  ").append(e));
        return b.append("\n  ").append(d.notice()).toString();
    }

    /** {@link #content(Decision)} of a decided evaluation; the error of a failed one. */
    static String content(Evaluation e) {
        return e instanceof Evaluation.Decided d ? content(d.decision()) : "FAILED " + e.borrowerId() + ": "
                + ((Evaluation.Failed) e).error();
    }
}
