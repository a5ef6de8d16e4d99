package io.github.creditrisk.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a text, each cut at a maximum length so that one enormous line cannot exhaust memory: a line
 * longer than the maximum comes back as {@link Line#tooLong()} and the rest of it is skipped. Line numbers
 * count from 1. Not thread-safe.
 */
public final class LineReader implements Iterator<LineReader.Line> {

    /** One line of input; {@code text} is {@code null} when the line was too long. */
    public record Line(long number, String text, long length) {
        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int end;
    private long number;
    private Line next;
    private boolean eof;

    public LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !eof) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    private Line read() {
        StringBuilder text = new StringBuilder(512);
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                eof = true;
                return any ? finish(text, length) : null;
            }
            any = true;
            // the run of characters up to the line's end or the buffer's, copied at once
            int from = pos;
            int newline = -1;
            for (int i = from; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int to = newline >= 0 ? newline : end;
            pos = newline >= 0 ? newline + 1 : end;
            length += to - from;
            if (text != null) {
                if (length > maxLength) {
                    text = null; // too long: the rest is counted, not kept
                } else {
                    text.append(buffer, from, to - from);
                }
            }
            if (newline >= 0) {
                return finish(text, length);
            }
        }
    }

    private Line finish(StringBuilder text, long length) {
        number++;
        if (text != null && !text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
        }
        return new Line(number, text == null ? null : text.toString(), length);
    }

    private boolean fill() {
        try {
            end = in.read(buffer);
            pos = 0;
            return end > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
    }
}
