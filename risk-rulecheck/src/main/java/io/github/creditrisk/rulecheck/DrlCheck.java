package io.github.creditrisk.rulecheck;

import io.github.creditrisk.RuleError;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what Drools would work out while building the rules, before it builds them: the values of metadata
 * ({@code @family(...)}), of attributes ({@code salience}, {@code enabled}) and of declared fields' defaults.
 * Drools evaluates such values as MVEL expressions at build time, so an expression there would run during
 * {@code risk check} itself; they must be literals. Attributes that tie a rule to the clock or to timers
 * ({@code timer}, {@code calendars}, {@code duration}, {@code date-effective}, {@code date-expires}), the MVEL
 * dialect (run without the compiled classes {@link CompiledRuleCheck} reads) and accumulate functions of one's
 * own are refused. A rule defined more than once in the rule set is reported in its own words, at each
 * definition after the first: given one name twice, Drools would report dozens of errors about the classes it
 * generates that name neither the rule nor the second place. Thread-safe: a check is a pure function.
 */
public final class DrlCheck {

    /** A literal: a string, a number, true, false, null, or one bare word ({@code @role(event)}). */
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|-?\\d+(?:\\.\\d+)?[LlDdFfBbIi]?|true|false|null"
                    + "|[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> CLOCK_ATTRIBUTES = Set.of("timer", "calendars", "duration", "date-effective",
            "date-expires");

    private DrlCheck() {
    }

    /** The problems of {@code drl}; a file that does not parse is left to Drools, which reports it itself. */
    public static List<RuleError> check(ParsedDrl drl) {
        List<RuleError> errors = new ArrayList<>();
        Map<String, List<Place>> definitions = new LinkedHashMap<>(); // by rule name, in file and line order
        drl.packages().forEach((file, pkg) -> {
            String text = drl.texts().get(file);
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute(file, "the package", a, errors);
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (!rule.isQuery()) {
                    definitions.computeIfAbsent(rule.getName(), n -> new ArrayList<>())
                            .add(new Place(file, rule.getLine()));
                }
                String who = (rule.isQuery() ? "query \"" : "rule \"") + id(rule.getName()) + "\"";
                annotations(file, text, who, rule, errors);
                for (AttributeDescr a : rule.getAttributes().values()) {
                    attribute(file, who, a, errors);
                }
                inlineAccumulates(file, who, rule.getLhs(), errors);
            }
            for (AbstractClassTypeDeclarationDescr type : pkg.getClassAndEnumDeclarationDescrs()) {
                String who = "declared type \"" + type.getTypeName() + "\"";
                annotations(file, text, who, type, errors);
                for (TypeFieldDescr field : type.getFields().values()) {
                    annotations(file, text, who, field, errors);
                    String init = field.getInitExpr();
                    if (init != null && !init.isBlank() && !LITERAL.matcher(init.strip()).matches()) {
                        errors.add(new RuleError(file, field.getLine(), who + " gives field " + field.getFieldName()
                                + " the default " + init.strip() + "; a default must be a literal (a number, a"
                                + " string, true or false), since Drools works it out while building the rules"));
                    }
                }
            }
            pkg.getAccumulateImports().forEach(a -> errors.add(new RuleError(file, a.getLine(), "imports the"
                    + " accumulate function " + a.getTarget() + "; rules may use only Drools' own accumulate"
                    + " functions (sum, count, min, max, average, collectList, collectSet)")));
        });
        duplicates(definitions, errors);
        return errors;
    }

    /**
     * One error for every definition of a rule after its first, naming the first: {@code copy.drl:40: rule
     * "OVB-1 ..." is defined twice: here and at overborrowing.drl:25; rule names must be unique}. A name must
     * be unique in the whole rule set, not only in its package: decisions and tests refer to rules by name.
     */
    private static void duplicates(Map<String, List<Place>> definitions, List<RuleError> errors) {
        List<RuleError> found = new ArrayList<>();
        definitions.forEach((name, places) -> {
            Place first = places.get(0);
            String times = places.size() == 2 ? "twice" : places.size() + " times";
            for (Place again : places.subList(1, places.size())) {
                found.add(new RuleError(again.file(), again.line(), "rule \"" + name + "\" is defined " + times
                        + ": here and at " + first.file() + ":" + first.line() + "; rule names must be unique"));
            }
        });
        found.sort(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line));
        errors.addAll(found);
    }

    private record Place(String file, int line) {
    }

    private static void annotations(String file, String text, String who, AnnotatedBaseDescr descr,
                                    List<RuleError> errors) {
        for (AnnotationDescr a : descr.getAnnotations()) {
            for (Object raw : a.getValueMap().values()) {
                String value = String.valueOf(raw).strip();
                if (!LITERAL.matcher(value).matches()) {
                    errors.add(new RuleError(file, lineOf(text, descr.getLine(), "@" + a.getName()), who + " has @"
                            + a.getName() + "(" + value + "); metadata must be a literal, such as @family(\"DELINQUENCY\"),"
                            + " since Drools works it out while building the rules"));
                }
            }
        }
    }

    /**
     * An accumulate with code of its own ({@code init(...) action(...) result(...)}) is compiled by Drools'
     * classic compiler, apart from the executable model; rules use Drools' accumulate functions instead.
     */
    private static void inlineAccumulates(String file, String who, BaseDescr descr, List<RuleError> errors) {
        if (descr == null) {
            return;
        }
        if (descr instanceof AccumulateDescr acc) {
            if (acc.getInitCode() != null || acc.getActionCode() != null || acc.getResultCode() != null) {
                errors.add(new RuleError(file, acc.getLine(), who + " accumulates with code of its own (init, action,"
                        + " result); use Drools' accumulate functions: sum, count, min, max, average, collectList,"
                        + " collectSet"));
            }
            inlineAccumulates(file, who, acc.getInput(), errors);
        } else if (descr instanceof PatternDescr pattern) {
            inlineAccumulates(file, who, pattern.getSource(), errors);
        } else if (descr instanceof CollectDescr collect) {
            inlineAccumulates(file, who, collect.getInputPattern(), errors);
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                inlineAccumulates(file, who, child, errors);
            }
        }
    }

    private static void attribute(String file, String who, AttributeDescr a, List<RuleError> errors) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().strip();
        if (CLOCK_ATTRIBUTES.contains(name)) {
            errors.add(new RuleError(file, a.getLine(), who + " uses the attribute " + name + ", which ties the"
                    + " rule to the clock or to timers; rules decide from the evaluation date alone"));
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            errors.add(new RuleError(file, a.getLine(), who + " uses the dialect " + value + "; rules are written in"
                    + " the java dialect, whose compiled code is checked"));
        } else if ((name.equals("salience") || name.equals("enabled")) && !LITERAL.matcher(value).matches()) {
            errors.add(new RuleError(file, a.getLine(), who + " has " + name + " " + value + "; it must be a literal"
                    + " (a number for salience, true or false for enabled)"));
        }
    }

    /** The line of the first {@code word} at or after line {@code from} (Drools gives annotations no line). */
    private static int lineOf(String text, int from, String word) {
        int at = text.indexOf(word, DrlText.offsetOfLine(text, from));
        return at < 0 ? from : DrlText.lineAt(text, at);
    }

    /** A rule's id: its name up to the first space. */
    public static String id(String ruleName) {
        int space = ruleName.indexOf(' ');
        return space < 0 ? ruleName : ruleName.substring(0, space);
    }
}
