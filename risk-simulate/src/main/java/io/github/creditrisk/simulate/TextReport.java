package io.github.creditrisk.simulate;

import io.github.creditrisk.Outcome;
import io.github.creditrisk.Signal;

import java.util.List;
import java.util.Locale;

/** The simulation as text for a terminal: aligned tables, the sample, the rejections and the guard. */
public final class TextReport {

    private TextReport() {
    }

    public static String write(Impact impact) {
        StringBuilder out = new StringBuilder();
        Setup setup = impact.setup();
        out.append("Impact simulation as of ").append(setup.asOf()).append(": ")
                .append(Numbers.count(impact.evaluated())).append(" borrowers compared");
        if (impact.rejected() > 0) {
            out.append(", ").append(Numbers.count(impact.rejected()))
                    .append(impact.rejected() == 1 ? " line" : " lines").append(" rejected");
        }
        out.append("\n\n");
        sides(out, setup);
        summary(out, impact);
        transitions(out, impact);
        restrictions(out, impact);
        groups(out, "By segment", "segment", impact.segments());
        List<GroupFigures> regions = impact.regions();
        int shown = Math.min(setup.topRegions(), regions.size());
        if (shown > 0) {
            groups(out, "Top " + shown + " of " + regions.size() + " regions, by changed borrowers", "region",
                    regions.subList(0, shown));
        }
        limits(out, impact);
        sample(out, impact);
        rejections(out, impact);
        guard(out, impact);
        return out.toString();
    }

    private static void sides(StringBuilder out, Setup setup) {
        new TextTable(3, "side", "rules", "version", "signals")
                .row("baseline", setup.baseline().rules(), setup.baseline().rulesetVersion(),
                        Numbers.count(setup.baseline().signals().size()))
                .row("candidate", setup.candidate().rules(), setup.candidate().rulesetVersion(),
                        Numbers.count(setup.candidate().signals().size()))
                .writeTo(out, "  ");
        signalDifference(out, "only in the candidate", Signals.onlyIn(setup.candidate(), setup.baseline()));
        signalDifference(out, "only in the baseline", Signals.onlyIn(setup.baseline(), setup.candidate()));
        out.append('\n');
    }

    private static void signalDifference(StringBuilder out, String label, List<Signal> signals) {
        for (Signal s : signals) {
            out.append("  signal ").append(label).append(": ").append(Signals.describe(s)).append('\n');
        }
    }

    private static void summary(StringBuilder out, Impact impact) {
        GroupFigures t = impact.total();
        out.append("Summary\n");
        new TextTable(1, "", "borrowers", "share")
                .row("changed", Numbers.count(t.changed()), Numbers.percent(impact.share(t.changed())))
                .row("newly restricted", Numbers.count(t.newlyRestricted()),
                        Numbers.percent(impact.share(t.newlyRestricted())))
                .row("no longer restricted", Numbers.count(t.noLongerRestricted()),
                        Numbers.percent(impact.share(t.noLongerRestricted())))
                .row("newly affected", Numbers.count(t.newlyAffected()),
                        Numbers.percent(impact.share(t.newlyAffected())))
                .row("no longer affected", Numbers.count(t.noLongerAffected()),
                        Numbers.percent(impact.share(t.noLongerAffected())))
                .writeTo(out, "  ");
        out.append("  restricted share ").append(Numbers.percent(impact.share(t.restrictedBefore()))).append(" → ")
                .append(Numbers.percent(impact.share(t.restrictedAfter()))).append(" (")
                .append(Numbers.points(impact.restrictedShareChange())).append(" points)\n\n");
    }

    private static void transitions(StringBuilder out, Impact impact) {
        out.append("Outcomes (rows: baseline, columns: candidate; borrowers and share of those compared)\n");
        TransitionMatrix m = impact.transitions();
        TextTable table = new TextTable(1, "baseline \\ candidate", "APPROVE", "REVIEW", "RESTRICT", "baseline total");
        for (Outcome from : Outcome.values()) {
            table.row(from.name(), cell(impact, m.count(from, Outcome.APPROVE)),
                    cell(impact, m.count(from, Outcome.REVIEW)), cell(impact, m.count(from, Outcome.RESTRICT)),
                    cell(impact, m.baseline(from)));
        }
        table.row("candidate total", cell(impact, m.candidate(Outcome.APPROVE)),
                cell(impact, m.candidate(Outcome.REVIEW)), cell(impact, m.candidate(Outcome.RESTRICT)),
                cell(impact, impact.evaluated()));
        table.writeTo(out, "  ");
        out.append('\n');
    }

    private static String cell(Impact impact, long count) {
        return Numbers.count(count) + " (" + Numbers.percent(impact.share(count)) + ")";
    }

