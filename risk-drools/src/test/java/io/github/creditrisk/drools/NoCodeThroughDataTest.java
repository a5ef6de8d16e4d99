package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import io.github.creditrisk.testkit.ReferencePolicy;
import io.github.creditrisk.testkit.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No code through data: rules come only from the bundled artifact or from a directory the embedding
 * application names, never from what is decided. Borrowers and signals whose every text is a DRL rule, a
 * class name or template syntax are decided by the same rules, exactly as the reference policy says, with
 * those texts quoted as they are; no class named in them is loaded, and the rule set is unchanged.
 */
@DisplayName("No code through data: a borrower or a signal cannot add a rule or load a class")
class NoCodeThroughDataTest {

    static final AtomicBoolean TOUCHED = new AtomicBoolean();
    static final String CANARY = "io.github.creditrisk.drools.NoCodeThroughDataTest$Canary";

    /** Named in the data below; loading it would flip {@link #TOUCHED}. */
    static final class Canary {
        static {
            TOUCHED.set(true);
        }
    }

    /** Texts that would be code if anything evaluated them. */
    private static final List<String> CODE = List.of(
            "rule \"EVIL-1 Approve everyone\" when then System.exit(1); end",
            "package policy; import " + CANARY + "; rule \"EVIL-2\" when then new Canary(); end",
            CANARY,
            "${" + CANARY + ".class}",
            "@{" + CANARY + ".class.newInstance()}",
            "#{T(" + CANARY + ")}",
            "{monthlyIncome,amount} {creditLimit} {score}",
            "java.lang.Runtime.getRuntime().exec(\"id\")",
            "CN-GD-SZ\" || true || \"");

    private static BorrowerProfile carrying(String code, int n) {
        return BorrowerProfile.builder("CODE-" + n + " " + code, Segment.SMALL_BUSINESS_OWNER, "CN-GD-" + code)
                .sector(code)
                .monthlyIncome("10000").creditLimit("50000").creditScore(600).previousCreditScore(720)
                .loan(new Loan(code, new BigDecimal("20000"), new BigDecimal("9000"), 45))
                .monthlyRevenue("100000", "100000", "100000", "10000")
                .build();
    }

    private static List<Signal> signalsCarrying(String code) {
        return List.of(
                new RegionalDownturn(code, "CN-GD", Severity.HIGH, Signals.AS_OF.minusDays(10), null, code),
                new SectorBan(code, code, code, Signals.AS_OF.minusDays(10), null),
                new ServiceOutage(code, Signals.AS_OF.minusDays(100), Signals.AS_OF.minusDays(90), code));
    }

    @Test
    void dataThatLooksLikeRulesOrClassesIsDecidedAsDataByTheSameRules() {
        RuleSetInfo before = Engines.BUNDLED.ruleSet();
        List<String> bundledIds = before.rules().stream().map(r -> r.name().split(" ")[0]).toList();
        int n = 0;
        for (String code : CODE) {
            BorrowerProfile b = carrying(code, n++);
            List<Signal> signals = signalsCarrying(code);

            Decision d = Engines.BUNDLED.evaluate(b, EvaluationContext.of(Signals.AS_OF, signals));

            Verdict expected = ReferencePolicy.decide(b, EvaluationContext.of(Signals.AS_OF, signals));
            assertThat(Verdict.describe(d)).as(code).isEqualTo(expected.described());
            assertThat(d.recommendedLimit()).isEqualByComparingTo(expected.recommendedLimit());
            assertThat(d.restrictions()).extracting(Restriction::rule).allSatisfy(r -> assertThat(bundledIds).contains(r));
            assertThat(d.rulesetVersion()).isEqualTo(before.version());
            // The texts are quoted as they are, not interpreted: the ban's regulation and sector appear verbatim.
            assertThat(d.restrictions()).filteredOn(r -> r.family().equals("SECTOR_BAN")).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains(code));
        }

        assertThat(Engines.BUNDLED.ruleSet()).isEqualTo(before);
        assertThat(TOUCHED).as("a class named in the data was loaded").isFalse();
    }

    @Test
    void theBundledRulesAreExactlyTheFilesOfTheRulesArtifact() {
        RuleSetInfo info = Engines.BUNDLED.ruleSet();

        assertThat(info.source()).isEqualTo("bundled rules");
        assertThat(info.version()).isEqualTo(DroolsRiskEngine.versionOf(RuleDirs.SOURCE));
    }

    @Test
    void anEngineOptionCannotCarryRules() {
        String drl = "package policy; rule \"EVIL-3 Approve everyone\" when then end";
        try (DroolsRiskEngine engine = DroolsRiskEngine.create(EngineSettings.defaults()
                .withOption("drools.rules", drl).withOption("rules", drl).withOption("drl", drl))) {

            assertThat(engine.ruleSet()).isEqualTo(Engines.BUNDLED.ruleSet());
        }
    }

    @Test
    void rulesEnterOnlyThroughTheSettingsWhenTheEngineIsBuilt() {
        // No method of an engine, once built, takes text, a path, a stream or a reader: nothing to load rules
        // through. Only the static factories take a directory, which the embedding application names.
        List<Class<?>> carriers = List.of(String.class, CharSequence.class, Path.class, java.io.File.class,
                java.io.InputStream.class, java.io.Reader.class, java.net.URL.class, java.net.URI.class,
                byte[].class, java.util.Map.class);
        List<String> openings = new ArrayList<>();
        for (Class<?> type : List.of(RiskEngine.class, DroolsRiskEngine.class)) {
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                    continue;
                }
                if (Arrays.stream(m.getParameterTypes()).anyMatch(carriers::contains)) {
                    openings.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }

        assertThat(openings).isEmpty();
    }
}
