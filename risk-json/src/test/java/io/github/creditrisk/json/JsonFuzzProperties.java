package io.github.creditrisk.json;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.Random;

/**
 * Fuzzing the real parsing path in the normal build: each try draws one input from {@link HostileJson} by
 * its seed and checks the answer with {@link FuzzOracle}. A failure reports the seed; the same seed replays
 * the same input here and in {@link FuzzCampaign}, the longer run of the same generators.
 */
@Label("Hostile JSON, generated and checked against known answers")
class JsonFuzzProperties {

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    @Label("every JSON Lines line is read as its profile or rejected naming the broken field, never a crash")
    void borrowerLines(@ForAll long seed) {
        HostileJson.Input in = HostileJson.borrowerLine(new Random(seed));
        Statistics.label("kind").collect(kind(in.how()));
        explained(in, () -> FuzzOracle.checkLine(in));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    @Label("a case file keeps every valid borrower, rejects each broken one in its place, or fails as a whole")
    void caseFiles(@ForAll long seed) {
        HostileJson.CaseFileInput in = HostileJson.caseFile(new Random(seed));
        Statistics.label("file").collect(in.readable());
        explained(in, () -> FuzzOracle.checkCaseFile(in));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    @Label("a signal file is read exactly or rejected naming the broken signal field")
    void signalFiles(@ForAll long seed) {
        HostileJson.Input in = HostileJson.signalFile(new Random(seed));
        Statistics.label("kind").collect(kind(in.how()));
        explained(in, () -> FuzzOracle.checkSignals(in));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    @Label("a decision or error line read back is the one written, or cleanly rejected")
    void evaluationLines(@ForAll long seed) {
        HostileJson.Input in = HostileJson.evaluationLine(new Random(seed));
        explained(in, () -> FuzzOracle.checkEvaluation(in));
    }

    /** Runs a check; a failure names the input, how it was made and what it had to give. */
    static void explained(Object input, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n  for input: " + input, e);
        }
    }

    /** The first words of how an input was made, as a category for the statistics. */
    static String kind(String how) {
        int cut = how.indexOf(" at ");
        if (cut < 0) {
            cut = how.indexOf(" [");
        }
        return cut < 0 ? how : how.substring(0, cut);
    }
}
