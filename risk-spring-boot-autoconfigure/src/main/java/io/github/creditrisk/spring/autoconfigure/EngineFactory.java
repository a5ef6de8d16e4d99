package io.github.creditrisk.spring.autoconfigure;

import io.github.creditrisk.EngineDiscoveryException;
import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.RiskException;
import io.github.creditrisk.live.LiveRiskEngine;
import io.github.creditrisk.live.ReloadListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the engine {@link CreditRiskProperties} describe: the bundled rules, a directory's, or a directory
 * followed live. Each setting is checked first, and a bad one is reported under its property's name.
 */
final class EngineFactory {

    private static final String PREFIX = "creditrisk.";

    private EngineFactory() {
    }

    /**
     * @param reloads told about every attempt to change a live engine's rules
     * @throws CreditRiskSettingException naming the property whose value the engine cannot start with
     */
    static RiskEngine create(CreditRiskProperties properties, ReloadListener reloads) {
        EngineSettings settings = settings(properties);
        CreditRiskProperties.Rules rules = properties.getRules();
        Path directory = rules.getDirectory();
        try {
            if (directory == null) {
                return RiskEngines.create(properties.getEngine(), settings);
            }
            directory = checkedDirectory(directory);
            if (!rules.isWatch()) {
                return RiskEngines.create(properties.getEngine(), settings.withRulesDirectory(directory));
            }
            checkSettleTime(rules.getSettleTime());
            if (rules.getKeep() < 2) {
                throw new CreditRiskSettingException(PREFIX + "rules.keep", rules.getKeep()
                        + " is too small; expected at least 2 (the live version and one to roll back to)");
            }
            return LiveRiskEngine.builder(directory)
                    .settings(settings)
                    .settleTime(rules.getSettleTime())
                    .keep(rules.getKeep())
                    .waitForRules(rules.isWaitForRules())
                    .listener(reloads)
                    .start();
        } catch (EngineDiscoveryException e) {
            throw new CreditRiskSettingException(PREFIX + "engine", e.getMessage(), e);
        } catch (CreditRiskSettingException e) {
            throw e;
        } catch (RiskException e) {
            // the rules themselves: they do not compile, or fail their scenarios
            throw new CreditRiskSettingException(PREFIX + "rules.directory", e.getMessage(), e);
        }
    }

    private static EngineSettings settings(CreditRiskProperties properties) {
        if (properties.getFireLimit() < 1) {
            throw new CreditRiskSettingException(PREFIX + "fire-limit", properties.getFireLimit()
                    + " is too small; expected at least 1");
        }
        Duration budget = properties.getTimeBudget();
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new CreditRiskSettingException(PREFIX + "time-budget", budget
                    + " is not a positive duration; expected one such as 5s or 500ms");
        }
        if (properties.getLanguage() == null) {
            throw new CreditRiskSettingException(PREFIX + "language", "is empty; expected EN or ZH");
        }
        return EngineSettings.defaults().withFireLimit(properties.getFireLimit()).withTimeBudget(budget);
    }

    private static Path checkedDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new CreditRiskSettingException(PREFIX + "rules.directory", absolute + " does not exist");
        }
        if (!Files.isDirectory(absolute)) {
            throw new CreditRiskSettingException(PREFIX + "rules.directory", absolute
                    + " is not a directory; expected the directory that holds the rule files");
        }
        return absolute;
    }

    private static void checkSettleTime(Duration settleTime) {
        if (settleTime == null || settleTime.isNegative()) {
            throw new CreditRiskSettingException(PREFIX + "rules.settle-time", settleTime
                    + " is not a duration of 0 or more; expected one such as 300ms");
        }
    }
}
