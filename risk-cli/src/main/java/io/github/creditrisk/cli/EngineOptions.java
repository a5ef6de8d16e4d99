package io.github.creditrisk.cli;

import io.github.creditrisk.EngineSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --time-budget} and {@code --fire-limit}: how long and how far the rules may run for one borrower, and
 * from them how long a command that streams a portfolio waits for a chunk of borrowers before it gives up on
 * the thread deciding it.
 */
final class EngineOptions {

    /**
     * How much longer than the time budget a chunk of borrowers may run before its thread is abandoned. The
     * engine checks the budget only between rule firings, so code that respects it still overruns it by the
     * firing in progress and the writing of the decisions; a second covers that, a garbage collection and a busy
     * machine, while a borrower stuck inside one rule's code costs only about a second beyond its budget. A chunk
     * that overruns for another reason (a batch stopped at the budget and then decided borrower by borrower, many
     * slow borrowers in one chunk) is redone borrower by borrower: slower, but every borrower is still decided.
     */
    static final Duration STUCK_GRACE = Duration.ofSeconds(1);

    /**
     * How many borrowers whose rules cannot be stopped a run tolerates before it stops deciding: each may keep a
     * core busy until the process ends.
     */
    static final int UNSTOPPABLE_BORROWERS_TOLERATED = Math.max(2, Runtime.getRuntime().availableProcessors());

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The longest the rules may run for one borrower, such as 500ms, 5s, 2m or PT5S (default:"
                    + " 5s); a borrower whose rules run longer fails, and one whose rules are stuck inside one rule's"
                    + " code, which cannot be stopped, is given up about a second after it.")
    Duration timeBudget;

    @Option(names = "--fire-limit", paramLabel = "N",
            description = "The most rule firings one borrower may take before it fails (default: 10000).")
    Integer fireLimit;

    /** What is wrong with these options, or {@code null} when nothing is. */
    String problem() {
        return fireLimit != null && fireLimit < 1 ? "--fire-limit " + fireLimit + " is below 1; expected a number ≥ 1"
                : null;
    }

    /** Whether either option was given (otherwise the engine is built the fast way, with the defaults). */
    boolean given() {
        return timeBudget != null || fireLimit != null;
    }

    /** The default settings with the options given. */
    EngineSettings settings() {
        EngineSettings settings = EngineSettings.defaults();
        if (timeBudget != null) {
            settings = settings.withTimeBudget(timeBudget);
        }
        if (fireLimit != null) {
            settings = settings.withFireLimit(fireLimit);
        }
        return settings;
    }

    /** The time budget in force. */
    Duration timeBudget() {
        return timeBudget != null ? timeBudget : EngineSettings.DEFAULT_TIME_BUDGET;
    }

    /** How long a chunk of borrowers may run before its thread is abandoned: the time budget and the grace. */
    Duration stuckAfter() {
        return timeBudget().plus(STUCK_GRACE);
    }

    /**
     * How many abandoned threads may still be running before a run stops deciding: two for each borrower
     * tolerated, because a borrower whose rules cannot be stopped holds the thread that was deciding its chunk
     * and the one that decided it alone.
     */
    static int abandonedThreadsTolerated() {
        return 2 * UNSTOPPABLE_BORROWERS_TOLERATED;
    }

    /** A duration as people write it: {@code 300 ms}, {@code 5 s}, {@code 1.5 s}. */
    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Reads {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}); positive only. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m)");

        @Override
        public Duration convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            Duration d = null;
            Matcher m = SHORT.matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            } else if (t.startsWith("pt") || t.startsWith("p")) {
                try {
                    d = Duration.parse(t);
                } catch (DateTimeParseException e) {
                    d = null;
                }
            }
            if (d == null || d.isNegative() || d.isZero()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration; expected"
                        + " a number with ms, s or m (such as 500ms, 5s or 2m) or ISO-8601 (such as PT5S)");
            }
            return d;
        }
    }
}
