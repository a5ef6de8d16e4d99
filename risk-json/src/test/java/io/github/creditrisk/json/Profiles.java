package io.github.creditrisk.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Borrower profiles as JSON text, built field by field so that a test can change exactly one field:
 * {@code Profiles.valid().with("creditScore", "2.5").json()}. Values are raw JSON.
 */
final class Profiles {

    private final Map<String, String> fields;

    private Profiles(Map<String, String> fields) {
        this.fields = fields;
    }

    /** A small retailer in Shenzhen with one loan and four months of sales; every field given. */
    static Profiles valid() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", "\"B-1001\"");
        f.put("segment", "\"SMALL_BUSINESS_OWNER\"");
        f.put("region", "\"CN-GD-SZ\"");
        f.put("sector", "\"RETAIL\"");
        f.put("monthlyIncome", "12000.50");
        f.put("creditLimit", "80000");
        f.put("creditScore", "690");
        f.put("previousCreditScore", "720");
        f.put("loans", "[{\"lender\": \"Bank A\", \"outstanding\": 50000, \"monthlyPayment\": 2500.5,"
                + " \"daysPastDue\": 12}]");
        f.put("monthlyRevenue", "[100000, 98000.25, 95000, 41000]");
        return new Profiles(f);
    }

    /** Only the required fields. */
    static Profiles minimal() {
        return valid().without("sector").without("previousCreditScore").without("loans")
                .without("monthlyRevenue");
    }

    /** The same profile with {@code field} set to the raw JSON {@code value} (added at the end if new). */
    Profiles with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new Profiles(copy);
    }

    /** The same profile without {@code field}. */
    Profiles without(String field) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(field);
        return new Profiles(copy);
    }

    /** The profile with one loan whose {@code field} is the raw JSON {@code value}. */
    Profiles withLoanField(String field, String value) {
        Map<String, String> loan = new LinkedHashMap<>();
        loan.put("lender", "\"Bank A\"");
        loan.put("outstanding", "50000");
        loan.put("monthlyPayment", "2500");
        loan.put(field, value);
        String json = loan.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
        return with("loans", "[{\"lender\": \"Bank B\", \"outstanding\": 0, \"monthlyPayment\": 0}, " + json + "]");
    }

    /** The profile without a loan field: the second loan lacks {@code field}. */
    Profiles withoutLoanField(String field) {
        return withLoanField(field, null);
    }

    /** The profile as one line of JSON. */
    String json() {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public String toString() {
        return json();
    }
}
