package io.github.creditrisk.drools.internal;

import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.OverdueLoan;
import io.github.creditrisk.rulecheck.ParsedDrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BorrowerIsolationTest {

    private static final String HEADER = """
            package policy;
            import io.github.creditrisk.ServiceOutage;
            import io.github.creditrisk.drools.facts.Borrower;
            import io.github.creditrisk.drools.facts.OverdueLoan;
            import io.github.creditrisk.drools.facts.Restrict;
            declare Mark
                borrower : Borrower
                loan : OverdueLoan
            end
            """;

    private static String rule(String when, String then) {
        return HEADER + "rule \"T-1 test\"\nwhen\n" + when + "\nthen\n" + then + "\nend\n";
    }

    private static String doubt(String drl) {
        return BorrowerIsolation.doubt(ParsedDrl.parse(Map.of("t.drl", drl))).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$b : Borrower( dti > 1 )",
            "Borrower( )",
            "$o : OverdueLoan( $b : borrower )\nnot OverdueLoan( borrower == $b, daysPastDue > $o.daysPastDue )",
            "Mark( $b : borrower, $o : loan )\n$p : OverdueLoan( borrower == $b )",
            "$o : OverdueLoan( daysPastDue > 30 )",
            "$s : ServiceOutage( )\n$o : OverdueLoan( $s.covers( overdueSince ) )",
            "$b : Borrower( )\n$o : OverdueLoan( borrower == $b, daysPastDue > 30 )",
            "$b : Borrower( )\n$o : OverdueLoan( $b == borrower )",
            "$b : Borrower( )\n$o : OverdueLoan( borrower == $b )\n$m : Mark( loan == $o )",
            "$m : Mark( borrower == $b )\n$b : Borrower( )",
            "$b : Borrower( )\nnot Mark( borrower == $b )",
            "$b : Borrower( )\nexists( OverdueLoan( borrower == $b ) )",
            "$b : Borrower( )\n$s : ServiceOutage( )",
            "$b : Borrower( )\n$n : Number( ) from accumulate( OverdueLoan( borrower == $b, $d : daysPastDue ), max( $d ) )",
            "$b : Borrower( )\n$l : io.github.creditrisk.Loan( ) from $b.getProfile().loans()",
    })
    void rulesThatTieEveryPatternToTheirBorrowerAreProven(String when) {
        assertThat(doubt(rule(when, ""))).isNull();
    }

    @Test
    void theBundledRulesAreProven() {
        assertThat(BorrowerIsolation.doubt(ParsedDrl.parse(RuleSetSource.bundled().drlFiles()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$o : OverdueLoan( )\n$p : OverdueLoan( )",
            "$b : Borrower( )\n$o : OverdueLoan( )",
            "$b : Borrower( )\n$c : Borrower( )",
            "$b : Borrower( )\n$o : OverdueLoan( lender == \"A\" )",
            "$b : Borrower( )\n$o : OverdueLoan( borrower.id == $b.id )",
            "$b : Borrower( )\n$o : OverdueLoan( borrower == $b )\n$p : OverdueLoan( lender == $o.lender )",
            "$b : Borrower( )\nnot Mark( )",
            "$b : Borrower( )\n$n : Number( ) from accumulate( OverdueLoan( $d : daysPastDue ), max( $d ) )",
            "$b : Borrower( )\n( Mark( borrower == $b ) or OverdueLoan( borrower == $b ) )",
            "$s : ServiceOutage( )",
            "$m : Mark( )\n$o : OverdueLoan( )",
    })
    void rulesThatMayMeetAnotherBorrowersFactsAreNotProven(String when) {
        assertThat(doubt(rule(when, ""))).isNotNull();
    }

    @Test
    void aRuleThatDeletesASignalIsNotProven() {
        assertThat(doubt(rule("$b : Borrower( )\n$s : ServiceOutage( )", "delete( $s );")))
                .contains("changes the signal $s");
    }

    @Test
    void aDeclaredFieldCalledBorrowerMustHoldABorrower() {
        String drl = HEADER.replace("end\n", "end\ndeclare Odd\n    borrower : String\nend\n")
                + "rule \"T-1 test\"\nwhen\n$b : Borrower( )\nthen\nend\n";
        assertThat(doubt(drl)).contains("field borrower that is not a Borrower");
    }

    @Test
    void aDeclaredTypeWithKeysIsNotProven() {
        String drl = HEADER.replace("end\n", "end\ndeclare Keyed\n    code : String @key\nend\n")
                + "rule \"T-1 test\"\nwhen\n$b : Borrower( )\nthen\nend\n";
        assertThat(doubt(drl)).contains("@key");
    }

    @Test
    void theFactsOthersAreTiedToAreComparedByIdentity() throws NoSuchMethodException {
        assertThat(Borrower.class.getMethod("equals", Object.class).getDeclaringClass()).isEqualTo(Object.class);
        assertThat(OverdueLoan.class.getMethod("equals", Object.class).getDeclaringClass()).isEqualTo(Object.class);
    }
}
