package io.github.creditrisk.rulecheck;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.ConstantDynamic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the classes a rule set compiled to, before any of them is loaded: every call, constructor and field
 * they use must be in the {@link RuleVocabulary}; no loop may run without a bound (the only loops allowed are
 * {@code for (X x : collection)} and {@code for (X x : array)}); no method of the rule set may call itself,
 * directly or through others; no code may hold a lock, use method handles or keep state in a static field.
 * What is checked is what runs: the Java that Drools generated for every condition, consequence, function and
 * declared type, as compiled, so no spelling of a call in the DRL slips past.
 *
 * <p>Each problem names the rule, function or declared type whose code it is in ({@link RuleSetClasses}).
 * Not thread-safe; make one per check.
 */
public final class CompiledRuleCheck {

    private static final String LAMBDA_BOOTSTRAP = "java/lang/invoke/LambdaMetafactory";
    private static final String CONCAT_BOOTSTRAP = "java/lang/invoke/StringConcatFactory";

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final RuleSetClasses origins;
    private final Set<Problem> problems = new LinkedHashSet<>();
    /** The engine's fact classes (internal names): rule code may use them whole. */
    private final Set<String> factModel = new HashSet<>();
    /** Calls between the rule set's own methods, for finding recursion: "owner.name+desc" to its callees. */
    private final Map<String, Set<String>> calls = new HashMap<>();

    private CompiledRuleCheck(Map<String, byte[]> classFiles, Collection<Class<?>> factModel) {
        for (Class<?> type : factModel) {
            this.factModel.add(type.getName().replace('.', '/'));
        }
        for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
            ClassNode node = new ClassNode();
            new ClassReader(file.getValue()).accept(node, ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        }
        this.origins = new RuleSetClasses(classes);
    }

    /**
     * The problems of the compiled rule set {@code classFiles} (class file path or name to its bytes), in the
     * order found; empty when the rule set may run. Rule code may use the classes of {@code factModel} whole,
     * besides what {@link RuleVocabulary} allows.
     */
    public static List<Problem> check(Map<String, byte[]> classFiles, Collection<Class<?>> factModel) {
        CompiledRuleCheck check = new CompiledRuleCheck(classFiles, factModel);
        check.run();
        return List.copyOf(check.problems);
    }

