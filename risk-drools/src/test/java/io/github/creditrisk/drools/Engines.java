package io.github.creditrisk.drools;

/** The engines the tests share: compiling a rule set takes a second, so each is built once per run. */
final class Engines {

    /** The engine with the bundled rules (the reference policy). */
    static final DroolsRiskEngine BUNDLED = DroolsRiskEngine.bundled();

    private Engines() {
    }
}
