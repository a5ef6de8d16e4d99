package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Language;
import io.github.creditrisk.Segment;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.Restrict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionWriterTablesTest {

    /**
     * Rules that make reason codes up as they fire fail for want of a sentence; the writer's tables, kept per
     * reason code, must not grow with every code made up.
     */
    @Test
    void reasonCodesMadeUpByRulesDoNotFillTheTables() {
        CompiledRuleSet rules = PrecompiledRules.load(RuleSetSource.bundled())
                .orElseGet(() -> RuleSetCompiler.compile(RuleSetSource.bundled()));
        DecisionWriter writer = new DecisionWriter(rules);
        BorrowerProfile profile = BorrowerProfile.builder("B-1", Segment.ORDINARY, "CN-BJ")
                .monthlyIncome(new BigDecimal("10000")).creditLimit(new BigDecimal("50000")).creditScore(700).build();
        Borrower borrower = new Borrower(profile, LocalDate.of(2026, 11, 1), List.of(), List.of());
        for (int i = 0; i < 3 * DecisionWriter.MAX_REASONS; i++) {
            Restrict made = Restrict.manualReview(borrower, "MADE_UP_" + i);
            made.stamp("ZZ-1", "OVERBORROWING");
            assertThatThrownBy(() -> writer.write(profile, List.of(made), Language.EN))
                    .isInstanceOf(MessageCatalog.MissingValueException.class)
                    .hasMessageContaining("reason.MADE_UP_" + i);
        }
        assertThat(writer.reasonsKept()).isLessThanOrEqualTo(DecisionWriter.MAX_REASONS);
    }
}
