package io.github.creditrisk.drools.internal;

import io.github.creditrisk.BorrowerProfile;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Every borrower decided in a session holding no one else's facts: for rules not proven to keep borrowers apart,
 * which could match one borrower's facts with another's. After each evaluation the borrower's facts are deleted
 * (and truth maintenance retracts what they justified); a session that does not come back to holding only the
 * outages, or whose evaluation failed, is discarded.
 */
final class IsolatedSessions extends SessionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedSessions.class);

    IsolatedSessions(CompiledRuleSet rules, long fireLimit, Duration timeBudget) {
        super(rules, fireLimit, timeBudget);
    }

    @Override
    void decided(PooledSession session, BorrowerProfile profile, List<FactHandle> handles) {
        if (!session.delete(handles)) {
            // the findings are right; only the session cannot be trusted with the next borrower
            LOG.warn("a rule left facts behind after borrower {}; its session was discarded",
                    LogSafe.id(profile.id()));
            session.dispose();
        }
    }
}
