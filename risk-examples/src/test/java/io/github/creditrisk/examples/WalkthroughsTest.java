package io.github.creditrisk.examples;

import io.github.creditrisk.json.RiskJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The walkthroughs program")
class WalkthroughsTest {

    private record Output(int exit, String text) {
    }

    private static Output run(List<Walkthrough> walkthroughs, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Walkthroughs.run(walkthroughs, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tellsEveryStoryInEnglish() {
        Output out = run(Walkthroughs.ALL);

        assertThat(out.exit()).isZero();
        assertThat(out.text()).contains("1. The small retailer whose sales collapsed", "2. The regulator's sector ban",
                "3. A regional downturn", "4. The big-data score drop", "5. The outage that was not the borrower's fault",
                "6. Many lenders at once", "decision", "notice", "Decided by the rule set version");
        assertThat(out.text()).doesNotContain("{\"");
    }

    @Test
    void tellsEveryStoryInChinese() {
        Output out = run(Walkthroughs.ALL, "--lang", "zh");

        assertThat(out.text()).contains("1. 销售额骤降的小店主", "6. 多头借贷", "决定", "通知", "申诉", "征信修复");
    }

    @Test
    void printsDecisionsAsJsonLinesWhenAsked() {
        Output out = run(Walkthroughs.ALL, "--json");
        RiskJson json = RiskJson.create();

        List<String> lines = out.text().lines().toList();
        assertThat(lines).hasSize(Walkthroughs.ALL.stream().mapToInt(w -> w.cast().size()).sum());
        lines.forEach(line -> assertThat(json.readDecision(line).borrowerId()).isNotBlank());
    }

    @Test
    void aSingleWalkthroughKeepsItsNumber() {
        assertThat(run(List.of(new ScoreDropWalkthrough())).text()).contains("4. The big-data score drop");
    }

    @Test
    void aBadOptionIsExplained() {
        Output out = run(Walkthroughs.ALL, "--lang", "fr");

        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.text()).contains("'fr' is not supported; expected en or zh");
    }
}
