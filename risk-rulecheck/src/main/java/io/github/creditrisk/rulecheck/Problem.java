package io.github.creditrisk.rulecheck;

/**
 * What a rule set's code may not do, where it is.
 *
 * @param origin the rule, function or type whose code it is in
 * @param message what it does and why it may not, starting with a verb ("may not call ...")
 * @param word    a word of the DRL to look for to find the line (a method's name, {@code while|do|for}); the
 *                alternatives are separated by {@code |}
 */
public record Problem(Origin origin, String message, String word) {
}
