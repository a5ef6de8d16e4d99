package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RestrictionType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No false alarms: rules that use BigDecimal, java.time, String, Math, collections, for-each loops, functions
 * calling functions, declared types, accumulate and {@code from} freely compile under the check and decide.
 */
@DisplayName("Rules that only decide compile, however freely they use the rule language")
class BenignRulesTest {

    private static final String BENIGN = """
            package policy;
            import java.math.BigDecimal;
            import java.math.RoundingMode;
            import java.time.LocalDate;
            import java.time.temporal.ChronoUnit;
            import java.util.List;
            import java.util.Map;
            import java.util.ArrayList;
            import java.util.Locale;
            import io.github.creditrisk.Loan;
            import io.github.creditrisk.Segment;
            import io.github.creditrisk.Remedy;
            import io.github.creditrisk.drools.facts.Borrower;
            import io.github.creditrisk.drools.facts.OverdueLoan;
            import io.github.creditrisk.drools.facts.Restrict;

            declare LenderCount
                borrower : Borrower
                lenders  : int = 0
                label    : String = "lenders"
            end

            function BigDecimal totalBalance( List loans ) {
                BigDecimal total = BigDecimal.ZERO;
                for ( Object o : loans ) {
                    total = total.add( ((Loan) o).outstanding() );
                }
                return total.setScale( 2, RoundingMode.HALF_UP );
            }

            function int worstOf( int[] days ) {
                int worst = 0;
                for ( int d : days ) {
                    worst = Math.max( worst, d );
                }
                return worst;
            }

            function boolean isLarge( BigDecimal amount ) {
                return amount.compareTo( new BigDecimal( "50000" ) ) > 0 && largeAmounts() > 0;
            }

            function int largeAmounts() { return 1; }

            rule "BEN-1 Count the lenders"
            when
                $b : Borrower( activeLenders > 0 )
            then
                insertLogical( new LenderCount( $b, $b.getActiveLenders(), "lenders" ) );
            end

            rule "BEN-2 Large balance, many lenders, a recent overdue: manual review"
                @family("BENIGN")
            when
                LenderCount( $b : borrower, lenders >= 2 )
                $o : OverdueLoan( borrower == $b, daysPastDue > 10 )
                eval( isLarge( totalBalance( $b.getProfile().loans() ) ) )
            then
                List<String> names = new ArrayList<>();
                int[] days = new int[ $b.getProfile().loans().size() ];
                int i = 0;
                for ( Loan loan : $b.getProfile().loans() ) {
                    names.add( loan.lender().strip().toUpperCase( Locale.ROOT ) );
                    days[ i++ ] = loan.daysPastDue();
                }
                LocalDate since = $b.getAsOf().minus( worstOf( days ), ChronoUnit.DAYS );
                String summary = String.join( ", ", names ) + " since " + since + " (" + Math.abs( -i ) + ")";
                Map<String, Integer> byName = Map.of( "worst", worstOf( days ) );
                insertLogical( Restrict.manualReview( $b, "BEN_LARGE_BALANCE" )
                                       .offer( Remedy.REPAYMENT_PLAN )
                                       .with( "balance", totalBalance( $b.getProfile().loans() ) )
                                       .with( "summary", summary.length() > 0 ? summary : "-" )
                                       .with( "worst", byName.get( "worst" ) ) );
            end

            rule "BEN-3 Sum the overdue balances with accumulate"
            when
                $b : Borrower( segment != Segment.HIGH_NET_WORTH )
                $n : Number( intValue > 99 ) from accumulate( OverdueLoan( borrower == $b, $d : daysPastDue ),
                                                              sum( $d ) )
            then
                modify( $b ) { }
            end
            """;

    @TempDir
    Path dir;

    @Test
    void rulesUsingBigDecimalTimeStringsMathAndLoopsCompileAndDecide() throws IOException {
        RuleDirs.copyBundledRulesTo(dir);
        Files.writeString(dir.resolve("benign.drl"), BENIGN);
        for (String lang : List.of("en", "zh")) {
            Path messages = dir.resolve("messages_" + lang + ".properties");
            Files.writeString(messages, Files.readString(messages) + "\nreason.BEN_LARGE_BALANCE = {summary}: {balance,amount}\n");
        }
        BorrowerProfile borrower = Borrowers.ordinary().id("BEN").loans(List.of(
                new Loan("Lender A", new BigDecimal("40000"), new BigDecimal("100"), 20),
                new Loan("Lender B", new BigDecimal("30000"), new BigDecimal("100"), 0))).build();

        try (DroolsRiskEngine engine = DroolsRiskEngine.fromDirectory(dir)) {
            Decision d = engine.evaluate(borrower, EvaluationContext.of(Signals.AS_OF));

            assertThat(d.restrictions()).anySatisfy(r -> {
                assertThat(r.rule()).isEqualTo("BEN-2");
                assertThat(r.type()).isEqualTo(RestrictionType.MANUAL_REVIEW);
                assertThat(r.reason()).startsWith("LENDER A, LENDER B since ").contains("70,000");
            });
        }
    }

    @Test
    void theBundledPolicyCompilesUnderTheCheckAtRunTime() {
        try (DroolsRiskEngine engine = DroolsRiskEngine.create(io.github.creditrisk.EngineSettings.defaults()
                .withOption(DroolsRiskEngine.BUILD_OPTION, "executable-model"))) {
            assertThat(engine.ruleSet().rules()).hasSameSizeAs(Engines.BUNDLED.ruleSet().rules());
        }
    }
}
