package io.github.creditrisk.drools.internal;

import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.drools.facts.Borrower;
import io.github.creditrisk.drools.facts.OverdueLoan;
import io.github.creditrisk.rulecheck.ParsedDrl;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves, from the DRL, that a rule set decides each borrower from that borrower's facts and the shared signals
 * alone, so that many borrowers can be decided in one session exactly as each would be alone. The proof is
 * sound but not complete: a rule set it cannot prove is decided borrower by borrower, which is always correct.
 *
 * <p>It holds when every rule
 * <ul>
 *   <li>has one pattern that names its borrower: its only {@code Borrower} pattern, or with none its first
 *       pattern over a borrower's facts (every fact in a session but the signals belongs to one borrower: the
 *       engine inserts a borrower and its overdue loans, and proven rules insert facts made of one borrower's);</li>
 *   <li>ties every other pattern over the session's facts (in {@code not}, {@code exists}, {@code forall},
 *       {@code accumulate} and {@code collect} too) to that one: it is a {@code ServiceOutage} (a signal, the
 *       same for every borrower), or it has a constraint {@code field == $v} where {@code $v} names the borrower
 *       of a pattern already tied: the pattern's own variable when it is a {@code Borrower} or an
 *       {@code OverdueLoan} (both compared by identity), or a binding of its {@code borrower} or {@code loan}
 *       field ({@code $b : borrower});</li>
 *   <li>uses no {@code or}, no rule inheritance, no entry point or window, no query, and does not delete or
 *       change a signal in its consequence;</li>
 * </ul>
 * and no declared type has {@code @key} fields (truth maintenance would merge equal facts of two borrowers) or a
 * field called {@code borrower} or {@code loan} that holds anything but a {@code Borrower} or an {@code OverdueLoan}.
 * Patterns {@code from} an expression read values already reached from bound facts, so they need no tie.
 * Whatever the consequences build is built from the facts of one borrower, since rules can reach nothing else
 * (rules/README.md, "What rules may use"), so facts they insert belong to that borrower too.
 */
final class BorrowerIsolation {

    private static final Pattern TIE = Pattern.compile("\\s*(\\w+)\\s*==\\s*(\\$\\w+)\\s*|\\s*(\\$\\w+)\\s*==\\s*(\\w+)\\s*");
    /** A binding of the field that holds a fact's borrower, or its overdue loan. */
    private static final Pattern BINDING = Pattern.compile("\\s*(\\$\\w+)\\s*:=?\\s*(borrower|loan)\\s*");
    /** Facts compared by identity, to which another pattern may be tied. */
    private static final Set<String> TIE_TARGETS = Set.of(Borrower.class.getSimpleName(),
            OverdueLoan.class.getSimpleName());

    private BorrowerIsolation() {
    }

