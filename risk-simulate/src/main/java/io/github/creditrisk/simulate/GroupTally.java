package io.github.creditrisk.simulate;

import io.github.creditrisk.Outcome;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;

/** The running counts of one group of borrowers; single-threaded. */
final class GroupTally implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;


    private long borrowers;
    private long changed;
    private long restrictedBefore;
    private long restrictedAfter;
    private long newlyRestricted;
    private long noLongerRestricted;
    private long newlyAffected;
    private long noLongerAffected;
    private BigDecimal limitRemoved = BigDecimal.ZERO;
    private BigDecimal limitRestored = BigDecimal.ZERO;

    void add(Comparison.Compared c) {
        borrowers++;
        boolean before = c.baseline().outcome() == Outcome.RESTRICT;
        boolean after = c.candidate().outcome() == Outcome.RESTRICT;
        if (before) {
            restrictedBefore++;
        }
        if (after) {
            restrictedAfter++;
        }
        if (!c.changed()) {
            return;
        }
        changed++;
        if (after && !before) {
            newlyRestricted++;
        } else if (before && !after) {
            noLongerRestricted++;
        }
        boolean added = false;
        boolean removed = false;
        for (RestrictionChange change : c.changes()) {
            added |= change.kind() == RestrictionChange.Kind.ADDED;
            removed |= change.kind() == RestrictionChange.Kind.REMOVED;
        }
        if (added) {
            newlyAffected++;
        }
        if (removed) {
            noLongerAffected++;
        }
        BigDecimal difference = c.baseline().recommendedLimit().subtract(c.candidate().recommendedLimit());
        if (difference.signum() > 0) {
            limitRemoved = limitRemoved.add(difference);
        } else if (difference.signum() < 0) {
            limitRestored = limitRestored.subtract(difference);
        }
    }

    /** Adds the counts of {@code other}. */
    void add(GroupTally other) {
        borrowers += other.borrowers;
        changed += other.changed;
        restrictedBefore += other.restrictedBefore;
        restrictedAfter += other.restrictedAfter;
        newlyRestricted += other.newlyRestricted;
        noLongerRestricted += other.noLongerRestricted;
        newlyAffected += other.newlyAffected;
        noLongerAffected += other.noLongerAffected;
        limitRemoved = limitRemoved.add(other.limitRemoved);
        limitRestored = limitRestored.add(other.limitRestored);
    }

    GroupFigures figures(String name) {
        return new GroupFigures(name, borrowers, changed, restrictedBefore, restrictedAfter, newlyRestricted,
                noLongerRestricted, newlyAffected, noLongerAffected, limitRemoved, limitRestored);
    }
}
