package io.github.creditrisk.json;

import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Reading signals from a signal file or a case file")
class SignalReadingTest {

    private static final String DOWNTURN = "{\"type\": \"REGIONAL_DOWNTURN\", \"id\": \"S-1\", \"region\": \"CN-GD\","
            + " \"severity\": \"HIGH\", \"since\": \"2026-10-01\", \"until\": \"2026-12-31\", \"note\": \"exports\"}";
    private static final String BAN = "{\"type\": \"SECTOR_BAN\", \"sector\": \"P2P_LENDING\","
            + " \"regulation\": \"CBIRC Notice 2026-7\", \"since\": \"2026-09-15\"}";
    private static final String OUTAGE = "{\"type\": \"SERVICE_OUTAGE\", \"id\": \"OUT-9\", \"since\": \"2026-10-01\","
            + " \"until\": \"2026-10-05\", \"note\": \"core banking upgrade\"}";

    private final RiskJson json = RiskJson.create();

    private InvalidValueException rejection(String text) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> json.readSignals(text));
        assertThat(e).as("rejects %s", text).isNotNull();
        return e;
    }

    @Test
    void eachKindOfSignalIsReadWithAllItsFields() {
        List<Signal> signals = json.readSignals("[" + DOWNTURN + ", " + BAN + ", " + OUTAGE + "]");

        assertThat(signals).containsExactly(
                new RegionalDownturn("S-1", "CN-GD", Severity.HIGH, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 12, 31), "exports"),
                new SectorBan(null, "P2P_LENDING", "CBIRC Notice 2026-7", LocalDate.of(2026, 9, 15), null),
                new ServiceOutage("OUT-9", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 5),
                        "core banking upgrade"));
    }

    @Test
    void theSignalsOfACaseFileAreTakenAndItsBorrowersIgnored() {
        String caseFile = "{\"asOf\": \"2026-11-01\", \"signals\": [" + BAN + "], \"borrowers\": [{\"id\": 1}]}";

        assertThat(json.readSignals(caseFile)).hasSize(1).first().isInstanceOf(SectorBan.class);
    }

    @Test
    void anEmptyArrayAndACaseFileWithoutSignalsMeanNoSignals() {
        assertThat(json.readSignals("[]")).isEmpty();
        assertThat(json.readSignals("{\"borrowers\": []}")).isEmpty();
    }

    @Test
    void untilBeforeSinceIsRejectedAtThatSignalsPath() {
        String early = OUTAGE.replace("\"until\": \"2026-10-05\"", "\"until\": \"2026-09-30\"");

        InvalidValueException e = rejection("[" + DOWNTURN + ", " + BAN + ", " + OUTAGE + ", " + early + "]");

        assertThat(e.getMessage()).isEqualTo("signals[3].until: 2026-09-30 is before since (2026-10-01); expected a"
                + " date on or after since");
    }

    @Test
    void aServiceOutageNeedsAnEnd() {
        InvalidValueException e = rejection("[" + OUTAGE.replace(", \"until\": \"2026-10-05\"", "") + "]");

        assertThat(e.getMessage()).isEqualTo("signals[0].until: is missing; it is required");
    }

    @Test
    void pathsAreTheSameWhetherTheSignalsComeAsAnArrayOrInACaseFile() {
        String bad = BAN.replace("P2P_LENDING", "");

        assertThat(rejection("[" + bad + "]").getMessage())
                .isEqualTo(rejection("{\"signals\": [" + bad + "]}").getMessage())
                .isEqualTo("signals[0].sector: is blank; expected a non-blank text");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "EARTHQUAKE", "since": "2026-10-01"}                       | signals[0].type: "EARTHQUAKE" is not a signal type; expected one of REGIONAL_DOWNTURN, SECTOR_BAN, SERVICE_OUTAGE
            {"since": "2026-10-01"}                                             | signals[0].type: is missing; expected one of REGIONAL_DOWNTURN, SECTOR_BAN, SERVICE_OUTAGE
            {"type": null}                                                      | signals[0].type: is missing; expected one of REGIONAL_DOWNTURN, SECTOR_BAN, SERVICE_OUTAGE
            {"type": 3}                                                         | signals[0].type: 3 is not a signal type; expected one of REGIONAL_DOWNTURN, SECTOR_BAN, SERVICE_OUTAGE
            {"type": "SERVICE_OUTAGE", "type": "SECTOR_BAN"}                    | signals[0].type: appears more than once; each field may appear only once
            "SECTOR_BAN"                                                        | signals[0]: "SECTOR_BAN" is not a signal; expected a JSON object with a type
            {"type": "SECTOR_BAN", "sector": "X", "regulation": "R", "since": "2026-10-01", "note": "n"} | signals[0].note: is not a field of a SECTOR_BAN signal; expected one of type, id, sector, regulation, since, until
            {"type": "SERVICE_OUTAGE", "since": "2026-10-01", "until": "2026-10-02", "region": "CN"}    | signals[0].region: is not a field of a SERVICE_OUTAGE signal; expected one of type, id, since, until, note
            {"type": "REGIONAL_DOWNTURN", "region": "CN", "severity": "CATASTROPHIC", "since": "2026-10-01"} | signals[0].severity: "CATASTROPHIC" is not a severity; expected one of LOW, MEDIUM, HIGH, SEVERE
            {"type": "REGIONAL_DOWNTURN", "region": "CN", "severity": "HIGH"}   | signals[0].since: is missing; it is required
            {"type": "REGIONAL_DOWNTURN", "severity": "HIGH", "since": "2026-10-01"} | signals[0].region: is missing; it is required
            {"type": "SECTOR_BAN", "sector": "X", "since": "2026-10-01"}         | signals[0].regulation: is missing; it is required
            {"type": "SERVICE_OUTAGE", "since": "2026-13-01", "until": "2026-10-02"} | signals[0].since: "2026-13-01" is not a date (there is no such day); expected an ISO-8601 date such as 2026-10-01
            {"type": "SERVICE_OUTAGE", "since": "2026-02-30", "until": "2026-10-02"} | signals[0].since: "2026-02-30" is not a date (there is no such day); expected an ISO-8601 date such as 2026-10-01
            {"type": "SERVICE_OUTAGE", "since": "01/10/2026", "until": "2026-10-02"} | signals[0].since: "01/10/2026" is not a date; expected an ISO-8601 date such as 2026-10-01
            {"type": "SERVICE_OUTAGE", "since": "2026-10-01T00:00", "until": "2026-10-02"} | signals[0].since: "2026-10-01T00:00" is not a date; expected an ISO-8601 date such as 2026-10-01
            {"type": "SERVICE_OUTAGE", "since": 20261001, "until": "2026-10-02"} | signals[0].since: 20261001 is not a date; expected an ISO-8601 date such as 2026-10-01
            {"type": "SERVICE_OUTAGE", "id": " ", "since": "2026-10-01", "until": "2026-10-02"} | signals[0].id: is blank; expected a non-blank text
            """)
    void aBadSignalIsRejectedNamingItsPath(String signal, String message) {
        assertThat(rejection("[" + signal + "]").getMessage()).isEqualTo(message);
    }

    @Test
    void aDocumentThatIsNeitherAnArrayNorACaseFileIsRejected() {
        assertThat(rejection("42").getMessage()).isEqualTo("input: 42 is neither an array of signals nor a case"
                + " file; expected a JSON array or object");
        assertThat(rejection("{\"signal\": []}").getMessage()).isEqualTo("signal: is not a field of a case file;"
                + " expected one of asOf, signals, borrowers (did you mean signals?)");
        assertThat(rejection("{\"signals\": {}}").getMessage())
                .isEqualTo("signals: an object is not an array; expected an array of signals");
    }

    @Test
    void tooManySignalsAreRejectedByCount() {
        RiskJson strict = RiskJson.create(JsonLimits.defaults().withMaxSignals(2));

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> strict.readSignals("[" + BAN + "," + BAN + "," + BAN + "]"));

        assertThat(e.getMessage()).isEqualTo("signals: has 3 entries; expected at most 2 signals");
    }

    @Test
    void aSignalFileHoldingMoreTokensThanTheBudgetIsRejectedAsAWhole() {
        RiskJson small = RiskJson.create(JsonLimits.defaults().withMaxValues(20));

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> small.readSignals("[" + BAN + "," + BAN + "," + BAN + "," + BAN + "]"));

        assertThat(e.getMessage()).isEqualTo("signals: holds more than 20 JSON tokens; expected at most 20");
    }

    @Test
    void writtenSignalsReadBackEqual() {
        List<Signal> signals = json.readSignals("[" + DOWNTURN + ", " + BAN + ", " + OUTAGE + "]");

        String written = json.writeSignals(signals);

        assertThat(json.readSignals(written)).isEqualTo(signals);
        assertThat(written).startsWith("[{\"type\":\"REGIONAL_DOWNTURN\",\"id\":\"S-1\",\"region\":\"CN-GD\","
                + "\"severity\":\"HIGH\",\"since\":\"2026-10-01\",\"until\":\"2026-12-31\",\"note\":\"exports\"}");
    }
}
