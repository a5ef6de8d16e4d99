package io.github.creditrisk;

import java.util.Locale;

/** The languages reasons and notices are written in. */
public enum Language {
    /** English, the default. */
    EN("en"),
    /** Simplified Chinese. */
    ZH("zh");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The language's tag: {@code en} or {@code zh}. */
    public String tag() {
        return tag;
    }

    /**
     * The language for a tag, ignoring case.
     *
     * @throws InvalidValueException when the tag is not {@code en} or {@code zh}
     */
    public static Language fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag) || language.name().equalsIgnoreCase(tag)) {
                return language;
            }
        }
        throw new InvalidValueException("lang", "'" + tag + "' is not supported; expected en or zh");
    }

    @Override
    public String toString() {
        return tag.toLowerCase(Locale.ROOT);
    }
}
