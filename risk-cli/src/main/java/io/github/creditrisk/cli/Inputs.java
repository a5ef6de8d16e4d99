package io.github.creditrisk.cli;

import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.cli.internal.CountingInputStream;
import io.github.creditrisk.json.RiskJson;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading the inputs the commands share: a portfolio (or standard input) and a signal file. */
final class Inputs {

    private Inputs() {
    }

    /** An opened input, counting the bytes read (for progress), and its size when known (-1 for standard input). */
    record Opened(CountingInputStream stream, long size) {
    }

    /** A problem with an input, already worded for the user (one line). */
    static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /**
     * Opens {@code input}: a file, or {@code -} for standard input.
     *
     * @throws InputException when it cannot be read
     */
    static Opened open(String input, Io io) throws InputException {
        try {
            if (input.equals("-")) {
                return new Opened(new CountingInputStream(io.in()), -1);
            }
            Path path = Path.of(input);
            return new Opened(new CountingInputStream(Files.newInputStream(path)), Files.size(path));
        } catch (IOException e) {
            throw new InputException("cannot read " + input + ": " + reason(e));
        }
    }

    /**
     * Reads a signal file (a JSON array of signals, or a case file whose signals are taken), refusing one longer
     * than the document limit before reading it into memory.
     *
     * @throws InputException when it cannot be read, is too long, or holds a bad signal
     */
    static List<Signal> signals(RiskJson json, Path file) throws InputException {
        try {
            long size = Files.size(file);
            if (size > json.limits().maxDocumentLength()) {
                throw new InputException("signals " + file + ": is " + size + " bytes long; the limit is "
                        + json.limits().maxDocumentLength());
            }
            return json.readSignals(Files.readString(file));
        } catch (InvalidValueException e) {
            throw new InputException("signals " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("cannot read the signals " + file + ": " + reason(e));
        }
    }

    /** Why an input could not be read, in a few words. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
