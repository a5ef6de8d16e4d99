package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The README's quick start")
class ReadmeQuickStartTest {

    @Test
    void printsWhatTheReadmeShows() throws IOException {
        List<String> out = new ArrayList<>();

        // --- as in README.md ---
        try (RiskEngine engine = RiskEngines.create()) {
            BorrowerProfile borrower = BorrowerProfile.builder("B-1001", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ")
                    .monthlyIncome("12000").creditLimit("80000")
                    .creditScore(640).previousCreditScore(700)
                    .loan(Loan.of("Ant Credit", "30000", "4200"))
                    .monthlyRevenue("98000", "101000", "99500", "52000")
                    .build();
            List<Signal> signals = List.of(new RegionalDownturn("DT-7", "CN-GD", Severity.HIGH,
                    LocalDate.of(2026, 10, 1), null, "Guangdong export slump"));
            Decision d = engine.evaluate(borrower, EvaluationContext.of(LocalDate.of(2026, 11, 1), signals));
            out.add(d.outcome() + ": " + d.creditLimit() + " -> " + d.recommendedLimit());
            d.restrictions().forEach(r -> out.add(r.type() + " " + r.family() + ": " + r.reason()));
        }
        // --- end ---

        assertThat(String.join("\n", out) + "\n").isEqualTo(shownAfter("```\nRESTRICT"));
    }

    @Test
    void printsTheWaysTheReadmeShows() throws IOException {
        List<String> out = new ArrayList<>();
        try (RiskEngine engine = RiskEngines.create()) {
            BorrowerProfile borrower = quickStartBorrower();
            List<Signal> signals = quickStartSignals();
            // --- as in README.md ---
            Decision d = engine.evaluate(borrower, EvaluationContext.of(LocalDate.of(2026, 11, 1), signals).withRecourse(true));
            d.restrictions().forEach(r -> r.lift().forEach(way -> out.add(r.family() + ": " + way.text())));
            // --- end ---
        }

        assertThat(String.join("\n", out) + "\n").isEqualTo(shownAfter("```\nREGIONAL_DOWNTURN: Wait"));
    }

    /** The quick start's borrower, as {@link #printsWhatTheReadmeShows()} builds it from the README. */
    private static BorrowerProfile quickStartBorrower() {
        return BorrowerProfile.builder("B-1001", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ")
                .monthlyIncome("12000").creditLimit("80000")
                .creditScore(640).previousCreditScore(700)
                .loan(Loan.of("Ant Credit", "30000", "4200"))
                .monthlyRevenue("98000", "101000", "99500", "52000")
                .build();
    }

    private static List<Signal> quickStartSignals() {
        return List.of(new RegionalDownturn("DT-7", "CN-GD", Severity.HIGH, LocalDate.of(2026, 10, 1), null,
                "Guangdong export slump"));
    }

    /** The README's output block that starts with {@code opening} (a fence, a newline and its first words). */
    private static String shownAfter(String opening) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String shown = readme.substring(readme.indexOf(opening) + 4);
        return shown.substring(0, shown.indexOf("```"));
    }
}
