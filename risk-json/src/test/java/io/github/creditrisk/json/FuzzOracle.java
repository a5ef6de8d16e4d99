package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Signal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What reading any input must give, checked against the answers {@link HostileJson} knows. Shared by the
 * fuzz properties and {@link FuzzCampaign}; every check throws an {@link AssertionError} when a promise is
 * broken, and any other {@link Throwable} out of a reader is a failure too (a crash, a stack overflow).
 *
 * <p>The promises, from risk-json/README.md: every problem is an {@link InvalidValueException} or a
 * {@link BorrowerInput.Rejected} with a one-line message naming the field, without Jackson's wording; a
 * rejection carries the borrower's id or none, never another's; what is accepted is within the limits,
 * and writing it and reading it back gives it again; one bad borrower of a case file costs only itself.
 */
final class FuzzOracle {

    static final RiskJson JSON = RiskJson.create(HostileJson.LIMITS);

    private FuzzOracle() {
    }

    /** A JSON Lines line, read as {@code risk eval} reads it, and as a whole document too. */
    static void checkLine(HostileJson.Input in) {
        BorrowerInput result = JSON.readBorrowerLine(in.text());
        assertThat(result).as("result").isNotNull();
        if (result instanceof BorrowerInput.Rejected rejected) {
            assertCleanMessage(rejected.error());
            if (in.id() != null) {
                assertThat(rejected.borrowerId()).as("the id the rejection names").isEqualTo(in.id());
            }
        } else {
            assertValidProfile(((BorrowerInput.Valid) result).profile());
        }
        if (in.expect() instanceof HostileJson.Valid v) {
            assertThat(result).isEqualTo(new BorrowerInput.Valid((BorrowerProfile) v.value()));
        } else if (in.expect() instanceof HostileJson.RejectedAt at) {
            assertThat(result).isInstanceOf(BorrowerInput.Rejected.class);
            assertNamesPath(((BorrowerInput.Rejected) result).error(), at.path());
        } else if (in.expect() instanceof HostileJson.AnyRejection) {
            assertThat(result).isInstanceOf(BorrowerInput.Rejected.class);
        }
        if (in.text().length() <= JSON.limits().maxLineLength()) {
            // The document reader agrees with the line reader on everything but the wording of positions.
            try {
                BorrowerProfile whole = JSON.readBorrower(in.text());
                assertThat(result).as("line reader, where the document reader accepted")
                        .isEqualTo(new BorrowerInput.Valid(whole));
            } catch (InvalidValueException e) {
                assertCleanMessage(e.getMessage());
                assertThat(result).as("line reader, where the document reader rejected: " + e.getMessage())
                        .isInstanceOf(BorrowerInput.Rejected.class);
                assertThat(((BorrowerInput.Rejected) result).error()).startsWith(e.field());
            }
        }
    }

    /** A signal file. */
    static void checkSignals(HostileJson.Input in) {
        List<Signal> signals;
        try {
            signals = JSON.readSignals(in.text());
        } catch (InvalidValueException e) {
            assertCleanMessage(e.getMessage());
            if (in.expect() instanceof HostileJson.Valid) {
                fail("rejected valid signals: " + e.getMessage());
            } else if (in.expect() instanceof HostileJson.RejectedAt at) {
                assertNamesPath(e.getMessage(), at.path());
            }
            return;
        }
        if (in.expect() instanceof HostileJson.Valid v) {
            assertThat(signals).isEqualTo(v.value());
        } else if (!(in.expect() instanceof HostileJson.ValidOrRejected)) {
            fail("accepted broken signals: " + signals);
        }
        assertThat(JSON.readSignals(JSON.writeSignals(signals))).as("signals written and read back").isEqualTo(signals);
        for (Signal s : signals) {
            assertText(s.id());
        }
    }

