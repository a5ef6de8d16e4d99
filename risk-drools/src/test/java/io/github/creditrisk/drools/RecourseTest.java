package io.github.creditrisk.drools;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecourseTest {

    private static Decision decide(BorrowerProfile b, List<Signal> signals) {
        return Engines.BUNDLED.evaluate(b, new EvaluationContext(Signals.AS_OF, signals, Language.EN, true));
    }

    private static Restriction only(Decision d, String family, RestrictionType type) {
        return d.restrictions().stream().filter(r -> r.family().equals(family) && r.type() == type).findFirst()
                .orElseThrow();
    }

    @Test
    void print() {
        BorrowerProfile b = Borrowers.clean("DTI", Segment.ORDINARY).loans(List.of(
                Loan.of("Home Bank", "50000", "3000"), Loan.of("Quick Loans", "9000", "2500"))).build();
        Decision d = decide(b, List.of());
        d.restrictions().forEach(r -> System.out.println(r.family() + " " + r.type() + " " + r.lift()));
        System.out.println(d.notice());
        Decision six = decide(Borrowers.withLenders(6), List.of());
        six.restrictions().forEach(r -> System.out.println(r.family() + " " + r.type() + " " + r.lift()));
        Decision sales = decide(Borrowers.smallRetailerWithCollapsingSales(), List.of());
        sales.restrictions().forEach(r -> System.out.println(r.family() + " " + r.type() + " " + r.lift()));
        Decision ban = decide(Borrowers.ordinary().sector("P2P_LENDING").build(), List.of(Signals.p2pLendingBan()));
        ban.restrictions().forEach(r -> System.out.println(r.family() + " " + r.type() + " " + r.lift()));
        System.out.println(ban.notice());
        Decision zh = Engines.BUNDLED.evaluate(b, new EvaluationContext(Signals.AS_OF, List.of(), Language.ZH, true));
        System.out.println(zh.notice());
    }
}
