package io.github.creditrisk.drools.boot;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.drools.internal.PrecompiledRules;
import io.github.creditrisk.drools.internal.RuleSetSource;

import java.time.LocalDate;
import java.util.List;

/**
 * An application that uses the library as a plain dependency, with zero configuration: it finds the engine
 * through {@link RiskEngines} and decides one borrower with the bundled rules. {@link SpringBootJarTest} runs it
 * from inside a Spring Boot executable jar. It prints where the engine's classes were loaded from, what it
 * found of the bundled rules, then the decision.
 */
public final class BootJarApp {

    private BootJarApp() {
    }

    /** Over the ceiling, with too many lenders, in a region in a severe downturn: several rules fire. */
    static BorrowerProfile borrower() {
        BorrowerProfile.Builder b = BorrowerProfile.builder("BOOT-1", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ")
                .sector("RETAIL")
                .monthlyIncome("10000")
                .creditLimit("50000")
                .creditScore(640)
                .previousCreditScore(700);
        for (int i = 1; i <= 6; i++) {
            b.loan(Loan.of("Lender " + i, "20000", "1200"));
        }
        return b.build();
    }

    static EvaluationContext context() {
        return EvaluationContext.of(LocalDate.of(2026, 11, 1),
                List.of(new RegionalDownturn("DT-1", "CN-GD", Severity.SEVERE, LocalDate.of(2026, 10, 1), null, null)));
    }

    public static void main(String[] args) {
        try (RiskEngine engine = RiskEngines.create()) {
            System.out.println("engine loaded from " + engine.getClass().getProtectionDomain().getCodeSource().getLocation());
            // what the engine did at start, done again to see it: the rules' files read, their precompiled classes found
            RuleSetSource bundled = RuleSetSource.bundled();
            System.out.println("bundled rules: " + bundled.files().size() + " files, version " + bundled.version()
                    + (PrecompiledRules.load(bundled).isPresent() ? ", precompiled" : ", not precompiled"));
            Decision decision = engine.evaluate(borrower(), context());
            System.out.println(decision);
        }
    }
}
