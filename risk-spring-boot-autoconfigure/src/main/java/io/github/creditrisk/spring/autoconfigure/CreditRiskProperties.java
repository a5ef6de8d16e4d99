package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's settings under {@code creditrisk.*}. Every value is checked when the application starts; a bad
 * one fails the start with a message naming the property ({@link CreditRiskSettingException}).
 */
@ConfigurationProperties(prefix = "creditrisk")
public class CreditRiskProperties {

    /** The engine to use, by provider name, when several are on the class path; the only one by default. */
    private @Nullable String engine;

    /**
     * The most rule firings one borrower's evaluation may take before it is stopped as a runaway (the engine's
     * default, as is the time budget's).
     */
    private int fireLimit = 10_000;

    /** The longest one borrower's evaluation may take before it is stopped as a runaway. */
    private Duration timeBudget = Duration.ofSeconds(5);

    /** The language of reasons and notices when a request does not name one. */
    private Language language = Language.EN;

    private final Rules rules = new Rules();

    private final Observations observations = new Observations();

    private final Http http = new Http();

    /** Where the rules come from, and whether edits go live. */
    public static class Rules {

        /** A directory of rule files (DRL, messages, scenarios) to serve; the engine's bundled rules when unset. */
        private @Nullable Path directory;

        /**
         * Whether edits of the directory go live without a restart, each once it compiles and passes the
         * directory's scenarios.
         */
        private boolean watch = true;

        /** How long the directory must stay unchanged before an edit is compiled. */
        private Duration settleTime = Duration.ofMillis(300);

        /** How many compiled versions are kept for rollback (at least 2). */
        private int keep = 10;

        /**
         * Whether the application starts even when the watched directory's rules cannot go live yet; it then
         * reports itself DOWN and refuses to decide until an edit passes. When false, such rules fail the start.
         */
        private boolean waitForRules = false;

        public @Nullable Path getDirectory() {
            return directory;
        }

        public void setDirectory(@Nullable Path directory) {
            this.directory = directory;
        }

        public boolean isWatch() {
            return watch;
        }

        public void setWatch(boolean watch) {
            this.watch = watch;
        }

        public Duration getSettleTime() {
            return settleTime;
        }

        public void setSettleTime(Duration settleTime) {
            this.settleTime = settleTime;
        }

        public int getKeep() {
            return keep;
        }

        public void setKeep(int keep) {
            this.keep = keep;
        }

        public boolean isWaitForRules() {
            return waitForRules;
        }

        public void setWaitForRules(boolean waitForRules) {
            this.waitForRules = waitForRules;
        }
    }

    /** What observations of evaluations carry. */
    public static class Observations {

        /**
         * Whether each evaluation's observation (and so its trace span) carries the borrower's id, as the
         * high-cardinality key creditrisk.borrower.id. Off by default: an id may be personal data.
         */
        private boolean includeBorrowerId = false;

        public boolean isIncludeBorrowerId() {
            return includeBorrowerId;
        }

        public void setIncludeBorrowerId(boolean includeBorrowerId) {
            this.includeBorrowerId = includeBorrowerId;
        }
    }

    /** The HTTP endpoint deciding the contract's JSON. */
    public static class Http {

        /** Whether to serve the endpoint (needs Spring MVC); off by default. */
        private boolean enabled = false;

        /** The path under which the endpoint serves /decisions and /cases. */
        private String path = "/creditrisk";

        /**
         * A JSON file of signals (the contract's signal array) in force for single profiles posted to
         * /decisions; none when unset. A case posted to /cases carries its own.
         */
        private @Nullable Path signals;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public @Nullable Path getSignals() {
            return signals;
        }

        public void setSignals(@Nullable Path signals) {
            this.signals = signals;
        }
    }

    public @Nullable String getEngine() {
        return engine;
    }

    public void setEngine(@Nullable String engine) {
        this.engine = engine;
    }

    public int getFireLimit() {
        return fireLimit;
    }

    public void setFireLimit(int fireLimit) {
        this.fireLimit = fireLimit;
    }

    public Duration getTimeBudget() {
        return timeBudget;
    }

    public void setTimeBudget(Duration timeBudget) {
        this.timeBudget = timeBudget;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public Rules getRules() {
        return rules;
    }

    public Observations getObservations() {
        return observations;
    }

    public Http getHttp() {
        return http;
    }
}
