package io.github.creditrisk.cli;

import io.github.creditrisk.testkit.RuleDirectories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("risk check --watch")
class CheckWatchTest {

    @TempDir
    Path dir;

    /** About 3 to 5 s of CPU inside one consequence, where neither the time budget nor an interrupt can stop it. */
    private static final String SPINNING_RULE = """
            package policy;
            rule "ZZZ-1 Spin"
            when
                $b : io.github.creditrisk.drools.facts.Borrower( )
            then
                java.math.BigInteger.valueOf(7).pow(6_000_000);
            end
            """;

    private void copyBundledRules() {
        RuleDirectories.copy(Path.of("..", "rules", "policy").toAbsolutePath().normalize(), dir);
    }

    @Test
    void reChecksAndReRunsTheScenariosOnEverySave() throws Exception {
        copyBundledRules();
        CompletableFuture<Risk.Run> run = CompletableFuture.supplyAsync(() ->
                Risk.run("check", "--watch", dir.toString(), "--max-checks", "3"));

        Thread.sleep(3000);
        Files.writeString(dir.resolve("broken.drl"), "package policy;\nrule \"BRK-1 x\"\nwhen\n  Nonsense( x > )\nthen\nend\n");
        Thread.sleep(3000);
        Files.delete(dir.resolve("broken.drl"));
        Path parameters = dir.resolve("parameters.drl");
        Files.writeString(parameters, Files.readString(parameters).replace("lendersForBlock() { return 6; }",
                "lendersForBlock() { return 7; }"));

        Risk.Run result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("watching " + dir)
                .contains("scenarios: 8 of 8 pass; rule coverage 24 of 24")
                .contains("broken.drl:4: [ERR 101]")
                .contains("FAIL  OVERBORROWING")
                .contains("OVB-6-LENDERS: outcome: expected RESTRICT, got REVIEW")
                .contains("scenarios: 5 of 8 pass");
    }

    @Test
    void anEditSpinningInsideOneRuleIsStoppedAndTheNextSaveIsChecked() throws Exception {
        copyBundledRules();
        CompletableFuture<Risk.Run> run = CompletableFuture.supplyAsync(() ->
                Risk.run("check", "--watch", dir.toString(), "--max-checks", "3", "--time-budget", "200ms"));

        Thread.sleep(3000);
        Files.writeString(dir.resolve("spin.drl"), SPINNING_RULE);
        Thread.sleep(3000);
        Files.delete(dir.resolve("spin.drl"));

        Risk.Run result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exit()).isZero();
        String out = result.out();
        int stopped = out.indexOf("STOPPED  scenario \"");
        assertThat(stopped).isPositive();
        assertThat(out.substring(stopped)).contains("the rules ran past their time budget (200 ms) inside one"
                + " rule's code and could not be stopped");
        assertThat(out.substring(0, stopped)).contains("scenarios: 8 of 8 pass");
        assertThat(out.substring(stopped)).contains("scenarios: 8 of 8 pass");
        for (Thread abandoned : Thread.getAllStackTraces().keySet()) {
            if (abandoned.getName().startsWith("risk-rules-gate")) {
                abandoned.join(TimeUnit.SECONDS.toMillis(30)); // leave no spinning thread to the next tests
            }
        }
    }

    @Test
    void aMissingDirectoryIsABadUsage() throws IOException {
        Risk.Run run = Risk.run("check", "--watch", dir.resolve("nope").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not a directory");
    }
}
