package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

@Label("Recourse with the bundled rules, checked against the reference policy")
class RecourseProperties extends GeneratedInputs {

    @Provide
    Arbitrary<List<Signal>> namedSignals() {
        return Generated.signals().map(RecourseProperties::named);
    }

    /** The signals, each with an id (as SIGNAL_ENDS needs), some sharing none. */
    static List<Signal> named(List<Signal> signals) {
        List<Signal> named = new ArrayList<>(signals.size());
        for (int i = 0; i < signals.size(); i++) {
            String id = "S" + (i + 1);
            Signal s = signals.get(i);
            if (s instanceof RegionalDownturn d) {
                named.add(new RegionalDownturn(id, d.region(), d.severity(), d.since(), d.until(), d.note()));
            } else if (s instanceof SectorBan b) {
                named.add(new SectorBan(id, b.sector(), b.regulation(), b.since(), b.until()));
            } else {
                ServiceOutage o = (ServiceOutage) s;
                named.add(new ServiceOutage(id, o.since(), o.until(), o.note()));
            }
        }
        return named;
    }

    @Property(tries = 400)
    @Label("every way lifts, adds nothing, is the boundary, and the ways are complete")
    void everyWayHolds(@ForAll("borrowers") BorrowerProfile b, @ForAll("namedSignals") List<Signal> s,
                       @ForAll Language language) {
        EvaluationContext context = new EvaluationContext(Generated.AS_OF, s, language, true);
        Decision d = Engines.BUNDLED.evaluate(b, context);

        RecourseChecks.assertRecourseHolds(d, b, context, RecourseChecks.REFERENCE);
        net.jqwik.api.statistics.Statistics.label("ways per restriction").collect(d.restrictions().stream()
                .mapToInt(r -> r.lift().size()).sum() * 1.0 / Math.max(1, d.restrictions().size()) > 1 ? "several"
                : d.restrictions().isEmpty() ? "no restriction" : "at most one");
    }

    @Property(tries = 200)
    @Label("recourse changes nothing but the lift and the notice")
    void recourseChangesOnlyLiftAndNotice(@ForAll("borrowers") BorrowerProfile b,
                                          @ForAll("namedSignals") List<Signal> s) {
        EvaluationContext plain = new EvaluationContext(Generated.AS_OF, s, Language.EN);
        Decision without = Engines.BUNDLED.evaluate(b, plain);
        Decision with = Engines.BUNDLED.evaluate(b, plain.withRecourse(true));

        org.assertj.core.api.Assertions.assertThat(with.outcome()).isEqualTo(without.outcome());
        org.assertj.core.api.Assertions.assertThat(with.recommendedLimit()).isEqualTo(without.recommendedLimit());
        org.assertj.core.api.Assertions.assertThat(with.restrictions().stream().map(r -> r.withLift(List.of())).toList())
                .isEqualTo(without.restrictions().stream().map(r -> r.withLift(List.of())).toList());
        org.assertj.core.api.Assertions.assertThat(with.notice()).startsWith(without.notice());
    }
}
