package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Signal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

import java.util.List;

/** The generated borrowers and signals that property classes take with {@code @ForAll("borrowers")} and {@code @ForAll("signals")}. */
abstract class GeneratedInputs {

    @Provide
    Arbitrary<BorrowerProfile> borrowers() {
        return Generated.borrowers();
    }

    @Provide
    Arbitrary<List<Signal>> signals() {
        return Generated.signals();
    }
}
