package io.github.creditrisk.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad {@code creditrisk.*} setting as Spring Boot reports its own: what is wrong, and what to do. */
class CreditRiskSettingFailureAnalyzer extends AbstractFailureAnalyzer<CreditRiskSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CreditRiskSettingException cause) {
        return new FailureAnalysis("The credit-risk engine cannot start with its settings:\n\n    "
                + cause.getMessage().replace("\n", "\n    "),
                "Correct " + cause.property() + " in the application's configuration.", cause);
    }
}
