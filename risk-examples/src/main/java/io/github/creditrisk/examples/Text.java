package io.github.creditrisk.examples;

import io.github.creditrisk.Language;

/** A sentence in both languages. */
record Text(String en, String zh) {

    String in(Language language) {
        return language == Language.ZH ? zh : en;
    }
}
