package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reading valid borrower profiles")
class BorrowerReadingTest {

    private final RiskJson json = RiskJson.create();

    @Test
    void everyFieldOfACompleteProfileIsRead() {
        // Given a profile with every field of the contract
        String text = Profiles.valid().json();

        // When it is read
        BorrowerProfile profile = json.readBorrower(text);

        // Then each field arrives unchanged
        assertThat(profile).isEqualTo(BorrowerProfile.builder("B-1001", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ")
                .sector("RETAIL")
                .monthlyIncome("12000.50")
                .creditLimit("80000")
                .creditScore(690)
                .previousCreditScore(720)
                .loan(Loan.of("Bank A", "50000", "2500.5").overdueBy(12))
                .monthlyRevenue("100000", "98000.25", "95000", "41000")
                .build());
    }

    @Test
    void decimalsStayExactAndKeepTheirScale() {
        String text = Profiles.valid().with("monthlyIncome", "0.1").with("monthlyRevenue", "[0.30, 1.50, 2]").json();

        BorrowerProfile profile = json.readBorrower(text);

        assertThat(profile.monthlyIncome()).isEqualTo(new BigDecimal("0.1"));
        assertThat(profile.monthlyRevenue())
                .containsExactly(new BigDecimal("0.30"), new BigDecimal("1.50"), new BigDecimal("2"));
    }

    @Test
    void absentOptionalFieldsMeanNoneAndNoHistory() {
        BorrowerProfile profile = json.readBorrower(Profiles.minimal().json());

        assertThat(profile.sector()).isNull();
        assertThat(profile.previousCreditScore()).isNull();
        assertThat(profile.loans()).isEmpty();
        assertThat(profile.monthlyRevenue()).isEmpty();
    }

    @Test
    void nullOptionalFieldsMeanTheSameAsAbsentOnes() {
        String text = Profiles.valid().with("sector", "null").with("previousCreditScore", "null")
                .with("loans", "null").with("monthlyRevenue", "null").json();

        assertThat(json.readBorrower(text)).isEqualTo(json.readBorrower(Profiles.minimal().json()));
    }

    @Test
    void daysPastDueDefaultsToZeroWhenAbsentOrNull() {
        BorrowerProfile absent = json.readBorrower(Profiles.valid().withoutLoanField("daysPastDue").json());
        BorrowerProfile nulled = json.readBorrower(Profiles.valid().withLoanField("daysPastDue", "null").json());

        assertThat(absent.loans().get(1).daysPastDue()).isZero();
        assertThat(nulled.loans().get(1).daysPastDue()).isZero();
    }

    @ParameterizedTest(name = "creditScore {0} is 700")
    @ValueSource(strings = {"700", "700.0", "700.000", "7e2", "7.00E+2"})
    void aWholeNumberMayBeWrittenWithAZeroFractionOrAnExponent(String score) {
        BorrowerProfile profile = json.readBorrower(Profiles.valid().with("creditScore", score).json());

        assertThat(profile.creditScore()).isEqualTo(700);
    }

    @Test
    void anAmountWithAnExponentIsStoredInPlainForm() {
        BorrowerProfile profile = json.readBorrower(Profiles.valid().with("creditLimit", "8e4").json());

        assertThat(profile.creditLimit()).isEqualTo(new BigDecimal("80000"));
        assertThat(json.writeBorrower(profile)).contains("\"creditLimit\":80000,");
    }

    @Test
    void minusZeroIsZeroWhichIsNotNegative() {
        BorrowerProfile profile = json.readBorrower(Profiles.valid().with("monthlyIncome", "-0")
                .with("creditLimit", "-0.0").json());

        assertThat(profile.monthlyIncome()).isEqualByComparingTo("0");
        assertThat(profile.creditLimit()).isEqualByComparingTo("0");
        assertThat(profile.creditLimit().signum()).isZero();
    }

    @Test
    void trailingZerosDoNotCountAsDecimalPlaces() {
        BorrowerProfile profile = json.readBorrower(Profiles.valid().with("monthlyIncome", "1.000000000000000000")
                .json());

        assertThat(profile.monthlyIncome()).isEqualByComparingTo("1");
    }

    @Test
    void fieldsMayComeInAnyOrderAndWithAnyWhitespace() {
        String text = """
                {
                  "monthlyRevenue" : [ ],
                  "creditScore"    : 690,
                  "creditLimit"    : 80000,
                  "monthlyIncome"  : 12000.50,
                  "region"         : "CN-GD-SZ",
                  "segment"        : "SMALL_BUSINESS_OWNER",
                  "id"             : "B-1001"
                }
                """;

        BorrowerProfile profile = json.readBorrower(text);

        assertThat(profile.id()).isEqualTo("B-1001");
        assertThat(profile.creditScore()).isEqualTo(690);
    }

    @Test
    void aByteOrderMarkBeforeTheDocumentIsIgnored() {
        BorrowerProfile profile = json.readBorrower("\uFEFF" + Profiles.valid().json());

        assertThat(profile.id()).isEqualTo("B-1001");
    }

    @Test
    void namedProfilesSurviveARoundTripUnchanged() {
        for (BorrowerProfile profile : List.of(Borrowers.smallRetailerWithCollapsingSales(),
                Borrowers.firstTimeBorrowerWithThinFile(), Borrowers.wealthyCustomerWithExactFractions())) {
            // When a profile is written and read back
            String written = json.writeBorrower(profile);

            // Then it is equal, scale and all, and was written on one line
            assertThat(json.readBorrower(written)).isEqualTo(profile);
            assertThat(written).doesNotContain("\n");
        }
    }

    @Test
    void writtenProfilesUseTheContractsFieldNamesAndLeaveOutAbsentOptionalFields() {
        String written = json.writeBorrower(Borrowers.firstTimeBorrowerWithThinFile());

        assertThat(written).isEqualTo("{\"id\":\"B-2002\",\"segment\":\"FIRST_TIME\",\"region\":\"CN-BJ\","
                + "\"monthlyIncome\":0,\"creditLimit\":5000,\"creditScore\":300,\"loans\":[],\"monthlyRevenue\":[]}");
    }
}
