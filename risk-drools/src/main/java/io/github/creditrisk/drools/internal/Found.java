package io.github.creditrisk.drools.internal;

import io.github.creditrisk.drools.facts.Finding;

/** A finding, with the id and family of the rule that inserted it. */
record Found(Finding finding, String rule, String family) {
}
