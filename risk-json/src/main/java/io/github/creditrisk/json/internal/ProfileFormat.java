package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static io.github.creditrisk.json.internal.Fields.Presence.OPTIONAL;
import static io.github.creditrisk.json.internal.Fields.Presence.REQUIRED;

/** The contract's borrower profile and loan objects, read and written. */
final class ProfileFormat {

    static final List<String> PROFILE_FIELDS = List.of("id", "segment", "region", "sector", "monthlyIncome",
            "creditLimit", "creditScore", "previousCreditScore", "loans", "monthlyRevenue");
    static final List<String> LOAN_FIELDS = List.of("lender", "outstanding", "monthlyPayment", "daysPastDue");

    private final Values values;

    ProfileFormat(Values values) {
        this.values = values;
    }

    BorrowerProfile read(JsonNode node, String path) {
        Fields f = Fields.open(node, path, "a borrower profile", PROFILE_FIELDS, values);
        String id = f.text("id", REQUIRED);
        Segment segment = f.choice("segment", REQUIRED, Segment.class, "a segment");
        String region = f.text("region", REQUIRED);
        String sector = f.text("sector", OPTIONAL);
        BigDecimal monthlyIncome = f.amount("monthlyIncome", REQUIRED);
        BigDecimal creditLimit = f.amount("creditLimit", REQUIRED);
        int creditScore = f.whole("creditScore", REQUIRED, BorrowerProfile.MIN_SCORE, BorrowerProfile.MAX_SCORE);
        Integer previousCreditScore = f.whole("previousCreditScore", OPTIONAL, BorrowerProfile.MIN_SCORE,
                BorrowerProfile.MAX_SCORE);
        List<Loan> loans = f.list("loans", values.limits().maxLoans(), "loans", this::readLoan);
        List<BigDecimal> monthlyRevenue = f.list("monthlyRevenue", values.limits().maxRevenueMonths(),
                "numbers (monthly sales, oldest first)", values::amount);
        return Construct.at(path, () -> new BorrowerProfile(id, segment, region, sector, monthlyIncome,
                creditLimit, creditScore, previousCreditScore, loans, monthlyRevenue));
    }

    private Loan readLoan(JsonNode node, String path) {
        Fields f = Fields.open(node, path, "a loan", LOAN_FIELDS, values);
        String lender = f.text("lender", REQUIRED);
        BigDecimal outstanding = f.amount("outstanding", REQUIRED);
        BigDecimal monthlyPayment = f.amount("monthlyPayment", REQUIRED);
        Integer daysPastDue = f.whole("daysPastDue", OPTIONAL, 0, values.limits().maxDaysPastDue());
        return Construct.at(path, () -> new Loan(lender, outstanding, monthlyPayment,
                daysPastDue == null ? 0 : daysPastDue));
    }

    /** Writes the profile with the contract's field names, leaving out absent optional fields. */
    static void write(JsonGenerator g, BorrowerProfile b) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("segment", b.segment().name());
        g.writeStringField("region", b.region());
        if (b.sector() != null) {
            g.writeStringField("sector", b.sector());
        }
        Codec.writeAmount(g, "monthlyIncome", b.monthlyIncome());
        Codec.writeAmount(g, "creditLimit", b.creditLimit());
        g.writeNumberField("creditScore", b.creditScore());
        if (b.previousCreditScore() != null) {
            g.writeNumberField("previousCreditScore", b.previousCreditScore());
        }
        g.writeArrayFieldStart("loans");
        for (Loan loan : b.loans()) {
            g.writeStartObject();
            g.writeStringField("lender", loan.lender());
            Codec.writeAmount(g, "outstanding", loan.outstanding());
            Codec.writeAmount(g, "monthlyPayment", loan.monthlyPayment());
            g.writeNumberField("daysPastDue", loan.daysPastDue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("monthlyRevenue");
        for (BigDecimal revenue : b.monthlyRevenue()) {
            g.writeNumber(revenue.toPlainString());
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
