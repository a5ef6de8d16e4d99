package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a rule set.
 *
 * @param id     the stable id (the first word of the name, such as {@code OVB-1}), which decisions report
 * @param name   the full name, such as {@code OVB-1 Repayments above the segment's ceiling: cut the line 30%}
 * @param family the family its findings belong to; {@code null} for rules that only derive facts
 * @param file   the file it is written in, relative to the rule set's root
 */
public record RuleInfo(String id, String name, @Nullable String family, String file) {

    public RuleInfo {
        Checks.nonBlank(id, "id");
        Checks.nonBlank(name, "name");
        Checks.optionalNonBlank(family, "family");
        Checks.nonBlank(file, "file");
    }
}
