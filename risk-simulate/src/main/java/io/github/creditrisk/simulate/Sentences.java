package io.github.creditrisk.simulate;

/** The first sentence of a reason: the evidence, without the sentence every restriction of a type shares. */
final class Sentences {

    private Sentences() {
    }

    /**
     * The text up to and including the first full stop that ends a sentence (followed by a space or the end;
     * a decimal point is not), or the Chinese full stop; the whole text when there is none.
     */
    static String first(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。') {
                return text.substring(0, i + 1);
            }
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
