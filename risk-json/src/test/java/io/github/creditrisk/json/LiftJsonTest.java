package io.github.creditrisk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.creditrisk.Action;
import io.github.creditrisk.Decision;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.Way;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("The ways that lift a restriction, in the decision JSON")
class LiftJsonTest {

    private final RiskJson json = RiskJson.create();

    /** The decision of {@link Decisions#overborrowedWithForgivenOverdue()} with every kind of action on its ways. */
    static Decision withWays() {
        Decision d = Decisions.overborrowedWithForgivenOverdue();
        List<Restriction> lifted = new ArrayList<>();
        for (Restriction r : d.restrictions()) {
            lifted.add(r.withLift(List.of(
                    new Way(List.of(new Action.LowerRepayments(new BigDecimal("7200"))), "Bring your repayments to 7,200."),
                    new Way(List.of(new Action.RaiseVerifiedIncome(new BigDecimal("15167")),
                            new Action.RepayLoans(List.of("Quick Loans", "bank a"))), "Prove income and repay."),
                    new Way(List.of(new Action.ClearArrears(List.of("Star Loans"))), "Clear the arrears."),
                    new Way(List.of(new Action.RecoverSales(new BigDecimal("60000")),
                            new Action.RecoverScore(700)), "Sell and score."),
                    new Way(List.of(new Action.SignalEnds("BAN-1", LocalDate.of(2027, 1, 31)),
                            new Action.SignalEnds("DT-1", null)), "Wait."))));
        }
        lifted.set(lifted.size() - 1, lifted.get(lifted.size() - 1).withLift(List.of()));
        return new Decision(d.borrowerId(), d.outcome(), d.creditLimit(), d.recommendedLimit(), lifted,
                d.exemptions(), d.notice(), d.rulesetVersion());
    }

    @Test
    void aRestrictionWithoutRecourseHasNoLiftField() throws Exception {
        JsonNode written = new ObjectMapper().readTree(json.writeDecision(Decisions.overborrowedWithForgivenOverdue()));

        assertThat(written.get("restrictions").get(0).has("lift")).isFalse();
    }

    @Test
    void waysAreWrittenAsTheContractShowsThem() throws Exception {
        JsonNode r = new ObjectMapper().readTree(json.writeDecision(withWays())).get("restrictions").get(0);

        assertThat(r.get("lift").get(0).toString()).isEqualTo(
                "{\"actions\":[{\"kind\":\"LOWER_REPAYMENTS\",\"target\":7200}],\"text\":\"Bring your repayments to 7,200.\"}");
        assertThat(r.get("lift").get(1).get("actions").get(1).toString())
                .isEqualTo("{\"kind\":\"REPAY_LOANS\",\"lenders\":[\"bank a\",\"Quick Loans\"]}");
        assertThat(r.get("lift").get(4).get("actions").toString()).isEqualTo(
                "[{\"kind\":\"SIGNAL_ENDS\",\"signal\":\"BAN-1\",\"until\":\"2027-01-31\"},"
                        + "{\"kind\":\"SIGNAL_ENDS\",\"signal\":\"DT-1\"}]");
    }

    @Test
    void waysReadBackEqual() {
        Decision d = withWays();

        assertThat(json.readDecision(json.writeDecision(d))).isEqualTo(d);
        assertThat(json.readDecision(json.writeDecision(d)).restrictions().get(2).lift()).isEmpty();
    }

    @Test
    void anActionWithAFieldOfAnotherKindIsRejectedByName() {
        String line = json.writeDecision(withWays()).replaceFirst("\"target\":7200", "\"target\":7200,\"lenders\":[\"X\"]");

        InvalidValueException e = catchThrowableOfType(() -> json.readDecision(line), InvalidValueException.class);

        assertThat(e.field()).isEqualTo("restrictions[0].lift[0].actions[0].lenders");
        assertThat(e.getMessage()).contains("is not a field of a LOWER_REPAYMENTS action; expected one of kind, target");
    }

    @Test
    void anUnknownKindIsRejectedByName() {
        String line = json.writeDecision(withWays()).replaceFirst("LOWER_REPAYMENTS", "BORROW_MORE");

        InvalidValueException e = catchThrowableOfType(() -> json.readDecision(line), InvalidValueException.class);

        assertThat(e.field()).isEqualTo("restrictions[0].lift[0].actions[0].kind");
    }
}