    /** A case file: readable or not as a whole, and each borrower valid or rejected in its own place. */
    static void checkCaseFile(HostileJson.CaseFileInput in) {
        CaseFile file;
        try {
            file = JSON.readCaseFile(in.text());
        } catch (InvalidValueException e) {
            assertCleanMessage(e.getMessage());
            assertThat(in.readable()).as("rejected a readable file: " + e.getMessage())
                    .isNotEqualTo(HostileJson.Readable.YES);
            return;
        }
        assertThat(in.readable()).as("accepted an unreadable file").isNotEqualTo(HostileJson.Readable.NO);
        for (BorrowerInput b : file.borrowers()) {
            if (b instanceof BorrowerInput.Valid v) {
                assertValidProfile(v.profile());
            } else {
                assertCleanMessage(((BorrowerInput.Rejected) b).error());
            }
        }
        if (in.readable() != HostileJson.Readable.YES) {
            return;
        }
        assertThat(file.asOf()).isEqualTo(in.asOf());
        assertThat(file.signals()).isEqualTo(in.signals());
        assertThat(file.borrowers()).hasSameSizeAs(in.entries());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < in.entries().size(); i++) {
            HostileJson.Entry expected = in.entries().get(i);
            BorrowerInput actual = file.borrowers().get(i);
            try {
                if (expected.expect() instanceof HostileJson.Valid v) {
                    assertThat(actual).isEqualTo(new BorrowerInput.Valid((BorrowerProfile) v.value()));
                } else if (expected.expect() instanceof HostileJson.RejectedAt at) {
                    assertThat(actual).isInstanceOf(BorrowerInput.Rejected.class);
                    BorrowerInput.Rejected rejected = (BorrowerInput.Rejected) actual;
                    assertNamesPath(rejected.error(), at.path());
                    if (rejected.borrowerId() != null) {
                        assertThat(rejected.borrowerId()).as("the id the rejection names").isEqualTo(expected.id());
                    }
                }
            } catch (AssertionError e) {
                problems.add("borrowers[" + i + "] (" + expected.how() + "): " + e.getMessage());
            }
        }
        assertThat(problems).as("borrowers read wrongly").isEmpty();
    }

    /** A decision or error line, as {@code risk test} and tools read back {@code risk eval}'s output. */
    static void checkEvaluation(HostileJson.Input in) {
        Evaluation e;
        try {
            e = JSON.readEvaluation(in.text());
        } catch (InvalidValueException problem) {
            assertCleanMessage(problem.getMessage());
            assertThat(in.expect()).as("rejected a valid line: " + problem.getMessage())
                    .isNotInstanceOf(HostileJson.Valid.class);
            return;
        }
        if (in.expect() instanceof HostileJson.Valid v) {
            assertThat(e).isEqualTo(v.value());
        }
        assertThat(JSON.readEvaluation(JSON.writeEvaluation(e))).as("written and read back").isEqualTo(e);
    }

    /** One line, short, about the input, and free of the parser's internals. */
    static void assertCleanMessage(String message) {
        assertThat(message).isNotBlank()
                .doesNotContain("\n", "\r", "\u2028", "\u2029", "\tat ")
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("com.fasterxml", "JsonToken", "StreamReadConstraints", "Source:", "REDACTED",
                        "Exception:", "Feature")
                .hasSizeLessThan(1000);
        assertThat(message.chars().noneMatch(Character::isISOControl)).as("no control characters in " + message)
                .isTrue();
        assertThat(HostileJson.validPairs(message)).as("no broken surrogates in " + message).isTrue();
    }

    /** The message is about {@code path}: it starts with it, followed by ":", "." or "[". */
    static void assertNamesPath(String message, String path) {
        assertThat(message).as("the field the message names").startsWith(path);
        char next = message.length() > path.length() ? message.charAt(path.length()) : ' ';
        assertThat(next).as("after the path " + path + " in " + message).isIn(':', '.', '[', '…');
    }

    /** What was accepted is within the limits, whole Unicode, and survives writing and reading back. */
    static void assertValidProfile(BorrowerProfile p) {
        JsonLimits limits = JSON.limits();
        assertText(p.id());
        assertText(p.region());
        assertText(p.sector());
        assertAmount(p.monthlyIncome());
        assertAmount(p.creditLimit());
        assertThat(p.loans()).hasSizeLessThanOrEqualTo(limits.maxLoans());
        assertThat(p.monthlyRevenue()).hasSizeLessThanOrEqualTo(limits.maxRevenueMonths());
        for (Loan loan : p.loans()) {
            assertText(loan.lender());
            assertAmount(loan.outstanding());
            assertAmount(loan.monthlyPayment());
            assertThat(loan.daysPastDue()).isBetween(0, limits.maxDaysPastDue());
        }
        p.monthlyRevenue().forEach(FuzzOracle::assertAmount);
        String written = JSON.writeBorrower(p);
        assertThat(JSON.readBorrowerLine(written)).as("written and read back").isEqualTo(new BorrowerInput.Valid(p));
    }

    private static void assertText(String s) {
        if (s != null) {
            assertThat(s.length()).isLessThanOrEqualTo(JSON.limits().maxStringLength());
            assertThat(HostileJson.validPairs(s)).as("whole Unicode text").isTrue();
        }
    }

    private static void assertAmount(BigDecimal amount) {
        assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
        assertThat(amount).isLessThanOrEqualTo(JSON.limits().maxAmount());
        assertThat(amount.scale()).isBetween(0, JSON.limits().maxDecimalPlaces());
    }
}
