package io.github.creditrisk.rulecheck;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Which rule, function or declared type each class and method of a compiled rule set (Drools' executable model)
 * comes from. The model class {@code RulesHASH} holds the functions as static methods; the classes
 * {@code RulesHASHRuleMethodsN} build one rule per method {@code rule_...}, naming the lambda classes that
 * hold its conditions and consequence; a class marked {@code GeneratedFact} is a declared type.
 */
final class RuleSetClasses {

    private static final String RULE_FACTORY = "org/drools/modelcompiler/dsl/pattern/D";
    private static final String GENERATED_FACT = "org/drools/base/factmodel/GeneratedFact";

    private final Map<String, ClassNode> classes;
    /** The origin of each lambda class, by the method of the model that names it. */
    private final Map<String, Origin> lambdas = new HashMap<>();
    /** The origin of each lambda body compiled into a model class ("name+desc"), by the method that makes it. */
    private final Map<String, Origin> lambdaBodies = new HashMap<>();

    RuleSetClasses(Map<String, ClassNode> classes) {
        this.classes = classes;
        for (ClassNode c : classes.values()) {
            if (isModel(c)) {
                for (MethodNode m : c.methods) {
                    Origin origin = modelMethod(c, m);
                    for (AbstractInsnNode insn : m.instructions) {
                        if (insn instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1
                                && indy.bsmArgs[1] instanceof Handle body && body.getOwner().equals(c.name)) {
                            lambdaBodies.putIfAbsent(body.getName() + body.getDesc(), origin);
                        }
                        if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC
                                && f.name.equals("INSTANCE") && classes.containsKey(f.owner)
                                && !isModel(classes.get(f.owner))) {
                            lambdas.merge(f.owner, origin, (a, b) -> a.kind() == Origin.Kind.RULE_SET ? b : a);
                        }
                    }
                }
            }
        }
    }

    /** The origin of method {@code m} of class {@code c}, or of the class itself when {@code m} is null. */
    Origin of(ClassNode c, MethodNode m) {
        if (isModel(c)) {
            if (m != null && lambdaBodies.containsKey(m.name + m.desc)) {
                return lambdaBodies.get(m.name + m.desc);
            }
            return m == null ? Origin.RULE_SET : modelMethod(c, m);
        }
        if (lambdas.containsKey(c.name)) {
            return lambdas.get(c.name);
        }
        String simple = simpleName(c.name);
        if (c.interfaces.contains(GENERATED_FACT) || !simple.startsWith("Lambda")
                && !simple.startsWith("DomainClassesMetadata") && !c.name.startsWith("org/drools/")) {
            return new Origin(Origin.Kind.TYPE, simple);
        }
        return Origin.RULE_SET;
    }

    private static boolean isModel(ClassNode c) {
        String simple = simpleName(c.name);
        return simple.startsWith("Rules") && (c.interfaces.contains("org/drools/model/Model")
                || simple.contains("RuleMethods"));
    }

    private Origin modelMethod(ClassNode c, MethodNode m) {
        if (m.name.startsWith("rule_")) {
            return new Origin(Origin.Kind.RULE, nameGivenTo(m, m.name.substring("rule_".length())));
        }
        if (m.name.startsWith("query_")) {
            return new Origin(Origin.Kind.QUERY, queryName(m.name.substring("query_".length())));
        }
        boolean generated = m.name.startsWith("<") || m.name.startsWith("$") || m.name.startsWith("get")
                && (m.access & Opcodes.ACC_STATIC) == 0 || (m.access & Opcodes.ACC_SYNTHETIC) != 0;
        return generated || simpleName(c.name).contains("RuleMethods") ? Origin.RULE_SET
                : new Origin(Origin.Kind.FUNCTION, m.name);
    }

    /** The rule's name as the method passes it to {@code D.rule(package, name)}. */
    private static String nameGivenTo(MethodNode m, String fallback) {
        String lastString = null;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                lastString = s;
            } else if (insn instanceof MethodInsnNode call && call.owner.equals(RULE_FACTORY)
                    && call.name.equals("rule")) {
                return lastString != null ? lastString : fallback;
            }
        }
        return fallback;
    }

    /** A query's name: the string of the model class that Drools' method name for it spells. */
    private String queryName(String spelled) {
        for (ClassNode c : classes.values()) {
            if (isModel(c)) {
                for (MethodNode m : c.methods) {
                    for (AbstractInsnNode insn : m.instructions) {
                        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String name
                                && spelledAsMethod(name).equals(spelled)) {
                            return name;
                        }
                    }
                }
            }
        }
        return spelled;
    }

    /** A name as Drools spells it in a method name: letters and digits kept, any other character as _CODE. */
    private static String spelledAsMethod(String name) {
        StringBuilder out = new StringBuilder();
        name.chars().forEach(ch -> out.append(Character.isLetterOrDigit(ch) ? String.valueOf((char) ch) : "_" + ch));
        return out.toString();
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
