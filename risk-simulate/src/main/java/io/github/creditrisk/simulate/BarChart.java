package io.github.creditrisk.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars as inline SVG, two per row: borrowers newly affected (red) and no longer affected
 * (green), on one scale so rows compare. Not thread-safe.
 */
final class BarChart {

    private static final int LABEL = 370;
    private static final int BARS = 480;
    private static final int ROW = 38;
    private static final int TOP = 30;

    private record Row(String label, long newly, long noLonger) {
    }

    private final String name;
    private final List<Row> rows = new ArrayList<>();

    /** @param name what the chart shows, for screen readers and tests */
    BarChart(String name) {
        this.name = name;
    }

    BarChart row(String label, long newly, long noLonger) {
        // Long names (an analyst's own family) would run off the left edge.
        rows.add(new Row(label.length() > 42 ? label.substring(0, 41) + "…" : label, newly, noLonger));
        return this;
    }

    String svg() {
        long max = 1;
        for (Row r : rows) {
            max = Math.max(max, Math.max(r.newly(), r.noLonger()));
        }
        int width = LABEL + BARS + 90;
        int height = TOP + ROW * rows.size() + 4;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"bars\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, height, width, height, Html.escape(name), Html.escape(name)));
        svg.append(legend(LABEL, "newly", "newly affected"));
        svg.append(legend(LABEL + 160, "nolonger", "no longer affected"));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + ROW * i;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\""
                    + " class=\"label\">%s</text>", LABEL - 10, y + 20, Html.escape(r.label())));
            svg.append(bar(y + 3, r.newly(), max, "newly"));
            svg.append(bar(y + 19, r.noLonger(), max, "nolonger"));
        }
        return svg.append("</svg>").toString();
    }

    private static String bar(int y, long value, long max, String cls) {
        int w = value == 0 ? 0 : Math.max(2, (int) Math.round((double) BARS * value / max));
        return String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\"/>"
                + "<text x=\"%d\" y=\"%d\" class=\"value\">%s</text>", cls, LABEL, y, w, LABEL + w + 6, y + 12,
                Numbers.count(value));
    }

    private static String legend(int x, String cls, String label) {
        return String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%d\" y=\"6\" width=\"14\" height=\"14\"/>"
                + "<text x=\"%d\" y=\"18\" class=\"legend\">%s</text>", cls, x, x + 20, label);
    }
}
