package io.github.creditrisk.json.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.json.JsonLimits;
import io.github.creditrisk.json.RiskJson;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path of a borrower line accepts only what the thorough way (a tree, then {@link ProfileFormat})
 * accepts, and reads it as the same profile; the usual line takes it.
 */
class ProfileLineReaderTest {

    private static final JsonLimits LIMITS = JsonLimits.defaults();
    private static final Codec CODEC = new Codec(LIMITS);
    private static final RiskJson JSON = RiskJson.create(LIMITS);

    private static final String[] VALUES = {"null", "true", "false", "\"x\"", "\"\"", "\" \"", "0", "-1", "700",
            "700.0", "7e2", "1e3", "1.50", "0.12345678901", "1e999999999", "12345678901234567890123",
            "99999999999999999999.5", "-0.0", "[]", "{}", "[1]", "{\"a\":1}", "\"RETAIL\"", "\"retail\"",
            "\"\\ud800\"", "\"客户\"", "950", "951", "299", "36500", "36501", "2147483648"};
    private static final String[] KEYS = {"id", "segment", "region", "sector", "monthlyIncome", "creditLimit",
            "creditScore", "previousCreditScore", "loans", "monthlyRevenue", "lender", "outstanding",
            "monthlyPayment", "daysPastDue", "previousScore", "ID", "loans "};

    /** The thorough way's answer: the profile, or {@code null} when it rejects the line. */
    private static BorrowerProfile thorough(String line) {
        try {
            return CODEC.readBorrower(line);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void aProfileAsWrittenIsReadByTheFastPathAsTheSameProfile(@ForAll long seed) {
        BorrowerProfile p = profile(new Random(seed));
        String line = JSON.writeBorrower(p);

        assertThat(CODEC.readUsualLine(line)).isEqualTo(p).isEqualTo(thorough(line));
    }

    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
    void theFastPathAcceptsNothingTheThoroughWayRejectsAndReadsTheSame(@ForAll long seed) {
        Random r = new Random(seed);
        String line = mutate(JSON.writeBorrower(profile(r)), r);

        BorrowerProfile fast = CODEC.readUsualLine(line);
        if (fast != null) {
            assertThat(fast).as(line).isEqualTo(thorough(line));
        }
    }

    @Test
    void unusualButValidSpellingsAreLeftToTheThoroughWay() {
        String usual = "{\"id\":\"B-1\",\"segment\":\"ORDINARY\",\"region\":\"R\",\"monthlyIncome\":100,"
                + "\"creditLimit\":1000,\"creditScore\":700}";
        assertThat(CODEC.readUsualLine(usual)).isNotNull();
        for (String unusual : List.of(usual.replace("700", "700.0"), "\uFEFF" + usual,
                usual.replace("\"id\"", "\"id\":\"B-0\",\"id\""))) {
            assertThat(CODEC.readUsualLine(unusual)).as(unusual).isNull();
        }
        assertThat(JSON.readBorrowerLine(usual.replace("700", "700.0")).borrowerId()).isEqualTo("B-1");
    }

    /** A profile of any shape the contract allows: optional fields absent or given, amounts of any scale. */
    private static BorrowerProfile profile(Random r) {
        List<Loan> loans = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            loans.add(new Loan(r.nextBoolean() ? "ICBC" : "京东金融 \"JD\"\n", amount(r), amount(r),
                    r.nextBoolean() ? 0 : r.nextInt(LIMITS.maxDaysPastDue() + 1)));
        }
        List<BigDecimal> revenue = new ArrayList<>();
        for (int i = r.nextInt(3) == 0 ? r.nextInt(LIMITS.maxRevenueMonths() + 1) : 0; i > 0; i--) {
            revenue.add(amount(r));
        }
        return new BorrowerProfile(r.nextBoolean() ? "B-" + r.nextInt(1000) : "客户-" + r.nextInt(10),
                Segment.values()[r.nextInt(Segment.values().length)], r.nextBoolean() ? "Guangdong" : "华东",
                r.nextBoolean() ? null : "CATERING", amount(r), amount(r),
                BorrowerProfile.MIN_SCORE + r.nextInt(BorrowerProfile.MAX_SCORE - BorrowerProfile.MIN_SCORE + 1),
                r.nextBoolean() ? null : BorrowerProfile.MIN_SCORE + r.nextInt(600), loans, revenue);
    }

    private static BigDecimal amount(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> BigDecimal.valueOf(r.nextInt(100_000));
            case 1 -> BigDecimal.valueOf(r.nextInt(10_000_000), 2);
            case 2 -> new BigDecimal("1.50");
            case 3 -> BigDecimal.valueOf(Math.abs(r.nextLong()) % 1_000_000_000_000_000L, r.nextInt(11));
            default -> BigDecimal.ZERO;
        };
    }

    /** The line with one to three edits: a value replaced, a key renamed or repeated, text cut or added. */
    private static String mutate(String line, Random r) {
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            line = switch (r.nextInt(6)) {
                case 0, 1 -> replaceValue(line, r);
                case 2 -> line.replaceFirst("\"" + KEYS[r.nextInt(KEYS.length)] + "\":",
                        "\"" + KEYS[r.nextInt(KEYS.length)] + "\":");
                case 3 -> line.substring(0, r.nextInt(line.length() + 1));
                case 4 -> line + pick(r, "", " ", "x", "{}", "\n", "1");
                default -> line.replaceFirst("\\{", "{\"" + KEYS[r.nextInt(KEYS.length)] + "\":"
                        + VALUES[r.nextInt(VALUES.length)] + ",");
            };
        }
        return line;
    }

    /** Replaces the value after one key (up to the next comma or closing bracket). */
    private static String replaceValue(String line, Random r) {
        String key = "\"" + KEYS[r.nextInt(KEYS.length)] + "\":";
        int at = line.indexOf(key);
        if (at < 0) {
            return line;
        }
        int from = at + key.length();
        int to = from;
        while (to < line.length() && ",}]".indexOf(line.charAt(to)) < 0) {
            to++;
        }
        if (to < line.length() && (line.charAt(from) == '[' || line.charAt(from) == '{')) {
            to = Math.min(line.length(), line.indexOf(line.charAt(from) == '[' ? ']' : '}', from) + 1);
        }
        return line.substring(0, from) + VALUES[r.nextInt(VALUES.length)] + line.substring(to);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