    private void run() {
        for (ClassNode c : classes.values()) {
            checkSupertypes(c);
            for (MethodNode m : c.methods) {
                Origin origin = origins.of(c, m);
                if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    problems.add(new Problem(origin, "may not hold a lock (synchronized); " + waits(), "synchronized"));
                }
                if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                    problems.add(new Problem(origin, "may not declare native code", m.name));
                }
                checkInstructions(c, m, origin);
                new LoopShapes(m).unboundedLoops().forEach(at -> problems.add(new Problem(origin,
                        "has a loop that cannot be shown to end (while, do, or a for that is not over a collection"
                                + " or an array); a rule that loops for ever cannot be stopped, so loop only with"
                                + " for (X x : collection) or for (X x : array)", "while|do|for")));
            }
        }
        new Recursion(calls).cycles().forEach(cycle -> {
            String first = cycle.get(0);
            ClassNode owner = classes.get(first.substring(0, first.indexOf('.')));
            MethodNode method = method(owner, first.substring(first.indexOf('.') + 1));
            List<String> names = cycle.stream().map(CompiledRuleCheck::methodName).toList();
            // the call that closes the cycle: from the first method to the next one (itself, when it calls itself)
            problems.add(new Problem(origins.of(owner, method), "calls itself ("
                    + String.join(" -> ", names) + " -> " + names.get(0) + "); recursion may never end and cannot"
                    + " be stopped, so rules may not recurse", names.get(1 % names.size())));
        });
    }

    private void checkSupertypes(ClassNode c) {
        Origin origin = origins.of(c, null);
        if (c.superName != null && !c.superName.equals("java/lang/Object") && !c.superName.equals("java/lang/Enum")
                && !classes.containsKey(c.superName)) {
            problems.add(new Problem(origin, "may not extend " + javaName(c.superName) + " (a declared type may"
                    + " extend only another declared type)", simpleName(c.superName)));
        }
        for (String i : c.interfaces) {
            if (!classes.containsKey(i) && !i.equals("java/io/Serializable") && !i.equals("java/lang/Comparable")
                    && !i.startsWith("org/drools/")) {
                problems.add(new Problem(origin, "may not implement " + javaName(i), simpleName(i)));
            }
        }
    }

    private void checkInstructions(ClassNode c, MethodNode m, Origin origin) {
        String self = c.name + "." + m.name + m.desc;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call) {
                checkCall(self, origin, call.owner, call.name, call.desc);
            } else if (insn instanceof FieldInsnNode field) {
                checkField(c, m, origin, field);
            } else if (insn instanceof TypeInsnNode type) {
                checkType(origin, type.desc);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                checkDynamic(self, origin, indy);
            } else if (insn instanceof LdcInsnNode ldc && (ldc.cst instanceof Handle || ldc.cst instanceof ConstantDynamic
                    || ldc.cst instanceof Type t && t.getSort() == Type.METHOD)) {
                problems.add(new Problem(origin, "may not use method handles", "::"));
            } else if (insn.getOpcode() == Opcodes.MONITORENTER) {
                problems.add(new Problem(origin, "may not hold a lock (synchronized); " + waits(), "synchronized"));
            }
        }
    }

    private void checkCall(String caller, Origin origin, String owner, String name, String desc) {
        String declaring = declaringClass(owner, name, desc);
        if (declaring != null) {
            calls.computeIfAbsent(caller, k -> new LinkedHashSet<>()).add(declaring + "." + name + desc);
            return; // the rule set's own code, checked where it is defined
        }
        String api = firstOutside(owner);
        String refusal = refusal(api, name, desc);
        if (refusal != null) {
            String what = name.equals("<init>") ? "may not create " + javaName(api)
                    : "may not call " + javaName(api) + "." + name;
            problems.add(new Problem(origin, what + " (" + refusal + ")", name.equals("<init>") ? simpleName(api)
                    : name));
        }
    }

    private void checkField(ClassNode c, MethodNode m, Origin origin, FieldInsnNode field) {
        boolean own = classes.containsKey(field.owner);
        int op = field.getOpcode();
        if (op == Opcodes.PUTSTATIC && !(field.owner.equals(c.name)
                && (m.name.equals("<clinit>") || (m.access & Opcodes.ACC_SYNTHETIC) != 0))) {
            problems.add(new Problem(origin, "may not change the static field " + javaName(field.owner) + "."
                    + field.name + " (rules may not keep state from one decision to the next)", field.name));
        } else if (op == Opcodes.PUTFIELD && !own) {
            problems.add(new Problem(origin, "may not change the field " + javaName(field.owner) + "." + field.name,
                    field.name));
        } else if (!own) {
            String refusal = refusal(field.owner, field.name, field.desc);
            if (refusal != null) {
                problems.add(new Problem(origin, "may not use " + javaName(field.owner) + "." + field.name + " ("
                        + refusal + ")", field.name));
            }
        }
    }

    private void checkType(Origin origin, String internalName) {
        String element = internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        if (!classes.containsKey(element) && !factModel.contains(element) && !RuleVocabulary.knows(internalName)) {
            problems.add(new Problem(origin, "may not use " + javaName(element) + " (" + RuleVocabulary.ONLY + ")",
                    simpleName(element)));
        }
    }

    private void checkDynamic(String caller, Origin origin, InvokeDynamicInsnNode indy) {
        String bootstrap = indy.bsm.getOwner();
        if (bootstrap.equals(CONCAT_BOOTSTRAP)) {
            return; // string concatenation
        }
        if (bootstrap.equals(LAMBDA_BOOTSTRAP) && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle target) {
            checkCall(caller, origin, target.getOwner(), target.getName(), target.getDesc()); // the lambda's body
            return;
        }
        problems.add(new Problem(origin, "may not use method handles (" + javaName(bootstrap) + ")", "::"));
    }

    /** The rule set's class that defines {@code name desc} for {@code owner}, or {@code null} when none does. */
    private @Nullable String declaringClass(String owner, String name, String desc) {
        ClassNode c = classes.get(owner);
        while (c != null) {
            if (method(c, name + desc) != null) {
                return c.name;
            }
            c = classes.get(c.superName);
        }
        return null;
    }

    /** The first type above {@code owner} (itself when it is not the rule set's) that is not the rule set's. */
    private String firstOutside(String owner) {
        String t = owner;
        while (classes.containsKey(t)) {
            t = classes.get(t).superName;
        }
        return t;
    }

    private static MethodNode method(ClassNode c, String nameAndDesc) {
        for (MethodNode m : c.methods) {
            if ((m.name + m.desc).equals(nameAndDesc)) {
                return m;
            }
        }
        return null;
    }

    private static String waits() {
        return "a rule must never wait for another thread";
    }

    private static String methodName(String key) {
        String nameAndDesc = key.substring(key.indexOf('.') + 1);
        return nameAndDesc.substring(0, nameAndDesc.indexOf('('));
    }

    static String javaName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /**
     * Finds the loops of a method (its backward jumps) and tells which have the shape a compiler gives a
     * for-each, whose end is certain: over an iterator taken just before the loop, never stored to in it, and
     * advanced first thing in every round; or over an array, with an index that starts at 0 just before the
     * loop and only counts up by one, right before every test against a length read once from the array.
     * Both ecj's shape (test at the bottom) and javac's (test at the top) are known.
     */
    private static final class LoopShapes {
        private final List<AbstractInsnNode> code = new ArrayList<>();
        private final Map<AbstractInsnNode, Integer> index = new HashMap<>();
        private final MethodNode method;

        LoopShapes(MethodNode method) {
            this.method = method;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn.getOpcode() >= 0) {
                    index.put(insn, code.size());
                    code.add(insn);
                }
            }
        }

        /** The backward jumps that are not the back edge of a for-each. */
        List<AbstractInsnNode> unboundedLoops() {
            List<AbstractInsnNode> unbounded = new ArrayList<>();
            for (int i = 0; i < code.size(); i++) {
                if (code.get(i) instanceof JumpInsnNode jump) {
                    int target = target(jump);
                    if (target <= i && !(bottomTested(i, target) || topTested(i, target))) {
                        unbounded.add(jump);
                    }
                }
            }
            return unbounded;
        }

        /** ecj: {@code goto TEST; BODY: ...; TEST: <test>; ifne|if_icmplt BODY}. */
        private boolean bottomTested(int jumpAt, int body) {
            int op = code.get(jumpAt).getOpcode();
            int test = jumpAt - 2;
            if (test < body || !(op == Opcodes.IFNE || op == Opcodes.IF_ICMPLT) || !isGoto(body - 1, test)) {
                return false;
            }
            if (op == Opcodes.IFNE) {
                int it = iteratorTest(test);
                return it >= 0 && iteratorTakenAt(body - 2, it) && advancesFirst(body, it)
                        && !storedIn(it, body, jumpAt);
            }
            // a continue jumps to the increment; a jump straight to the test would skip it
            int[] counter = counterTest(test);
            return counter != null && counterStartsAt(body - 2, counter) && isIncrement(test - 1, counter[0])
                    && !jumpedToFromElsewhere(test, body - 1)
                    && !storedIn(counter[0], body, jumpAt) && !storedIn(counter[1], body, jumpAt);
        }

        /** javac: {@code HEAD: <test>; ifeq|if_icmpge EXIT; ...; goto HEAD}. */
        private boolean topTested(int jumpAt, int head) {
            if (code.get(jumpAt).getOpcode() != Opcodes.GOTO || head + 2 >= jumpAt) {
                return false;
            }
            int exit = code.get(head + 2).getOpcode();
            int it = exit == Opcodes.IFEQ ? iteratorTest(head) : -1;
            if (it >= 0) {
                return iteratorTakenAt(head - 1, it) && advancesFirst(head + 3, it) && !storedIn(it, head, jumpAt);
            }
            int[] counter = exit == Opcodes.IF_ICMPGE ? counterTest(head) : null;
            return counter != null && counterStartsAt(head - 1, counter) && isIncrement(jumpAt - 1, counter[0])
                    && !storedIn(counter[0], head, jumpAt) && !storedIn(counter[1], head, jumpAt)
                    && everyJumpToIsAfterIncrement(head, counter[0]);
        }

        /** The iterator variable of {@code ALOAD it; INVOKEINTERFACE Iterator.hasNext} at {@code at}, or -1. */
        private int iteratorTest(int at) {
            return at >= 0 && at + 1 < code.size() && code.get(at) instanceof VarInsnNode load
                    && load.getOpcode() == Opcodes.ALOAD && isIteratorCall(at + 1, "hasNext") ? load.var : -1;
        }

        /** {@code INVOKE* iterator(); ASTORE it} ending at {@code at}. */
        private boolean iteratorTakenAt(int at, int it) {
            return at >= 1 && code.get(at) instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE
                    && store.var == it && code.get(at - 1) instanceof MethodInsnNode call
                    && call.name.equals("iterator") && call.desc.equals("()Ljava/util/Iterator;");
        }

        /** Whether the round starting at {@code at} first takes the next element of iterator {@code it}. */
        private boolean advancesFirst(int at, int it) {
            return at + 1 < code.size() && code.get(at) instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD
                    && load.var == it && isIteratorCall(at + 1, "next");
        }

        private boolean isIteratorCall(int at, String name) {
            return code.get(at) instanceof MethodInsnNode call && call.owner.equals("java/util/Iterator")
                    && call.name.equals(name);
        }

        /** The index and length variables of {@code ILOAD i; ILOAD n} at {@code at}, or {@code null}. */
        private int @Nullable [] counterTest(int at) {
            return at >= 0 && code.get(at) instanceof VarInsnNode i && i.getOpcode() == Opcodes.ILOAD
                    && code.get(at + 1) instanceof VarInsnNode n && n.getOpcode() == Opcodes.ILOAD
                    ? new int[] {i.var, n.var} : null;
        }

        /** {@code ARRAYLENGTH; ISTORE n; ICONST_0; ISTORE i} ending at {@code at}. */
        private boolean counterStartsAt(int at, int[] counter) {
            return at >= 3 && isStore(at, Opcodes.ISTORE, counter[0]) && code.get(at - 1).getOpcode() == Opcodes.ICONST_0
                    && isStore(at - 2, Opcodes.ISTORE, counter[1])
                    && code.get(at - 3).getOpcode() == Opcodes.ARRAYLENGTH;
        }

        private boolean isIncrement(int at, int var) {
            return at >= 0 && code.get(at) instanceof IincInsnNode inc && inc.var == var && inc.incr == 1;
        }

        private boolean isStore(int at, int opcode, int var) {
            return code.get(at) instanceof VarInsnNode v && v.getOpcode() == opcode && v.var == var;
        }

        private boolean isGoto(int at, int to) {
            return at >= 0 && code.get(at) instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO && target(j) == to;
        }

        /** Whether the loop's variable {@code var} is stored to, or counted, between {@code from} and {@code to}. */
        private boolean storedIn(int var, int from, int to) {
            int increments = 0;
            for (int k = from; k <= to; k++) {
                AbstractInsnNode insn = code.get(k);
                if (insn instanceof VarInsnNode v && v.var == var && v.getOpcode() >= Opcodes.ISTORE
                        && v.getOpcode() <= Opcodes.ASTORE) {
                    return true;
                }
                if (insn instanceof IincInsnNode inc && inc.var == var) {
                    increments++;
                }
            }
            return increments > 1;
        }

        /** Whether a jump other than the one at {@code allowed} lands on {@code at} (skipping what comes before). */
        private boolean jumpedToFromElsewhere(int at, int allowed) {
            for (int k = 0; k < code.size(); k++) {
                if (k != allowed && code.get(k) instanceof JumpInsnNode j && target(j) == at) {
                    return true;
                }
            }
            return false;
        }

        private boolean everyJumpToIsAfterIncrement(int head, int var) {
            for (int k = 0; k < code.size(); k++) {
                if (code.get(k) instanceof JumpInsnNode j && target(j) == head && !isIncrement(k - 1, var)) {
                    return false;
                }
            }
            return true;
        }

        /** The index in {@link #code} of the first real instruction at or after the jump's label. */
        private int target(JumpInsnNode jump) {
            for (AbstractInsnNode insn = jump.label; insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() >= 0) {
                    return index.get(insn);
                }
            }
            return code.size();
        }
    }

    /** Cycles in the call graph of the rule set's own methods (each reported once, from its first method). */
    private record Recursion(Map<String, Set<String>> calls) {

        List<List<String>> cycles() {
            List<List<String>> found = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (String start : calls.keySet()) {
                List<String> cycle = cycleFrom(start, new ArrayList<>(), new HashSet<>(), done);
                if (cycle != null && found.stream().noneMatch(c -> new HashSet<>(c).equals(new HashSet<>(cycle)))) {
                    // told from the method whose name comes first, so that the same rules give the same message
                    String first = cycle.stream().min(String::compareTo).orElseThrow();
                    java.util.Collections.rotate(cycle, -cycle.indexOf(first));
                    found.add(cycle);
                }
            }
            return found;
        }

        private List<String> cycleFrom(String at, List<String> path, Set<String> onPath, Set<String> done) {
            if (onPath.contains(at)) {
                return new ArrayList<>(path.subList(path.indexOf(at), path.size()));
            }
            if (done.contains(at)) {
                return null;
            }
            path.add(at);
            onPath.add(at);
            for (String callee : calls.getOrDefault(at, Set.of())) {
                List<String> cycle = cycleFrom(callee, path, onPath, done);
                if (cycle != null) {
                    return cycle;
                }
            }
            path.remove(path.size() - 1);
            onPath.remove(at);
            done.add(at);
            return null;
        }
    }

    private String refusal(String owner, String name, String descriptor) {
        return factModel.contains(owner) ? null : RuleVocabulary.refusal(owner, name, descriptor);
    }
}
