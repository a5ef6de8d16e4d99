package io.github.creditrisk;

import java.util.List;

/**
 * What an engine's rule set is made of.
 *
 * @param version the content hash of the rule set's files (the value decisions carry as
 *                {@code rulesetVersion})
 * @param source  where the rules came from: a directory, or the bundled rules
 * @param files   the rule set's files, relative to its root, in sorted order
 * @param rules   the rules, sorted by name
 */
public record RuleSetInfo(String version, String source, List<String> files, List<RuleInfo> rules) {

    public RuleSetInfo {
        Checks.nonBlank(version, "version");
        Checks.nonBlank(source, "source");
        files = Checks.listOf(files, "files");
        rules = Checks.listOf(rules, "rules");
    }

    /** The rules' full names, sorted. */
    public List<String> ruleNames() {
        return rules.stream().map(RuleInfo::name).toList();
    }
}
