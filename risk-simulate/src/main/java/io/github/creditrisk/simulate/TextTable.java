package io.github.creditrisk.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: columns padded to their widest cell, the first {@code leftColumns} aligned left
 * (names), the rest right (numbers), two spaces between columns. An optional line of group titles above the
 * headers starts each title over the first column it spans. Not thread-safe.
 */
final class TextTable {

    private final int leftColumns;
    private final List<String[]> rows = new ArrayList<>();
    private final String[] groups;

    /**
     * @param leftColumns how many leading columns hold names
     * @param headers     the column titles
     */
    TextTable(int leftColumns, String... headers) {
        this.leftColumns = leftColumns;
        this.groups = new String[headers.length];
        rows.add(headers);
    }

    /** Puts {@code title} over the columns from {@code column} on. */
    TextTable group(int column, String title) {
        groups[column] = title;
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    void writeTo(StringBuilder out, String indent) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        if (hasGroups()) {
            StringBuilder line = new StringBuilder(indent);
            int at = 0;
            for (int c = 0; c < widths.length; c++) {
                if (groups[c] != null) {
                    int start = indent.length() + at;
                    while (line.length() < start) {
                        line.append(' ');
                    }
                    line.append(groups[c]).append(' ');
                }
                at += widths[c] + 2;
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(widths[c] - width(row[c]));
                line.append(c < leftColumns ? row[c] + pad : pad + row[c]);
                if (c < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private boolean hasGroups() {
        for (String g : groups) {
            if (g != null) {
                return true;
            }
        }
        return false;
    }

    /** Display width: a Chinese character takes two columns of a terminal. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60)) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
