package io.github.creditrisk.json;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Evaluation;
import io.github.creditrisk.InvalidValueException;
import io.github.creditrisk.Signal;
import io.github.creditrisk.json.internal.Codec;

import java.util.List;

/**
 * Reads and writes the JSON of the data contract: borrower profiles, signals, case files, JSON Lines
 * portfolios, decisions and error lines.
 *
 * <pre>{@code
 * RiskJson json = RiskJson.create();
 * CaseFile file = json.readCaseFile(Files.readString(path));
 * for (BorrowerInput input : file.borrowers()) {
 *     Evaluation result = input instanceof BorrowerInput.Valid valid
 *             ? new Evaluation.Decided(engine.evaluate(valid.profile(), context))
 *             : ((BorrowerInput.Rejected) input).toEvaluation();
 *     System.out.println(json.writeEvaluation(result));
 * }
 * }</pre>
 *
 * <h2>Reading</h2>
 * Input is treated as hostile. Every problem is reported as an {@link InvalidValueException} (or, for one
 * borrower entry, a {@link BorrowerInput.Rejected}) whose {@link InvalidValueException#field() field} is
 * the JSON path of the bad value, such as {@code loans[1].monthlyPayment}, and whose message is one line
 * naming that path, the rejected value and what would have been accepted:
 * {@code segment: "VIP" is not a segment; expected one of ORDINARY, SMALL_BUSINESS_OWNER, HIGH_NET_WORTH,
 * FIRST_TIME}. Problems with the input as a whole (not JSON, too long, nested too deeply) are reported
 * under the field {@code input} or the path where the parser stopped, with the line and column. No Jackson
 * exception and no stack trace escapes.
 * <ul>
 *   <li>Unknown fields are rejected, naming the field and listing the accepted ones; a key that appears
 *       twice in an object is rejected, naming the key.</li>
 *   <li>Numbers are exact decimals, never doubles: {@code 0.1} is 0.1. {@code NaN}, {@code Infinity} and
 *       numbers written as text are rejected. A whole number may be written {@code 700.0} but not
 *       {@code 700.5}. {@code -0} is zero.</li>
 *   <li>JSON {@code null} for an optional field means the field is absent; for a required field it is
 *       "missing". An absent {@code loans}, {@code monthlyRevenue}, {@code signals} or {@code borrowers}
 *       means none.</li>
 *   <li>Sizes are bounded by the {@link JsonLimits} given to {@link #create(JsonLimits)}.</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * Output is compact (one line, fit for JSON Lines), in the contract's field order, with amounts as JSON
 * numbers in plain notation ({@code 80000}, {@code 40000.5}, never {@code 8E+4}) and non-ASCII text as
 * UTF-8 characters, not escapes.
 *
 * <p><strong>Thread safety:</strong> immutable; one instance can be shared by all threads and reused for
 * any number of documents. <strong>Nulls:</strong> no parameter may be {@code null}
 * ({@link NullPointerException}).
 */
public final class RiskJson {

    private final Codec codec;

    private RiskJson(JsonLimits limits) {
        this.codec = new Codec(limits);
    }

    /** A reader and writer with {@link JsonLimits#defaults()}. */
    public static RiskJson create() {
        return new RiskJson(JsonLimits.defaults());
    }

    /** A reader and writer that enforces {@code limits}. */
    public static RiskJson create(JsonLimits limits) {
        return new RiskJson(limits);
    }

    /** The limits this instance enforces. */
    public JsonLimits limits() {
        return codec.limits();
    }

    /**
     * Reads one borrower profile from a JSON document.
     *
     * @throws InvalidValueException naming the first bad field, or the input as a whole
     */
    public BorrowerProfile readBorrower(String json) {
        return codec.readBorrower(json);
    }

    /**
     * Reads one line of a JSON Lines portfolio. Never throws for bad input: a line that is not JSON, not
     * an object, or not a valid profile becomes a {@link BorrowerInput.Rejected} carrying the line's
     * {@code id} when one could be read. A blank line is rejected too; a caller that tolerates blank lines
     * skips them before calling.
     *
     * @param line one line, without its line terminator
     */
    public BorrowerInput readBorrowerLine(String line) {
        return codec.readBorrowerLine(line);
    }

    /**
     * Reads the signals of a signal file: a JSON array of signals, or a case file (whose {@code signals}
     * are taken and whose {@code borrowers} are ignored). Errors name paths such as
     * {@code signals[3].until} in both forms.
     *
     * @throws InvalidValueException naming the first bad signal field, or the input as a whole
     */
    public List<Signal> readSignals(String json) {
        return codec.readSignals(json);
    }

    /**
     * Reads a case file. A bad borrower becomes a {@link BorrowerInput.Rejected} entry in its place, with
     * an error such as {@code borrowers[2].loans[0].lender: is missing; it is required}; it never fails the
     * file.
     *
     * @throws InvalidValueException when the file itself is bad: not JSON, not an object, an unknown
     *                               top-level field, a malformed {@code asOf}, {@code signals} or
     *                               {@code borrowers}, or any bad signal
     */
    public CaseFile readCaseFile(String json) {
        return codec.readCaseFile(json);
    }

    /**
     * Reads a decision written by {@link #writeDecision(Decision)}. The decision's own checks apply, so a
     * decision whose outcome or recommended limit contradicts its restrictions is rejected.
     *
     * @throws InvalidValueException naming the first bad field
     */
    public Decision readDecision(String json) {
        return codec.readDecision(json);
    }

    /**
     * Reads one output line: a decision, or an error line ({@code {"borrowerId": …, "error": …}}, told
     * apart by its {@code error} field).
     *
     * @throws InvalidValueException naming the first bad field
     */
    public Evaluation readEvaluation(String json) {
        return codec.readEvaluation(json);
    }

    /** The profile as one line of JSON, readable by {@link #readBorrower(String)}; optional fields left out
     * when absent. */
    public String writeBorrower(BorrowerProfile borrower) {
        return codec.writeBorrower(borrower);
    }

    /** The signals as a JSON array on one line, readable by {@link #readSignals(String)}. */
    public String writeSignals(List<? extends Signal> signals) {
        return codec.writeSignals(signals);
    }

    /**
     * The decision as one line of JSON, with the contract's fields in the contract's order:
     * {@code borrowerId, outcome, creditLimit, recommendedLimit, restrictions, exemptions, notice,
     * rulesetVersion}; each restriction {@code type, family, rule, reasonCode, reductionPercent, reason,
     * remedies, evidence}, where {@code reductionPercent} is present only on {@code REDUCE_LIMIT}; each
     * exemption {@code family, rule, reasonCode, reason, remedies, evidence}.
     */
    public String writeDecision(Decision decision) {
        return codec.writeDecision(decision);
    }

    /**
     * One line of {@code risk eval}'s output: the decision, or for a failure the contract's error line
     * {@code {"borrowerId":"…","error":"…"}} (with {@code "borrowerId":null} when there is no id).
     */
    public String writeEvaluation(Evaluation evaluation) {
        return codec.writeEvaluation(evaluation);
    }
}
