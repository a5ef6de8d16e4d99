package io.github.creditrisk.rulecheck;

/** Lines and offsets in the text of a DRL file, counted from 1 as editors count them. */
public final class DrlText {

    private DrlText() {
    }

    /** The line of the character at {@code offset}. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The offset where line {@code line} starts (0 for line 1 or less, the end for a line past the last). */
    public static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return offset;
    }
}