    private static void restrictions(StringBuilder out, Impact impact) {
        out.append("Restrictions by family and type (borrowers)\n");
        if (impact.restrictions().isEmpty()) {
            out.append("  no restriction changes for anyone\n\n");
            return;
        }
        TextTable table = new TextTable(2, "family", "type", "newly affected", "no longer affected", "modified");
        for (RestrictionFigures r : impact.restrictions()) {
            table.row(r.family(), r.type().name(), Numbers.count(r.newlyAffected()),
                    Numbers.count(r.noLongerAffected()), Numbers.count(r.modified()));
        }
        table.writeTo(out, "  ");
        out.append('\n');
    }

    private static void groups(StringBuilder out, String title, String name, List<GroupFigures> groups) {
        out.append(title).append('\n');
        TextTable table = new TextTable(1, name, "borrowers", "changed", "before", "after", "newly", "no longer",
                "newly", "no longer", "removed", "restored")
                .group(3, "restricted").group(7, "affected").group(9, "credit limit");
        for (GroupFigures g : groups) {
            table.row(g.name(), Numbers.count(g.borrowers()), Numbers.count(g.changed()),
                    Numbers.count(g.restrictedBefore()), Numbers.count(g.restrictedAfter()),
                    Numbers.count(g.newlyRestricted()), Numbers.count(g.noLongerRestricted()),
                    Numbers.count(g.newlyAffected()), Numbers.count(g.noLongerAffected()),
                    Numbers.amount(g.limitRemoved()), Numbers.amount(g.limitRestored()));
        }
        table.writeTo(out, "  ");
        out.append('\n');
    }

    private static void limits(StringBuilder out, Impact impact) {
        out.append("Credit limit\n");
        new TextTable(1, "", "amount")
                .row("credit limits", Numbers.amount(impact.creditLimit()))
                .row("recommended, baseline", Numbers.amount(impact.baselineLimit()))
                .row("recommended, candidate", Numbers.amount(impact.candidateLimit()))
                .row("removed", Numbers.amount(impact.total().limitRemoved()))
                .row("restored", Numbers.amount(impact.total().limitRestored()))
                .writeTo(out, "  ");
        out.append('\n');
    }

    private static void sample(StringBuilder out, Impact impact) {
        long changed = impact.total().changed();
        if (changed == 0) {
            out.append("No borrower is decided differently.\n\n");
            return;
        }
        out.append(impact.sample().size() == changed ? "Changed borrowers (all " + Numbers.count(changed) + ")"
                : "Changed borrowers: the first " + impact.sample().size() + " of " + Numbers.count(changed)
                        + ", in input order").append('\n');
        if (impact.sample().isEmpty()) {
            out.append('\n');
            return;
        }
        TextTable heads = new TextTable(5, "id", "segment", "region", "outcome", "recommended limit");
        for (Comparison.Compared c : impact.sample()) {
            heads.row(c.borrowerId(), c.borrower().segment().name(), c.borrower().region(),
                    c.baseline().outcome() + " → " + c.candidate().outcome(),
                    Numbers.amount(c.baseline().recommendedLimit()) + " → "
                            + Numbers.amount(c.candidate().recommendedLimit()));
        }
        StringBuilder table = new StringBuilder();
        heads.writeTo(table, "  ");
        String[] lines = table.toString().split("\n");
        out.append(lines[0]).append('\n');
        for (int i = 0; i < impact.sample().size(); i++) {
            out.append(lines[i + 1]).append('\n');
            for (RestrictionChange change : impact.sample().get(i).changes()) {
                out.append("      ").append(ChangeText.marker(change)).append(' ').append(ChangeText.what(change))
                        .append(": ").append(ChangeText.reason(change)).append('\n');
            }
        }
        out.append('\n');
    }

    private static void rejections(StringBuilder out, Impact impact) {
        if (impact.rejected() == 0) {
            return;
        }
        out.append("Rejected lines: ").append(Numbers.count(impact.rejected()));
        if (impact.rejected() > impact.firstRejections().size()) {
            out.append(" (the first ").append(impact.firstRejections().size()).append(" shown)");
        }
        out.append('\n');
        for (Comparison.Rejected r : impact.firstRejections()) {
            out.append("  ").append(r.error()).append('\n');
        }
        out.append('\n');
    }

    private static void guard(StringBuilder out, Impact impact) {
        Double max = impact.setup().maxRestrictedShare();
        if (max == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "Guard: the candidate restricts %s points of the portfolio beyond the"
                        + " baseline; the limit is %s: %s%n", Numbers.points(impact.restrictedShareChange()),
                Numbers.plain(max), impact.guardTripped() ? "EXCEEDED (exit code 3)" : "within"));
    }
}
