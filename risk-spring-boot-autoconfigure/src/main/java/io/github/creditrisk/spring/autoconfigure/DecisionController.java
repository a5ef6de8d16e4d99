package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.EvaluationException;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.BorrowerInput;
import io.github.creditrisk.json.CaseFile;
import io.github.creditrisk.json.RiskJson;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decides the contract's JSON over HTTP, under {@code creditrisk.http.path} (default {@code /creditrisk}):
 * <ul>
 *   <li>{@code POST /decisions}: one borrower profile; the decision, under the signals of
 *       {@code creditrisk.http.signals};</li>
 *   <li>{@code POST /cases}: a case file ({@code asOf}, {@code signals}, {@code borrowers}); an array of each
 *       borrower's decision or error line, in order.</li>
 * </ul>
 * Both take {@code asOf} (an ISO date; today by default, or the case's own), {@code lang} ({@code EN},
 * {@code ZH}; {@code creditrisk.language} by default) and {@code recourse} ({@code false} by default). Bad input
 * is answered 400 with the contract's error line {@code {"borrowerId": …, "error": "FIELD: …"}}; rules that fail
 * for the borrower 422; no rules live 503. No stack trace is ever sent.
 */
@RestController
@RequestMapping("${creditrisk.http.path:/creditrisk}")
class DecisionController {

    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final RiskEngine engine;
    private final RiskJson json = RiskJson.create();
    private final Language language;
    private final List<Signal> signals;
    private final InputRejections rejections;
    private final Clock clock;

    DecisionController(RiskEngine engine, CreditRiskProperties properties, InputRejections rejections, Clock clock) {
        this.engine = engine;
        this.language = properties.getLanguage();
        this.rejections = rejections;
        this.clock = clock;
        String path = properties.getHttp().getPath();
        if (path == null || !path.startsWith("/")) {
            throw new CreditRiskSettingException("creditrisk.http.path", "'" + path
                    + "' does not start with '/'; expected a path such as /creditrisk");
        }
        this.signals = signals(properties.getHttp().getSignals());
    }

    private List<Signal> signals(Path file) {
        if (file == null) {
            return List.of();
        }
        try {
            return json.readSignals(Files.readString(file));
        } catch (IOException e) {
            throw new CreditRiskSettingException("creditrisk.http.signals", "cannot read " + file.toAbsolutePath()
                    + ": " + e);
        } catch (InvalidValueException e) {
            throw new CreditRiskSettingException("creditrisk.http.signals", file.toAbsolutePath() + ": "
                    + e.getMessage());
        }
    }

    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(@RequestBody String body,
                                  @RequestParam(name = "asOf", required = false) @Nullable String asOf,
                                  @RequestParam(name = "lang", required = false) @Nullable String lang,
                                  @RequestParam(name = "recourse", defaultValue = "false") boolean recourse) {
        String id = null;
        try {
            EvaluationContext context = context(asOf, null, signals, lang, recourse);
            BorrowerProfile borrower = json.readBorrower(body);
            id = borrower.id();
            return answer(HttpStatus.OK, json.writeDecision(engine.evaluate(borrower, context)));
        } catch (InvalidValueException e) {
            rejections.rejected();
            return error(HttpStatus.BAD_REQUEST, id, e.getMessage());
        } catch (EvaluationException e) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, e.borrowerId(), e.getMessage());
        } catch (RiskException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, id, e.getMessage());
        }
    }

    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decideCase(@RequestBody String body,
                                      @RequestParam(name = "asOf", required = false) @Nullable String asOf,
                                      @RequestParam(name = "lang", required = false) @Nullable String lang,
                                      @RequestParam(name = "recourse", defaultValue = "false") boolean recourse) {
        try {
            CaseFile file = json.readCaseFile(body);
            EvaluationContext context = context(asOf, file.asOf(), file.signals(), lang, recourse);
            Iterator<Evaluation> decided = engine.evaluateAll(file.validBorrowers(), context).iterator();
            List<String> lines = new ArrayList<>(file.borrowers().size());
            for (BorrowerInput input : file.borrowers()) {
                if (input instanceof BorrowerInput.Rejected rejected) {
                    rejections.rejected();
                    lines.add(json.writeEvaluation(rejected.toEvaluation()));
                } else {
                    lines.add(json.writeEvaluation(decided.next()));
                }
            }
            return answer(HttpStatus.OK, "[" + String.join(",", lines) + "]");
        } catch (InvalidValueException e) {
            rejections.rejected();
            return error(HttpStatus.BAD_REQUEST, null, e.getMessage());
        } catch (RiskException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage());
        }
    }

    private EvaluationContext context(@Nullable String asOf, @Nullable LocalDate caseDate, List<Signal> inForce,
                                      @Nullable String lang, boolean recourse) {
        LocalDate date = asOf != null ? date(asOf) : caseDate != null ? caseDate : LocalDate.now(clock);
        return new EvaluationContext(date, inForce, lang == null ? language : Language.fromTag(lang.strip()),
                recourse);
    }

    private static LocalDate date(String asOf) {
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("asOf", "\"" + asOf + "\" is not a date; expected YYYY-MM-DD");
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(JSON).body(body);
    }

    private ResponseEntity<String> error(HttpStatus status, String borrowerId, String message) {
        return answer(status, json.writeEvaluation(new Evaluation.Failed(borrowerId, message)));
    }
}
