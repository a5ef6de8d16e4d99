package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Nesting depth is a limit the embedding application may raise. However far it is raised, and however small
 * the reading thread's stack, deep input is read or rejected, never a {@link StackOverflowError} (which
 * escaped every reader when the tree was built by recursion: 500 levels overflowed a 256 KB stack).
 */
@DisplayName("Deep nesting, with the limit raised and the stack small")
class DeepNestingTest {

    private static final int DEEP = 200_000;
    private static final RiskJson RAISED = RiskJson.create(JsonLimits.defaults().withMaxNestingDepth(1_000_000)
            .withMaxValues(1_000_000));

    /** Runs {@code reading} on a thread with a 256 KB stack and returns what it gave or threw. */
    private static Object onASmallStack(java.util.function.Supplier<Object> reading) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(reading.get());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return result.get();
    }

    @Test
    void aLineNestedFarDeeperThanAStackCouldRecurseIsReadAndRejectedAsAWrongType() throws InterruptedException {
        String line = Profiles.valid().with("loans", "[".repeat(DEEP) + "]".repeat(DEEP)).json();

        Object result = onASmallStack(() -> RAISED.readBorrowerLine(line));

        assertThat(result).isEqualTo(new BorrowerInput.Rejected("B-1001",
                "loans[0]: an array is not a loan; expected a JSON object"));
    }

    @Test
    void aCaseFileWithADeeplyNestedBorrowerCostsOnlyThatBorrower() throws InterruptedException {
        String deep = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        String file = "{\"asOf\": \"2026-11-01\", \"borrowers\": [" + Profiles.valid().with("sector", deep).json()
                + ", " + Profiles.valid().with("id", "\"B-2\"").json() + "]}";

        Object result = onASmallStack(() -> RAISED.readCaseFile(file));

        assertThat(result).isInstanceOf(CaseFile.class);
        CaseFile read = (CaseFile) result;
        assertThat(read.borrowers().get(0)).isEqualTo(new BorrowerInput.Rejected("B-1001",
                "borrowers[0].sector: an object is not a text; expected a text in double quotes"));
        assertThat(read.borrowers().get(1)).isInstanceOf(BorrowerInput.Valid.class);
    }

    @Test
    void withTheDefaultLimitTheParserStopsAt64LevelsOnASmallStackToo() throws InterruptedException {
        String line = Profiles.valid().with("sector", "[".repeat(DEEP) + "]".repeat(DEEP)).json();

        Object result = onASmallStack(() -> RiskJson.create().readBorrowerLine(line));

        assertThat(result).isInstanceOfSatisfying(BorrowerInput.Rejected.class, r ->
                assertThat(r.error()).contains("is nested too deeply").contains("expected at most 64 levels"));
    }

    @Test
    void aTokenBudgetStillBoundsADeepDocument() {
        RiskJson json = RiskJson.create(JsonLimits.defaults().withMaxNestingDepth(1_000_000).withMaxValues(1000));
        String deep = Profiles.valid().with("sector", "[".repeat(DEEP) + "]".repeat(DEEP)).json();

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readBorrower(deep));

        assertThat(e.getMessage()).isEqualTo("input: holds more than 1000 JSON tokens; expected at most 1000");
    }
}
