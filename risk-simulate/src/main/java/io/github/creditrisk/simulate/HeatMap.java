package io.github.creditrisk.simulate;

import io.github.creditrisk.Outcome;

import java.util.Locale;

/**
 * The transition matrix as an inline SVG heat map: baseline outcomes in rows, candidate outcomes in columns,
 * each cell coloured by its count on a logarithmic scale (so a few thousand changes still show beside a
 * million unchanged) in grey on the diagonal (unchanged), red above it (worse for the customer) and green
 * below (better). Each cell also writes its count and share.
 */
final class HeatMap {

    private static final int LABEL = 120;
    private static final int HEAD = 56;
    private static final int CELL_W = 170;
    private static final int CELL_H = 84;

    private HeatMap() {
    }

    static String svg(Impact impact) {
        TransitionMatrix m = impact.transitions();
        Outcome[] outcomes = Outcome.values();
        int width = LABEL + CELL_W * outcomes.length + 2;
        int height = HEAD + CELL_H * outcomes.length + 2;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"heatmap\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Outcome transitions from baseline to"
                        + " candidate\">", width, height, width, height));
        svg.append("<title>Outcome transitions: rows baseline, columns candidate</title>");
        svg.append(text(LABEL + CELL_W * outcomes.length / 2, 16, "middle", "axis", "candidate →"));
        svg.append(text(8, HEAD - 12, "start", "axis", "baseline ↓"));
        double logMax = Math.log1p(m.max());
        for (int c = 0; c < outcomes.length; c++) {
            svg.append(text(LABEL + CELL_W * c + CELL_W / 2, HEAD - 12, "middle", "head", outcomes[c].name()));
        }
        for (int r = 0; r < outcomes.length; r++) {
            int y = HEAD + CELL_H * r;
            svg.append(text(LABEL - 10, y + CELL_H / 2 + 5, "end", "head", outcomes[r].name()));
            for (int c = 0; c < outcomes.length; c++) {
                long n = m.count(outcomes[r], outcomes[c]);
                double t = logMax == 0 ? 0 : Math.log1p(n) / logMax;
                double lightness = 97 - 55 * t;
                int hue = r == c ? 215 : c > r ? 4 : 140;
                int saturation = r == c ? 18 : c > r ? 72 : 48;
                int x = LABEL + CELL_W * c;
                svg.append(String.format(Locale.ROOT, "<rect class=\"cell\" data-from=\"%s\" data-to=\"%s\" x=\"%d\""
                                + " y=\"%d\" width=\"%d\" height=\"%d\" fill=\"hsl(%d,%d%%,%.1f%%)\" stroke=\"#fff\""
                                + " stroke-width=\"2\"><title>%s → %s: %s borrowers (%s)</title></rect>",
                        outcomes[r], outcomes[c], x, y, CELL_W, CELL_H, hue, saturation, lightness, outcomes[r],
                        outcomes[c], Numbers.count(n), Numbers.percent(impact.share(n))));
                String ink = lightness < 60 ? "#fff" : "#1b1f24";
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"count\""
                        + " fill=\"%s\">%s</text>", x + CELL_W / 2, y + CELL_H / 2, ink, Numbers.count(n)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"share\""
                        + " fill=\"%s\">%s</text>", x + CELL_W / 2, y + CELL_H / 2 + 20, ink,
                        Numbers.percent(impact.share(n))));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String text(int x, int y, String anchor, String cls, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>",
                x, y, anchor, cls, Html.escape(content));
    }
}
