package io.github.creditrisk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Borrower profiles and loans validate themselves")
class BorrowerProfileTest {

    private static BorrowerProfile.Builder valid() {
        return BorrowerProfile.builder("B-1", Segment.ORDINARY, "CN-GD-SZ")
                .monthlyIncome("8000").creditLimit("50000").creditScore(700);
    }

    @Test
    void aValidProfileKeepsItsValuesAndHasEmptyListsByDefault() {
        BorrowerProfile p = valid().build();

        assertThat(p.loans()).isEmpty();
        assertThat(p.monthlyRevenue()).isEmpty();
        assertThat(p.sector()).isNull();
        assertThat(p.monthlyIncome()).isEqualByComparingTo("8000");
    }

    @Test
    void listsAreCopiedSoTheProfileCannotChangeAfterwards() {
        List<Loan> loans = new ArrayList<>(List.of(Loan.of("A", "1", "1")));
        BorrowerProfile p = valid().loans(loans).build();
        loans.add(Loan.of("B", "1", "1"));

        assertThat(p.loans()).hasSize(1);
        assertThatThrownBy(() -> p.loans().add(Loan.of("C", "1", "1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachInvalidFieldIsNamedWithItsValueAndWhatWouldBeAccepted() {
        assertThatThrownBy(() -> valid().id(" ").build()).hasMessage("id: is blank; expected a non-blank text");
        assertThatThrownBy(() -> valid().segment(null).build()).hasMessage("segment: is missing; it is required");
        assertThatThrownBy(() -> valid().region("").build()).hasMessageStartingWith("region: is blank");
        assertThatThrownBy(() -> valid().monthlyIncome("-1").build())
                .hasMessage("monthlyIncome: -1 is negative; expected a number ≥ 0");
        assertThatThrownBy(() -> valid().creditLimit("-0.01").build())
                .hasMessage("creditLimit: -0.01 is negative; expected a number ≥ 0");
        assertThatThrownBy(() -> valid().creditScore(299).build())
                .hasMessage("creditScore: 299 is out of range; expected a whole number from 300 to 950");
        assertThatThrownBy(() -> valid().previousCreditScore(951).build())
                .hasMessage("previousCreditScore: 951 is out of range; expected a whole number from 300 to 950");
        assertThatThrownBy(() -> valid().monthlyRevenue("100", "-5").build())
                .hasMessage("monthlyRevenue[1]: -5 is negative; expected a number ≥ 0");
        assertThatThrownBy(() -> valid().sector(" ").build()).hasMessageStartingWith("sector: is blank");
    }

    @Test
    void loansNameTheirInvalidField() {
        assertThatThrownBy(() -> Loan.of("", "1", "1")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("lender"));
        assertThatThrownBy(() -> new Loan("A", BigDecimal.ONE, BigDecimal.ONE, -3))
                .hasMessage("daysPastDue: -3 is negative; expected a whole number ≥ 0");
    }

    @Test
    void aNestedErrorCanBeReportedUnderItsPath() {
        InvalidValueException e = new InvalidValueException("lender", "is blank").under("loans[2]");

        assertThat(e.field()).isEqualTo("loans[2].lender");
        assertThat(e.getMessage()).isEqualTo("loans[2].lender: is blank");
    }

    @Test
    void aLoanIsActiveWhileSomethingIsOwed() {
        assertThat(Loan.of("A", "0.01", "0").isActive()).isTrue();
        assertThat(Loan.of("A", "0", "100").isActive()).isFalse();
        assertThat(Loan.of("A", "0.00", "100").isActive()).isFalse();
    }
}
