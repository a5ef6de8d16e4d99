package io.github.creditrisk.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.json.internal.Fields.Presence.OPTIONAL;
import static io.github.creditrisk.json.internal.Fields.Presence.REQUIRED;

/** The contract's signal objects, told apart by their {@code type}, read and written. */
final class SignalFormat {

    static final List<String> TYPES = List.of("REGIONAL_DOWNTURN", "SECTOR_BAN", "SERVICE_OUTAGE");
    static final List<String> DOWNTURN_FIELDS = List.of("type", "id", "region", "severity", "since", "until",
            "note");
    static final List<String> BAN_FIELDS = List.of("type", "id", "sector", "regulation", "since", "until");
    static final List<String> OUTAGE_FIELDS = List.of("type", "id", "since", "until", "note");

    private final Values values;

    SignalFormat(Values values) {
        this.values = values;
    }

    /** The signals of an array at {@code path}; absent ({@code null}) means none. */
    List<Signal> readAll(JsonNode array, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw Values.invalid(path, Show.value(array) + " is not an array; expected an array of signals");
        }
        int max = values.limits().maxSignals();
        if (array.size() > max) {
            throw Values.invalid(path, "has " + array.size() + " entries; expected at most " + max + " signals");
        }
        Signal[] signals = new Signal[array.size()];
        for (int i = 0; i < signals.length; i++) {
            signals[i] = read(array.get(i), Paths.index(path, i));
        }
        return List.of(signals);
    }

    Signal read(JsonNode node, String path) {
        String typePath = Paths.child(path, "type");
        String expected = "; expected one of " + String.join(", ", TYPES);
        if (node == null || !node.isObject()) {
            throw Values.invalid(path, Show.value(node) + " is not a signal; expected a JSON object with a type");
        }
        JsonNode type = node.get("type");
        if (type == TreeReader.DUPLICATE) {
            throw Values.invalid(typePath, "appears more than once; each field may appear only once");
        }
        if (type == null || type.isNull()) {
            throw Values.invalid(typePath, "is missing" + expected);
        }
        switch (type.isTextual() ? type.textValue() : "") {
            case "REGIONAL_DOWNTURN": {
                Fields f = Fields.open(node, path, "a REGIONAL_DOWNTURN signal", DOWNTURN_FIELDS, values);
                String id = f.text("id", OPTIONAL);
                String region = f.text("region", REQUIRED);
                Severity severity = f.choice("severity", REQUIRED, Severity.class, "a severity");
                LocalDate since = f.date("since", REQUIRED);
                LocalDate until = f.date("until", OPTIONAL);
                String note = f.text("note", OPTIONAL);
                return Construct.at(path, () -> new RegionalDownturn(id, region, severity, since, until, note));
            }
            case "SECTOR_BAN": {
                Fields f = Fields.open(node, path, "a SECTOR_BAN signal", BAN_FIELDS, values);
                String id = f.text("id", OPTIONAL);
                String sector = f.text("sector", REQUIRED);
                String regulation = f.text("regulation", REQUIRED);
                LocalDate since = f.date("since", REQUIRED);
                LocalDate until = f.date("until", OPTIONAL);
                return Construct.at(path, () -> new SectorBan(id, sector, regulation, since, until));
            }
            case "SERVICE_OUTAGE": {
                Fields f = Fields.open(node, path, "a SERVICE_OUTAGE signal", OUTAGE_FIELDS, values);
                String id = f.text("id", OPTIONAL);
                LocalDate since = f.date("since", REQUIRED);
                LocalDate until = f.date("until", REQUIRED);
                String note = f.text("note", OPTIONAL);
                return Construct.at(path, () -> new ServiceOutage(id, since, until, note));
            }
            default:
                throw Values.invalid(typePath, Show.value(type) + " is not a signal type" + expected);
        }
    }

    static void writeAll(JsonGenerator g, List<? extends Signal> signals) throws IOException {
        g.writeStartArray();
        for (Signal signal : signals) {
            write(g, signal);
        }
        g.writeEndArray();
    }

    /** Writes the signal with its type first and absent optional fields left out. */
    static void write(JsonGenerator g, Signal signal) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", signal.type());
        optional(g, "id", signal.id());
        if (signal instanceof RegionalDownturn d) {
            g.writeStringField("region", d.region());
            g.writeStringField("severity", d.severity().name());
        } else if (signal instanceof SectorBan b) {
            g.writeStringField("sector", b.sector());
            g.writeStringField("regulation", b.regulation());
        }
        g.writeStringField("since", signal.since().toString());
        optional(g, "until", signal.until() == null ? null : signal.until().toString());
        if (signal instanceof RegionalDownturn d) {
            optional(g, "note", d.note());
        } else if (signal instanceof ServiceOutage o) {
            optional(g, "note", o.note());
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
