package io.github.creditrisk.drools.facts;

import io.github.creditrisk.Loan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctLendersTest {

    /** The quick count agrees with the policy's definition: distinct names in lower case, active loans only. */
    @Property(tries = 3000)
    void lendersAreCountedAsTheirLowerCaseNamesAre(@ForAll("loans") List<Loan> loans) {
        Set<String> expected = new HashSet<>();
        loans.stream().filter(Loan::isActive).forEach(l -> expected.add(l.lender().toLowerCase(Locale.ROOT)));

        assertThat(Borrower.distinctActiveLenders(loans)).isEqualTo(expected.size());
    }

    @Provide
    Arbitrary<List<Loan>> loans() {
        // few letters, so that names repeat in other cases; non-ASCII letters whose case folding is unusual
        Arbitrary<String> names = Arbitraries.strings().withChars("aAbBİıiIßSsΣσς").ofMinLength(1).ofMaxLength(3);
        Arbitrary<Loan> loan = Arbitraries.integers().between(0, 2).flatMap(outstanding -> names.map(name ->
                new Loan(name, BigDecimal.valueOf(outstanding), BigDecimal.TEN, 0)));
        return loan.list().ofMaxSize(24);
    }
}
