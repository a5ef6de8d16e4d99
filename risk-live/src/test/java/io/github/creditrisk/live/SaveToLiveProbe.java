package io.github.creditrisk.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures the time from saving a rule file to the new version being live, for the bundled rules and their
 * scenarios, with the default settle time. Not a test; run it with
 *
 * <pre>
 * cd risk-live && mvn -q exec:java -Dexec.skip=false -Dexec.classpathScope=test -Dexec.mainClass=io.github.creditrisk.live.SaveToLiveProbe
 * </pre>
 */
public final class SaveToLiveProbe {

    private SaveToLiveProbe() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("save-to-live");
        RuleDir rules = new RuleDir(dir);
        BlockingQueue<ReloadEvent> events = new LinkedBlockingQueue<>();
        try (LiveRiskEngine engine = LiveRiskEngine.builder(dir).listener(events::add).start()) {
            events.take();
            long[] saveToLive = new long[edits];
            long[] work = new long[edits];
            for (int i = 0; i < edits; i++) {
                Thread.sleep(500);
                long saved = System.nanoTime();
                rules.harmlessEdit(i);
                ReloadEvent e = events.poll(60, TimeUnit.SECONDS);
                if (e == null || e.kind() != ReloadEvent.Kind.ACCEPTED) {
                    throw new IllegalStateException("edit " + i + " was not accepted: " + e);
                }
                saveToLive[i] = (System.nanoTime() - saved) / 1_000_000;
                work[i] = e.took().toMillis();
            }
            System.out.println("save to live, ms:          " + Arrays.toString(saveToLive));
            System.out.println("compile + scenarios, ms:   " + Arrays.toString(work));
            Arrays.sort(saveToLive);
            Arrays.sort(work);
            System.out.printf("median save to live %d ms (of which compile + 7 scenarios %d ms, settle time 300 ms)%n",
                    saveToLive[edits / 2], work[edits / 2]);
        } finally {
            rules.deleteAll();
        }
    }
}
