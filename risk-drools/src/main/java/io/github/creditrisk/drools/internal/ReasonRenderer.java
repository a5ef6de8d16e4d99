package io.github.creditrisk.drools.internal;

import io.github.creditrisk.Language;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes the sentences of a rule set's catalogue in a language: a template filled with evidence, each value
 * written as its placeholder asks ({@link ValueFormat}) and enum values with the catalogue's labels. Thread-safe.
 */
final class ReasonRenderer {

    private final MessageCatalog catalog;

    ReasonRenderer(MessageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The sentence {@code key} in {@code language}, citing {@code values} by name.
     *
     * @throws MessageCatalog.MissingValueException when the catalogue has no such sentence, or it cites a value
     *         not given
     */
    String render(Language language, String key, Map<String, ?> values) {
        Template template;
        try {
            template = catalog.template(language, key);
        } catch (MessageCatalog.MissingValueException e) {
            throw new MessageCatalog.MissingValueException(key + " in " + MessageCatalog.fileName(language) + ": "
                    + e.getMessage());
        }
        List<Object> parts = template.parts();
        String[] pieces = new String[parts.size()];
        for (int i = 0; i < pieces.length; i++) {
            Object part = parts.get(i);
            if (part instanceof Template.Placeholder p) {
                Object value = values.get(p.name());
                if (value == null && !values.containsKey(p.name())) {
                    throw new MessageCatalog.MissingValueException(key + " in " + MessageCatalog.fileName(language)
                            + ": the sentence cites {" + p.name() + "}, which was not given");
                }
                pieces[i] = write(language, value, p.kind());
            } else {
                pieces[i] = (String) part;
            }
        }
        return pieces.length == 1 ? pieces[0] : String.join("", pieces);
    }

    private String write(Language language, Object value, Template.Kind kind) {
        return switch (kind) {
            case AMOUNT -> ValueFormat.amount((BigDecimal) value);
            case PERCENT -> ValueFormat.percent((BigDecimal) value);
            case DATE -> ValueFormat.date(language, (LocalDate) value);
            case PLAIN -> value instanceof Enum<?> e ? catalog.label(language, e)
                    : value instanceof LocalDate d ? ValueFormat.date(language, d)
                    : value instanceof BigDecimal b ? ValueFormat.plain(b)
                    : String.valueOf(value);
        };
    }
}
