package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.EvaluationListener;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.drools.internal.CompiledRuleSet;
import io.github.creditrisk.drools.internal.Evaluator;
import io.github.creditrisk.drools.internal.PrecompiledRules;
import io.github.creditrisk.drools.internal.RuleSetCompiler;
import io.github.creditrisk.drools.internal.RuleSetSource;

import io.github.creditrisk.Evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Drools 10 engine: compiles a rule set of DRL files (the bundled rules by default, or a directory)
 * into one immutable knowledge base, and evaluates borrowers against it.
 *
 * <pre>{@code
 * try (RiskEngine engine = DroolsRiskEngine.bundled()) {
 *     Decision d = engine.evaluate(borrower, EvaluationContext.of(LocalDate.of(2026, 11, 1), signals));
 * }
 * }</pre>
 *
 * <p><strong>Thread safety:</strong> safe to share between threads; each evaluation runs in its own session
 * of the shared knowledge base. <strong>Failure:</strong> a rule set that does not compile is rejected at
 * construction with every error; a borrower for whom the rules fire more than the fire limit (a rule that
 * re-triggers itself), throw, or produce a result the decision contract forbids gets an
 * {@link io.github.creditrisk.EvaluationException}, and the engine stays usable.
 */
public final class DroolsRiskEngine implements RiskEngine {

    /**
     * The engine option that chooses how the rules are built. Unset (the default), a rule set whose files are
     * exactly the bundled rules' (the bundled rules themselves, or an unchanged copy in a directory) is loaded
     * as precompiled at build time, and any other is compiled at run time. Set to {@code executable-model}, the
     * rules are always compiled at run time. Either way they are compiled into Drools' executable model, whose
     * compiled code is checked before it runs (rules/README.md, "What rules may use").
     */
    public static final String BUILD_OPTION = "drools.build";

    private final Evaluator evaluator;
    private volatile boolean closed;

    private DroolsRiskEngine(CompiledRuleSet rules, EngineSettings settings) {
        this.evaluator = new Evaluator(rules, settings.fireLimit(), settings.timeBudget());
    }

    /**
     * An engine for {@code settings}: the rules of its directory, or the bundled rules.
     *
     * @throws io.github.creditrisk.RuleCompilationException with every error, when the rules do not compile
     */
    public static DroolsRiskEngine create(EngineSettings settings) {
        Objects.requireNonNull(settings, "settings");
        RuleSetSource source = settings.rulesDirectory() == null
                ? RuleSetSource.bundled()
                : RuleSetSource.fromDirectory(settings.rulesDirectory());
        String option = settings.options().get(BUILD_OPTION);
        if (option != null && !option.equalsIgnoreCase("executable-model")) {
            throw new io.github.creditrisk.InvalidValueException(BUILD_OPTION, "'" + option + "' is not a build mode;"
                    + " expected executable-model (classic DRL runs conditions through MVEL, whose code cannot be"
                    + " checked before it runs, so it is not offered)");
        }
        CompiledRuleSet rules = option == null
                ? PrecompiledRules.load(source).orElseGet(() -> RuleSetCompiler.compile(source))
                : RuleSetCompiler.compile(source);
        return new DroolsRiskEngine(rules, settings);
    }

    /** An engine with the bundled rules (the reference policy). */
    public static DroolsRiskEngine bundled() {
        return create(EngineSettings.defaults());
    }

    /**
     * An engine with the rules in {@code directory}: its {@code .drl} and {@code messages_LANG.properties}
     * files and those of its subdirectories, except in hidden directories (names starting with {@code .}) and
     * in directories named {@code target} (Maven's build output, which holds copies of the rules after a
     * build), so a Maven module's folder can be named. Hidden files are not read either.
     *
     * @throws io.github.creditrisk.RuleCompilationException with every error, when the rules do not compile
     */
    public static DroolsRiskEngine fromDirectory(Path directory) {
        return create(EngineSettings.defaults().withRulesDirectory(directory));
    }

    /**
     * The version the rules in {@code directory} would have, without compiling them: the content hash that
     * decisions carry as {@code rulesetVersion}.
     *
     * @throws io.github.creditrisk.RuleCompilationException when the directory does not exist
     */
    public static String versionOf(Path directory) {
        return RuleSetSource.fromDirectory(directory).version();
    }

    /**
     * The version of the rules bundled on the class path (the {@code risk-rules} artifact): the content hash that
     * decisions made with them carry as {@code rulesetVersion}. Reads the rule files without compiling them.
     *
     * @throws RiskException when the bundled rules are not on the class path
     */
    public static String bundledVersion() {
        return RuleSetSource.bundled().version();
    }

    /**
     * Whether a path inside a rules directory, relative to it, is left out of the rule set: when any of its
     * names is hidden (starts with {@code .}) or is {@code target}, Maven's build output. The directory itself may
     * have any name. Tools that watch a rules directory use this to ignore what the engine would not read.
     */
    public static boolean isLeftOut(Path relative) {
        return RuleSetSource.isSkipped(relative);
    }

    @Override
    public Decision evaluate(BorrowerProfile borrower, EvaluationContext context, EvaluationListener listener) {
        Objects.requireNonNull(borrower, "borrower");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new RiskException("this engine is closed");
        }
        return evaluator.evaluate(borrower, context, listener);
    }

    /**
     * Decides a batch in input order, many borrowers per firing of the rules when the rules are proven to keep
     * borrowers apart (every pattern of every rule tied to one borrower; the fastest way to decide a portfolio); a
     * borrower whose id repeats an earlier one, or for whom the rules fail, becomes an
     * {@link io.github.creditrisk.Evaluation.Failed} in its place.
     */
    @Override
    public List<Evaluation> evaluateAll(List<BorrowerProfile> borrowers, EvaluationContext context) {
        Objects.requireNonNull(borrowers, "borrowers");
        Objects.requireNonNull(context, "context");
        if (closed) {
            throw new RiskException("this engine is closed");
        }
        return evaluator.evaluateAll(borrowers, context);
    }

    /** Whether borrowers share sessions: the rules are proven to keep borrowers apart (for tests). */
    boolean sharesSessions() {
        return evaluator.rules().isolatesBorrowers();
    }

    @Override
    public RuleSetInfo ruleSet() {
        return evaluator.rules().info();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            evaluator.close();
            evaluator.rules().close();
        }
    }
}
