package io.github.creditrisk.spark;

import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.json.RiskJson;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An {@link EvaluationContext} as it travels to the executors: the date, the signals as the contract's JSON, the
 * language and whether to work out recourse. Immutable and serialisable.
 */
final class JobContext implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String asOf;
    private final String signals;
    private final String language;
    private final boolean recourse;
    private transient EvaluationContext context;

    JobContext(EvaluationContext context) {
        this.asOf = context.asOf().toString();
        this.signals = RiskJson.create().writeSignals(context.signals());
        this.language = context.language().tag();
        this.recourse = context.recourse();
        this.context = context;
    }

    EvaluationContext context(RiskJson json) {
        if (context == null) {
            context = new EvaluationContext(LocalDate.parse(asOf), json.readSignals(signals),
                    Language.fromTag(language), recourse);
        }
        return context;
    }
}
