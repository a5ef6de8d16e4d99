package io.github.creditrisk.scenarios;

import io.github.creditrisk.json.CaseFile;

import java.util.Map;

/**
 * One scenario: a case file and what is expected of its borrowers' decisions.
 *
 * @param name         the scenario's name (from the file's {@code name}, or the file name)
 * @param file         where it was read from, for reports
 * @param description  what it shows, in words; may be empty
 * @param cases        the evaluation date, signals and borrowers
 * @param expectations what is expected, by borrower id
 */
public record Scenario(String name, String file, String description, CaseFile cases,
                       Map<String, Expectation> expectations) {

    public Scenario {
        expectations = Map.copyOf(expectations);
    }
}
