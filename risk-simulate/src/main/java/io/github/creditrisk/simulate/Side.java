package io.github.creditrisk.simulate;

import io.github.creditrisk.Signal;

import java.util.List;
import java.util.Objects;

/**
 * One side of a simulation, as the reports name it.
 *
 * @param rules          where its rules come from: a directory, or {@code bundled rules}
 * @param rulesetVersion the version its decisions carry
 * @param signals        the signals in force on this side
 */
public record Side(String rules, String rulesetVersion, List<Signal> signals) {

    public Side {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        signals = List.copyOf(signals);
    }
}
