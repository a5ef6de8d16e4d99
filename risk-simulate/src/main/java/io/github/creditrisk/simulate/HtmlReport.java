package io.github.creditrisk.simulate;

import io.github.creditrisk.Outcome;
import io.github.creditrisk.Signal;

import java.util.List;

/**
 * The simulation as one self-contained HTML page: inline CSS and inline SVG charts, no script and no
 * reference to anything outside the file, so it can be mailed, archived and opened offline. Every text
 * that comes from input or rules is escaped.
 */
public final class HtmlReport {

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
                   color: #1b1f24; background: #f6f7f9; margin: 0; }
            main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 0 0 12px; }
            .meta { color: #57606a; margin: 0 0 20px; }
            section { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 18px 22px;
                      margin: 0 0 18px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: 5px 10px; border-bottom: 1px solid #eaeef2; text-align: right; vertical-align: top; }
            th { background: #f6f8fa; font-weight: 600; }
            th.name, td.name { text-align: left; }
            th[colspan] { text-align: center; border-bottom: 1px solid #d8dee4; }
            td.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-align: left; white-space: nowrap; }
            .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 14px; }
            .card { border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 14px; }
            .card .v { font-size: 22px; font-weight: 600; }
            .card .l { color: #57606a; }
            .guard { padding: 10px 14px; border-radius: 6px; font-weight: 600; }
            .guard.tripped { background: #ffebe9; color: #a40e26; border: 1px solid #ff8182; }
            .guard.within { background: #dafbe1; color: #116329; border: 1px solid #4ac26b; }
            .signals { margin: 8px 0 0; padding-left: 18px; }
            svg text { font-family: inherit; fill: #1b1f24; }
            svg text.axis { font-size: 13px; fill: #57606a; }
            svg text.head { font-size: 14px; font-weight: 600; }
            svg text.count { font-size: 19px; font-weight: 600; }
            svg text.share { font-size: 13px; }
            svg text.label, svg text.value, svg text.legend { font-size: 13px; }
            rect.newly { fill: #cf222e; }
            rect.nolonger { fill: #2da44e; }
            .legend-note { color: #57606a; margin: 6px 0 14px; }
            .matrix-row { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; }
            .matrix-row table { width: auto; }
            ul.changes { list-style: none; margin: 0; padding: 0; text-align: left; }
            ul.changes li { margin: 0 0 4px; }
            .added .what { color: #a40e26; } .removed .what { color: #116329; } .modified .what { color: #9a6700; }
            td.nowrap { white-space: nowrap; }
            .what { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
            .muted { color: #57606a; }
            """;

    private HtmlReport() {
    }

    public static String write(Impact impact) {
        Setup setup = impact.setup();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Impact simulation as of ").append(setup.asOf()).append("</title>\n")
                .append("<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Impact simulation</h1>\n<p class=\"meta\">as of ").append(setup.asOf()).append(" · ")
                .append(Numbers.count(impact.evaluated())).append(" borrowers compared");
        if (impact.rejected() > 0) {
            h.append(" · ").append(Numbers.count(impact.rejected())).append(" lines rejected");
        }
        h.append("</p>\n");
        sides(h, setup);
        summary(h, impact);
        transitions(h, impact);
        restrictions(h, impact);
        segments(h, impact);
        regions(h, impact);
        sample(h, impact);
        rejections(h, impact);
        return h.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void sides(StringBuilder h, Setup setup) {
        h.append("<section id=\"sides\">\n<h2>What is compared</h2>\n<table>\n<tr><th class=\"name\">side</th>"
                + "<th class=\"name\">rules</th><th class=\"name\">version</th><th>signals</th></tr>\n");
        side(h, "baseline", setup.baseline());
        side(h, "candidate", setup.candidate());
        h.append("</table>\n");
        List<Signal> added = Signals.onlyIn(setup.candidate(), setup.baseline());
        List<Signal> gone = Signals.onlyIn(setup.baseline(), setup.candidate());
        if (!added.isEmpty() || !gone.isEmpty()) {
            h.append("<ul class=\"signals\">\n");
            added.forEach(s -> h.append("<li>signal only in the candidate: ").append(Html.escape(Signals.describe(s)))
                    .append("</li>\n"));
            gone.forEach(s -> h.append("<li>signal only in the baseline: ").append(Html.escape(Signals.describe(s)))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void side(StringBuilder h, String name, Side side) {
        h.append("<tr><td class=\"name\">").append(name).append("</td><td class=\"name\">")
                .append(Html.escape(side.rules()))
                .append("</td><td class=\"name id\">").append(Html.escape(side.rulesetVersion())).append("</td><td>")
                .append(side.signals().size()).append("</td></tr>\n");
    }

    private static void summary(StringBuilder h, Impact impact) {
        GroupFigures t = impact.total();
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        card(h, Numbers.count(t.changed()), "borrowers changed (" + Numbers.percent(impact.share(t.changed())) + ")");
        card(h, Numbers.count(t.newlyRestricted()), "newly restricted ("
                + Numbers.percent(impact.share(t.newlyRestricted())) + ")");
        card(h, Numbers.count(t.noLongerRestricted()), "no longer restricted ("
                + Numbers.percent(impact.share(t.noLongerRestricted())) + ")");
        card(h, Numbers.points(impact.restrictedShareChange()), "points of restricted share ("
                + Numbers.percent(impact.share(t.restrictedBefore())) + " → "
                + Numbers.percent(impact.share(t.restrictedAfter())) + ")");
        card(h, Numbers.count(t.newlyAffected()), "newly affected by some restriction");
        card(h, Numbers.count(t.noLongerAffected()), "no longer affected by some restriction");
        card(h, Numbers.amount(t.limitRemoved()), "credit limit removed");
        card(h, Numbers.amount(t.limitRestored()), "credit limit restored");
        h.append("</div>\n");
        Double max = impact.setup().maxRestrictedShare();
        if (max != null) {
            boolean tripped = impact.guardTripped();
            h.append("<p class=\"guard ").append(tripped ? "tripped" : "within")
                    .append("\">Guard: the candidate restricts ")
                    .append(Numbers.points(impact.restrictedShareChange()))
                    .append(" points of the portfolio beyond the baseline; the limit is ").append(Numbers.plain(max))
                    .append(tripped ? ". EXCEEDED (exit code 3)" : ". Within the limit").append("</p>\n");
        }
        h.append("<table class=\"limits\">\n<tr><th class=\"name\">credit limit</th><th>amount</th></tr>\n");
        limitRow(h, "credit limits of the borrowers compared", Numbers.amount(impact.creditLimit()));
        limitRow(h, "recommended, baseline", Numbers.amount(impact.baselineLimit()));
        limitRow(h, "recommended, candidate", Numbers.amount(impact.candidateLimit()));
        h.append("</table>\n</section>\n");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><div class=\"v\">").append(Html.escape(value)).append("</div><div class=\"l\">")
                .append(Html.escape(label)).append("</div></div>\n");
    }

    private static void limitRow(StringBuilder h, String name, String value) {
        h.append("<tr><td class=\"name\">").append(name).append("</td><td>").append(value).append("</td></tr>\n");
    }

    private static void transitions(StringBuilder h, Impact impact) {
        TransitionMatrix m = impact.transitions();
        h.append("<section id=\"transitions\">\n<h2>Outcome transitions</h2>\n<p class=\"legend-note\">Rows: the"
                + " baseline's outcome; columns: the candidate's. Darker means more borrowers (logarithmic scale);"
                + " grey cells are unchanged, red cells worse for the customer, green cells better.</p>\n"
                + "<div class=\"matrix-row\">\n").append(HeatMap.svg(impact)).append('\n');
        h.append("<table class=\"outcomes\">\n<tr><th class=\"name\">outcome</th><th>baseline</th><th>candidate</th>"
                + "<th>change</th></tr>\n");
        for (Outcome o : Outcome.values()) {
            h.append("<tr><td class=\"name\">").append(o).append("</td><td>").append(Numbers.count(m.baseline(o)))
                    .append("</td><td>").append(Numbers.count(m.candidate(o))).append("</td><td>")
                    .append(Numbers.signed(m.candidate(o) - m.baseline(o))).append("</td></tr>\n");
        }
        h.append("</table>\n</div>\n</section>\n");
    }

    private static void restrictions(StringBuilder h, Impact impact) {
        h.append("<section id=\"restrictions\">\n<h2>Restrictions by family and type</h2>\n");
        if (impact.restrictions().isEmpty()) {
            h.append("<p class=\"muted\">No restriction changes for anyone.</p>\n</section>\n");
            return;
        }
        BarChart chart = new BarChart("Borrowers newly and no longer affected, by family and restriction type");
        impact.restrictions().forEach(r -> chart.row(r.family() + " " + r.type(), r.newlyAffected(),
                r.noLongerAffected()));
        h.append(chart.svg()).append('\n');
        h.append("<table>\n<tr><th class=\"name\">family</th><th class=\"name\">type</th><th>newly affected</th>"
                + "<th>no longer affected</th><th>modified</th></tr>\n");
        for (RestrictionFigures r : impact.restrictions()) {
            h.append("<tr><td class=\"name\">").append(Html.escape(r.family())).append("</td><td class=\"name\">")
                    .append(r.type()).append("</td><td>").append(Numbers.count(r.newlyAffected())).append("</td><td>")
                    .append(Numbers.count(r.noLongerAffected())).append("</td><td>").append(Numbers.count(r.modified()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void segments(StringBuilder h, Impact impact) {
        h.append("<section id=\"segments\">\n<h2>By segment</h2>\n");
        BarChart chart = new BarChart("Borrowers newly and no longer affected, by segment");
        impact.segments().forEach(g -> chart.row(g.name(), g.newlyAffected(), g.noLongerAffected()));
        h.append(chart.svg()).append('\n');
        groupTable(h, "segment", impact.segments());
        h.append("</section>\n");
    }

    private static void regions(StringBuilder h, Impact impact) {
        List<GroupFigures> regions = impact.regions();
        int shown = Math.min(impact.setup().topRegions(), regions.size());
        if (shown == 0) {
            return;
        }
        h.append("<section id=\"regions\">\n<h2>Top ").append(shown).append(" of ").append(regions.size())
                .append(" regions, by changed borrowers</h2>\n");
        groupTable(h, "region", regions.subList(0, shown));
        h.append("</section>\n");
    }

    private static void groupTable(StringBuilder h, String name, List<GroupFigures> groups) {
        h.append("<table class=\"groups\">\n<tr><th class=\"name\" rowspan=\"2\">").append(name)
                .append("</th><th rowspan=\"2\">borrowers</th><th rowspan=\"2\">changed</th>"
                        + "<th colspan=\"4\">restricted</th><th colspan=\"2\">affected</th>"
                        + "<th colspan=\"2\">credit limit</th></tr>\n"
                        + "<tr><th>before</th><th>after</th><th>newly</th><th>no longer</th><th>newly</th>"
                        + "<th>no longer</th><th>removed</th><th>restored</th></tr>\n");
        for (GroupFigures g : groups) {
            h.append("<tr><td class=\"name\">").append(Html.escape(g.name())).append("</td>");
            for (long n : new long[] {g.borrowers(), g.changed(), g.restrictedBefore(), g.restrictedAfter(),
                    g.newlyRestricted(), g.noLongerRestricted(), g.newlyAffected(), g.noLongerAffected()}) {
                h.append("<td>").append(Numbers.count(n)).append("</td>");
            }
            h.append("<td>").append(Numbers.amount(g.limitRemoved())).append("</td><td>")
                    .append(Numbers.amount(g.limitRestored())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void sample(StringBuilder h, Impact impact) {
        long changed = impact.total().changed();
        h.append("<section id=\"sample\">\n<h2>");
        if (changed == 0) {
            h.append("Changed borrowers</h2>\n<p class=\"muted\">No borrower is decided differently.</p>\n")
                    .append("</section>\n");
            return;
        }
        h.append(impact.sample().size() == changed ? "Changed borrowers (all " + Numbers.count(changed) + ")"
                : "Changed borrowers: the first " + impact.sample().size() + " of " + Numbers.count(changed)
                        + ", in input order").append("</h2>\n");
        h.append("<table>\n<tr><th class=\"name\">id</th><th class=\"name\">segment</th><th class=\"name\">region</th>"
                + "<th class=\"name\">outcome</th><th>recommended limit</th>"
                + "<th class=\"name\">what changed</th></tr>\n");
        for (Comparison.Compared c : impact.sample()) {
            h.append("<tr><td class=\"id\">").append(Html.escape(c.borrowerId())).append("</td><td class=\"name\">")
                    .append(c.borrower().segment()).append("</td><td class=\"name nowrap\">")
                    .append(Html.escape(c.borrower().region())).append("</td><td class=\"name nowrap\">")
                    .append(c.baseline().outcome()).append(" → ").append(c.candidate().outcome())
                    .append("</td><td class=\"nowrap\">")
                    .append(Numbers.amount(c.baseline().recommendedLimit())).append(" → ")
                    .append(Numbers.amount(c.candidate().recommendedLimit())).append("</td><td class=\"name\">")
                    .append("<ul class=\"changes\">");
            for (RestrictionChange change : c.changes()) {
                h.append("<li class=\"").append(change.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                        .append("<span class=\"what\">").append(ChangeText.marker(change)).append(' ')
                        .append(Html.escape(ChangeText.what(change))).append("</span><br><span lang=\"")
                        .append(impact.setup().language().tag()).append("\">")
                        .append(Html.escape(ChangeText.reason(change))).append("</span></li>");
            }
            h.append("</ul></td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void rejections(StringBuilder h, Impact impact) {
        if (impact.rejected() == 0) {
            return;
        }
        h.append("<section id=\"rejected\">\n<h2>Rejected lines: ").append(Numbers.count(impact.rejected()));
        if (impact.rejected() > impact.firstRejections().size()) {
            h.append(" (the first ").append(impact.firstRejections().size()).append(" shown)");
        }
        h.append("</h2>\n<ul>\n");
        impact.firstRejections().forEach(r -> h.append("<li>").append(Html.escape(r.error())).append("</li>\n"));
        h.append("</ul>\n</section>\n");
    }
}
