package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleError;
import io.github.creditrisk.RuleInfo;
import io.github.creditrisk.RuleSetInfo;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.Exempt;
import io.github.creditrisk.drools.facts.Finding;
import io.github.creditrisk.drools.facts.OverdueLoan;
import io.github.creditrisk.drools.facts.Restrict;
import io.github.creditrisk.rulecheck.CompiledRuleCheck;
import io.github.creditrisk.rulecheck.DrlCheck;
import io.github.creditrisk.rulecheck.DrlText;
import io.github.creditrisk.rulecheck.Origin;
import io.github.creditrisk.rulecheck.ParsedDrl;
import io.github.creditrisk.rulecheck.ParsedDrl.Definition;
import io.github.creditrisk.rulecheck.Problem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.BaseDescr;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles a {@link RuleSetSource} into a {@link CompiledRuleSet} with classic DRL (drools-mvel), reporting
 * every problem as {@code FILE:LINE: message}. Thread-safe: compilations are independent.
 */
public final class RuleSetCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The fact classes rule code may use whole, besides what {@link CompiledRuleCheck} allows everyone. */
    static final List<Class<?>> FACT_MODEL = List.of(Borrower.class, OverdueLoan.class, Restrict.class,
            Exempt.class, Finding.class);

    /** A rule's name: a stable id (letters and digits joined by dashes) and, after a space, a sentence. */
    static final Pattern RULE_NAME = Pattern.compile("([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?: .*)?");
    /** A reason code passed to Restrict.xxx(...) or Exempt.because(...) in a consequence. */
    private static final Pattern REASON_CODE_USE = Pattern.compile(
            "(?:Restrict\\.\\w+|Exempt\\.because)\\s*\\([^;\"]*\"([A-Z][A-Z0-9_]*)\"");

    /** A string literal, read past so that "https://..." starts no comment, or a comment (group 1). */
    private static final Pattern COMMENT = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|(//[^\\n]*|/\\*.*?\\*/)", Pattern.DOTALL);

    private RuleSetCompiler() {
    }

    /**
     * Compiles {@code source} into Drools' executable model, after checking that its rules only decide (see
     * {@link DrlCheck} and {@link CompiledRuleCheck}).
     *
     * @throws RuleCompilationException with every error found, in file and line order
     */
    public static CompiledRuleSet compile(RuleSetSource source) {
        return compile(source, module -> { });
    }

    /**
     * Compiles, handing the built module (its files: generated classes and all) to {@code moduleSink} before
     * the knowledge base is made from it; {@link PrecompiledRules} keeps them at build time.
     */
    static CompiledRuleSet compile(RuleSetSource source, Consumer<InternalKieModule> moduleSink) {
        long start = System.nanoTime();
        List<RuleError> errors = new ArrayList<>();
        Map<String, String> drl = source.drlFiles();
        if (drl.isEmpty()) {
            errors.add(new RuleError(source.description(), 0, "holds no .drl file; expected the rule files"));
        }
        MessageCatalog catalog = MessageCatalog.read(source.files(), errors);
        checkReasonCodes(drl, catalog, errors);
        // Stopped before the build: Drools would name neither place of a duplicate, and it works out metadata and
        // attribute values while building. The other errors so far let the build go on and report its own.
        ParsedDrl parsed = ParsedDrl.parse(drl);
        List<RuleError> beforeBuild = DrlCheck.check(parsed);
        if (!beforeBuild.isEmpty()) {
            errors.addAll(beforeBuild);
            throw failure(source, errors);
        }

        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("io.github.creditrisk.rulesets",
                "ruleset-" + source.version(), "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        // The builder expects a file's folder to match its package; the analyst's layout is free.
        Map<String, String> pathsInBuild = new HashMap<>();
        drl.forEach((path, text) -> {
            String inBuild = RESOURCES + packageFolder(text) + path.replace('/', '_');
            pathsInBuild.put(inBuild, path);
            kfs.write(inBuild, text);
        });
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Drools' compiler gives up on some DRL it parses (an array written to in a consequence, say)
            ks.getRepository().removeKieModule(releaseId);
            errors.add(new RuleError(source.description(), 0, "Drools cannot compile these rules: "
                    + oneLine(SessionStrategy.rootMessage(e))));
            throw failure(source, errors);
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (m.getText().startsWith("Java source of ")) {
                continue; // a dump of a whole generated file; its errors come as messages of their own
            }
            if (m.getPath() != null && m.getPath().startsWith("src/main/java/")) {
                errors.add(inGeneratedJava(m, drl, source)); // a function's code, compiled as generated Java
                continue;
            }
            String file = fileOf(m, pathsInBuild, source);
            errors.add(new RuleError(file, lineOf(m, drl.get(file), parsed), oneLine(m.getText())));
        }
        for (Message m : builder.getResults().getMessages(Message.Level.WARNING)) {
            String file = fileOf(m, pathsInBuild, source);
            LOG.warn("{}:{}: {}", file, lineOf(m, drl.get(file), parsed), oneLine(m.getText()));
        }
        InternalKieModule module = errors.isEmpty() ? (InternalKieModule) builder.getKieModule() : null;
        if (module != null) {
            // before any class of it is loaded: making the knowledge base runs the rules' model code
            long checkStart = System.nanoTime();
            List<Problem> problems = CompiledRuleCheck.check(classFiles(module), FACT_MODEL);
            problems.forEach(p -> errors.add(place(p, parsed, source)));
            LOG.debug("checked the compiled rules of {} in {} ms", source.description(),
                    (System.nanoTime() - checkStart) / 1_000_000);
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw failure(source, errors);
        }

        moduleSink.accept(module);
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The knowledge base lives on its own; the process-wide repository must not keep every version.
        ks.getRepository().removeKieModule(releaseId);
        CompiledRuleSet compiled = assemble(source, name -> parsed.find(new Origin(Origin.Kind.RULE, name))
                .map(d -> new Place(d.file(), d.descr().getLine())), BorrowerIsolation.doubt(parsed), kieBase, catalog,
                container::dispose, errors);
        LOG.info("compiled {} rules from {} files of {} as version {} in {} ms", compiled.info().rules().size(),
                source.files().size(), source.description(), source.version(),
                (System.nanoTime() - start) / 1_000_000);
        return compiled;
    }

    /** Where a rule is written: its file and the line of its {@code rule} keyword (0 when not known). */
    record Place(String file, int line) {
    }

    /**
     * The rule set made of a built knowledge base: every rule must have an id, unique, and a well-formed family.
     *
     * @param placeOf where the DRL the knowledge base was built from writes each rule, by rule name
     * @param doubt   why the rules are not proven to keep borrowers apart ({@link BorrowerIsolation}); empty
     *                when they are
     * @param release what closing the rule set releases
     * @throws RuleCompilationException with every error found (and {@code errors} already had)
     */
    static CompiledRuleSet assemble(RuleSetSource source, Function<String, Optional<Place>> placeOf,
                                    Optional<String> doubt, KieBase kieBase, MessageCatalog catalog, Runnable release,
                                    List<RuleError> errors) {
        Map<String, RuleMeta> rules = new HashMap<>();
        Map<String, String> idOwners = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Place at = placeOf.apply(rule.getName()).orElse(new Place(rule.getPackageName(), 0));
                String file = at.file();
                int line = at.line();
                Matcher name = RULE_NAME.matcher(rule.getName());
                if (!name.matches()) {
                    errors.add(new RuleError(file, line, "rule \"" + rule.getName() + "\" does not start with an id;"
                            + " name rules like \"OVB-1 Debt service above the ceiling\""));
                    continue;
                }
                String id = name.group(1);
                String previous = idOwners.putIfAbsent(id, rule.getName());
                if (previous != null) {
                    errors.add(new RuleError(file, line, "rule id " + id + " is used twice: by \"" + previous
                            + "\" and \"" + rule.getName() + "\"; ids must be unique"));
                }
                Object family = rule.getMetaData().get("family");
                String familyName = family == null ? null : family.toString().replace("\"", "").strip();
                if (familyName != null && !familyName.matches("[A-Z][A-Z0-9_]*")) {
                    errors.add(new RuleError(file, line, "rule " + id + " has @family(" + family
                            + "); expected upper-case letters, digits and _"));
                }
                rules.put(rule.getName(), new RuleMeta(id, familyName, file));
            }
        }
        if (!errors.isEmpty()) {
            release.run();
            throw failure(source, errors);
        }
        List<RuleInfo> ruleInfos = rules.entrySet().stream()
                .map(e -> new RuleInfo(e.getValue().id(), e.getKey(), e.getValue().family(), e.getValue().file()))
                .sorted(Comparator.comparing(RuleInfo::name)).toList();
        RuleSetInfo info = new RuleSetInfo(source.version(), source.description(),
                List.copyOf(source.files().keySet()), ruleInfos);
        doubt.ifPresent(d -> LOG.info("the rules of {} are not proven to keep borrowers apart, so each borrower is"
                + " decided in a session of its own: {}", source.description(), d));
        return new CompiledRuleSet(kieBase, release, info, catalog, rules, doubt);
    }

    /** Every reason code a consequence uses must have a sentence in every language. */
    private static void checkReasonCodes(Map<String, String> drl, MessageCatalog catalog, List<RuleError> errors) {
        drl.forEach((file, text) -> {
            Matcher m = REASON_CODE_USE.matcher(withoutComments(text));
            while (m.find()) {
                String key = "reason." + m.group(1);
                if (!catalog.has(key)) {
                    errors.add(new RuleError(file, DrlText.lineAt(text, m.start(1)), "reason code " + m.group(1)
                            + " has no customer sentence; add " + key + " to every messages_LANG.properties"));
                }
            }
        });
    }

    /**
     * An error of the Java that Drools generated from the DRL (a function's body, most often), placed on the first
     * line of the DRL that holds the name it complains of ("The method balance() is undefined for the type Loan").
     */
    private static RuleError inGeneratedJava(Message m, Map<String, String> drl, RuleSetSource source) {
        String text = oneLine(m.getText());
        Matcher name = NAME_IN_JAVA_ERROR.matcher(text);
        if (name.find()) {
            String named = name.group(1) != null ? name.group(1) : name.group(2) != null ? name.group(2) : name.group(3);
            for (Map.Entry<String, String> file : drl.entrySet()) {
                int line = firstUse(file.getValue(), named);
                if (line > 0) {
                    return new RuleError(file.getKey(), line, text);
                }
            }
        }
        return new RuleError(source.description(), 0, text);
    }

    /** The classes of a built module, by path: the rule set's, without the project model a knowledge base lacks. */
    static Map<String, byte[]> classFiles(InternalKieModule module) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            // the project model is made by Drools from the release id this class gives, never from the DRL
            if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                classes.put(name, module.getBytes(name));
            }
        }
        return classes;
    }

    /**
     * A problem of the compiled code as an error of the DRL: in the file of its rule, function or declared type,
     * on the first line of it that holds the problem's word (the method called, the loop), else where it starts.
     */
    static RuleError place(Problem problem, ParsedDrl drl, RuleSetSource source) {
        Origin origin = problem.origin();
        String what = switch (origin.kind()) {
            case RULE -> "rule \"" + DrlCheck.id(origin.name()) + "\"";
            case QUERY -> "query \"" + origin.name() + "\"";
            case FUNCTION -> "function \"" + origin.name() + "\"";
            case TYPE -> "declared type \"" + origin.name() + "\"";
            case RULE_SET -> "the code generated for these rules";
        } + " " + problem.message();
        return drl.find(origin).map(d -> new RuleError(d.file(), lineOfWord(drl, d, origin.name(), problem.word()),
                        what))
                .orElse(new RuleError(source.description(), 0, what));
    }

    /** The line of the first of {@code words} (alternatives split by |) in a definition after its name. */
    private static int lineOfWord(ParsedDrl drl, Definition definition, String name, String words) {
        String text = withoutComments(drl.texts().get(definition.file()));
        BaseDescr descr = definition.descr();
        Matcher named = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(text);
        int start = Math.max(0, descr.getStartCharacter());
        int from = named.find(start) ? named.end() : start;
        String alternatives = Arrays.stream(words.split("\\|")).map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher word = Pattern.compile("\\b(?:" + alternatives + ")\\b").matcher(text);
        word.region(from, Math.max(from, Math.min(text.length(), descr.getEndCharacter() + 1)));
        return word.find() ? DrlText.lineAt(text, word.start()) : descr.getLine();
    }

    /** The line of the first use of {@code name} in {@code text} outside comments, or 0. */
    private static int firstUse(String text, String name) {
        Matcher use = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(withoutComments(text));
        return use.find() ? DrlText.lineAt(text, use.start()) : 0;
    }

    /** The text with comments blanked out (same length, so offsets and lines stay true). */
    private static String withoutComments(String text) {
        Matcher m = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(1); i >= 0 && i < m.end(1); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static RuleCompilationException failure(RuleSetSource source, List<RuleError> errors) {
        List<RuleError> sorted = new ArrayList<>(withoutKnockOnErrors(errors));
        sorted.sort(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line));
        return new RuleCompilationException(source.description(), sorted);
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule name='([^']*)'");
    /** The name a Java compiler's message is about: "The method x(..) ...", "x cannot be resolved", "type X". */
    private static final Pattern NAME_IN_JAVA_ERROR = Pattern.compile(
            "The (?:method|field|constructor) (\\w+)|^(\\w+) cannot be resolved|The type (\\w+)");
    private static final Pattern UNPARSED_EXPRESSION = Pattern.compile("expression: ([^\\n]{3,})");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern QUOTED_EXPRESSION = Pattern.compile("'([^'\\n]{3,})'");

    /** The folder the builder expects for a DRL's package: {@code policy/} for {@code package policy;}. */
    private static String packageFolder(String text) {
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /**
     * When a file does not parse, Drools drops its whole package, and every other file of the package then
     * reports types and rules it cannot resolve. Those knock-on errors hide the real one, so only the syntax
     * errors are kept, with one line saying how many others may follow from them.
     */
    static List<RuleError> withoutKnockOnErrors(List<RuleError> errors) {
        List<RuleError> syntax = errors.stream().filter(e -> e.message().startsWith("[ERR ")).toList();
        if (syntax.isEmpty()) {
            return errors;
        }
        List<RuleError> kept = new ArrayList<>(syntax);
        long others = errors.stream().filter(e -> !syntax.contains(e))
                .filter(e -> !e.message().startsWith("Parser returned a null Package")).count();
        if (others > 0) {
            kept.add(new RuleError(syntax.get(0).file(), syntax.get(0).line(), others + " more error"
                    + (others == 1 ? "" : "s") + " in this package may follow from the syntax error"
                    + (syntax.size() == 1 ? "" : "s") + " above; fix "
                    + (syntax.size() == 1 ? "it" : "them") + " first"));
        }
        return kept;
    }

    /** The analyst's path of the file a message is about (Drools reports paths with or without the root). */
    private static String fileOf(Message m, Map<String, String> pathsInBuild, RuleSetSource source) {
        if (m.getPath() == null || m.getPath().isBlank()) {
            return source.description();
        }
        String path = m.getPath().startsWith(RESOURCES) ? m.getPath() : RESOURCES + m.getPath();
        return pathsInBuild.getOrDefault(path, m.getPath());
    }

    /** The message's line; when Drools gives none but names the rule, the line where that rule starts. */
    private static int lineOf(Message m, String text, ParsedDrl drl) {
        int line = Math.max(0, m.getLine());
        Matcher rule = RULE_IN_MESSAGE.matcher(m.getText());
        if (line <= 0 && rule.find()) {
            line = drl.find(new Origin(Origin.Kind.RULE, rule.group(1))).map(d -> d.descr().getLine()).orElse(0);
        }
        Matcher expression = UNPARSED_EXPRESSION.matcher(m.getText());
        if (line <= 0 && text != null && expression.find()) {
            int at = text.indexOf(expression.group(1).strip());
            if (at >= 0) {
                return DrlText.lineAt(text, at);
            }
        }
        Matcher type = UNKNOWN_CLASS.matcher(m.getText());
        if (line <= 0 && text != null && type.find()) {
            return firstUse(text, type.group(1)); // the executable model names the class it cannot find, not where
        }
        // The executable model gives the line of the rule; the line of the expression it quotes is more helpful.
        Matcher quoted = QUOTED_EXPRESSION.matcher(m.getText());
        if (text != null && line > 0 && quoted.find()) {
            int from = DrlText.offsetOfLine(text, line);
            int at = text.indexOf(quoted.group(1), from);
            if (at >= 0) {
                return DrlText.lineAt(text, at);
            }
        }
        return line;
    }

    /** The message on one line, without the Java stack trace some Drools messages carry. */
    private static String oneLine(String text) {
        String message = text;
        int trace = message.indexOf("Problem stacktrace");
        if (trace >= 0) {
            message = message.substring(0, trace);
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** What the engine needs to know of a rule: its stable id, its family, its file. */
    public record RuleMeta(String id, String family, String file) {
    }
}
