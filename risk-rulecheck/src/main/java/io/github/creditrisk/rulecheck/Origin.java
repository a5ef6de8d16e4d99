package io.github.creditrisk.rulecheck;

/**
 * Where in the DRL a piece of compiled code comes from: a rule, a query, a function, a declared type, or the
 * code Drools generates for the rule set as a whole.
 *
 * @param kind what the code belongs to
 * @param name the rule's or query's name, the function's or the declared type's; empty for the rule set
 */
public record Origin(Kind kind, String name) {

    /** What a piece of compiled code belongs to. */
    public enum Kind { RULE, QUERY, FUNCTION, TYPE, RULE_SET }

    static final Origin RULE_SET = new Origin(Kind.RULE_SET, "");
}