    /**
     * Why the rules of {@code drl} might relate two borrowers, naming the first rule that the proof fails on;
     * empty when they are proven to keep borrowers apart.
     */
    static Optional<String> doubt(ParsedDrl drl) {
        if (!drl.unparsed().isEmpty()) {
            return Optional.of(drl.unparsed().get(0) + " does not parse");
        }
        for (Map.Entry<String, PackageDescr> file : drl.packages().entrySet()) {
            PackageDescr pkg = file.getValue();
            for (AbstractClassTypeDeclarationDescr type : pkg.getClassAndEnumDeclarationDescrs()) {
                for (var field : type.getFields().values()) {
                    String expected = field.getFieldName().equals("borrower") ? Borrower.class.getSimpleName()
                            : field.getFieldName().equals("loan") ? OverdueLoan.class.getSimpleName() : null;
                    if (expected != null && !expected.equals(simpleName(field.getPattern().getObjectType()))) {
                        return Optional.of(file.getKey() + ": declared type " + type.getTypeName() + " has a field "
                                + field.getFieldName() + " that is not a " + expected);
                    }
                }
                if (type.getFields().values().stream().anyMatch(f -> f.getAnnotation("key") != null)) {
                    return Optional.of(file.getKey() + ": declared type " + type.getTypeName() + " has @key fields");
                }
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isQuery()) {
                    continue; // only rules run on their own
                }
                String doubt = doubt(rule);
                if (doubt != null) {
                    return Optional.of(file.getKey() + ": rule \"" + rule.getName() + "\" " + doubt);
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code rule} might relate two borrowers, or {@code null}. */
    private static String doubt(RuleDescr rule) {
        if (rule.getParentName() != null) {
            return "extends another rule";
        }
        List<PatternDescr> patterns = new ArrayList<>();
        String unsupported = collect(rule.getLhs(), patterns);
        if (unsupported != null) {
            return unsupported;
        }
        // the pattern that names the borrower: its one Borrower, or with none, its first fact of a borrower
        List<PatternDescr> borrowers = patterns.stream().filter(p -> is(p, Borrower.class.getSimpleName())).toList();
        List<PatternDescr> open = new ArrayList<>(patterns);
        Set<String> signals = new HashSet<>();
        open.removeIf(p -> {
            if (is(p, ServiceOutage.class.getSimpleName())) {
                if (p.getIdentifier() != null) {
                    signals.add(p.getIdentifier());
                }
                return true;
            }
            return false;
        });
        if (borrowers.size() > 1 || open.isEmpty()) {
            return "does not match exactly one borrower's facts";
        }
        PatternDescr root = borrowers.isEmpty() ? open.get(0) : borrowers.get(0);
        Set<String> tied = new HashSet<>();
        open.remove(root);
        names(root, tied);
        boolean progress = true;
        while (progress && !open.isEmpty()) {
            progress = open.removeIf(p -> {
                if (!tiedTo(p, tied)) {
                    return false;
                }
                names(p, tied);
                return true;
            });
        }
        if (!open.isEmpty()) {
            return "matches " + open.get(0).getObjectType() + " without tying it to its borrower (borrower == $b)";
        }
        String consequence = String.valueOf(rule.getConsequence());
        for (String signal : signals) {
            if (Pattern.compile("\\b(delete|retract|update|modify)\\s*\\(\\s*" + Pattern.quote(signal) + "\\b")
                    .matcher(consequence).find()) {
                return "changes the signal " + signal;
            }
        }
        return null;
    }

    /**
     * Adds to {@code out} every pattern over the session's facts in {@code descr}; the reason the proof cannot
     * follow {@code descr}, or {@code null}.
     */
    private static String collect(BaseDescr descr, List<PatternDescr> out) {
        if (descr instanceof OrDescr) {
            return "uses or";
        }
        if (descr instanceof PatternDescr p) {
            if (p.isQuery()) {
                return "calls a query";
            }
            Object source = p.getSource();
            if (source == null) {
                out.add(p);
                return null;
            }
            if (source instanceof FromDescr) {
                return null;
            }
            if (source instanceof AccumulateDescr a) {
                return a.getInput() == null ? "accumulates nothing it can follow" : collect(a.getInput(), out);
            }
            if (source instanceof CollectDescr c) {
                return collect(c.getInputPattern(), out);
            }
            return "reads " + source.getClass().getSimpleName().replace("Descr", "") + " facts";
        }
        if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                String doubt = collect(child, out);
                if (doubt != null) {
                    return doubt;
                }
            }
            return null;
        }
        return null; // eval(...): a test of bound values
    }

    /**
     * Adds to {@code names} the variables of a tied pattern that name its borrower: the pattern's own when it
     * is a Borrower or an OverdueLoan, and bindings of its {@code borrower} or {@code loan} field.
     */
    private static void names(PatternDescr pattern, Set<String> names) {
        if (pattern.getIdentifier() != null && TIE_TARGETS.contains(simpleName(pattern.getObjectType()))) {
            names.add(pattern.getIdentifier());
        }
        if (pattern.getConstraint() != null) {
            for (BaseDescr c : pattern.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    Matcher m = BINDING.matcher(e.getExpression());
                    if (m.matches()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
    }

    private static boolean tiedTo(PatternDescr pattern, Set<String> tied) {
        if (pattern.getConstraint() == null) {
            return false;
        }
        for (BaseDescr c : pattern.getConstraint().getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                Matcher m = TIE.matcher(e.getExpression());
                if (m.matches() && tied.contains(m.group(2) != null ? m.group(2) : m.group(3))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean is(PatternDescr pattern, String simpleName) {
        return simpleName.equals(simpleName(pattern.getObjectType()));
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }
}
