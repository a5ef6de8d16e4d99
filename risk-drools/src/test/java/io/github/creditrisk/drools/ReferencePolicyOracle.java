package io.github.creditrisk.drools;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Loan;
import io.github.creditrisk.Outcome;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference policy written again, independently and plainly, straight from its tables (in
 * {@code rules/README.md}, "The policy"), without the engine's code: the oracle the property tests compare
 * the DRL rules with. Its answer is the set of {@code FAMILY TYPE [percent]} restrictions, the outcome, the
 * recommended limit and the number of exemptions.
 */
final class ReferencePolicyOracle {

    record Expected(Set<String> restrictions, Outcome outcome, BigDecimal recommendedLimit, int exemptions) {
    }

    private ReferencePolicyOracle() {
    }

    static Expected decide(BorrowerProfile b, List<Signal> signals, LocalDate asOf) {
        Set<String> r = new TreeSet<>();
        // Identical exemptions (same lender and days, hence the same sentence) are listed once.
        Set<String> exemptions = new HashSet<>();

        // Terms
        BigDecimal mds = BigDecimal.ZERO;
        Set<String> lenders = new HashSet<>();
        for (Loan l : b.loans()) {
            if (l.outstanding().signum() > 0) {
                mds = mds.add(l.monthlyPayment());
                lenders.add(l.lender().toLowerCase(Locale.ROOT));
            }
        }

        // OVERBORROWING: compare MDS with ceiling × income, which is exact without dividing.
        BigDecimal ceiling = switch (b.segment()) {
            case ORDINARY -> new BigDecimal("0.50");
            case SMALL_BUSINESS_OWNER -> new BigDecimal("0.60");
            case HIGH_NET_WORTH -> new BigDecimal("0.70");
            case FIRST_TIME -> new BigDecimal("0.40");
        };
        BigDecimal income = b.monthlyIncome();
        if (income.signum() > 0) {
            boolean above = mds.compareTo(ceiling.multiply(income)) > 0;
            boolean farAbove = mds.compareTo(ceiling.add(new BigDecimal("0.20")).multiply(income)) > 0;
            if (farAbove) {
                r.add("OVERBORROWING BLOCK_NEW_BORROWING");
                r.add("OVERBORROWING REDUCE_LIMIT 50");
            } else if (above) {
                r.add("OVERBORROWING REDUCE_LIMIT 30");
            }
        }
        if (lenders.size() >= 6) {
            r.add("OVERBORROWING BLOCK_NEW_BORROWING");
        } else if (lenders.size() >= 4) {
            r.add("OVERBORROWING MANUAL_REVIEW");
        }
        if (income.signum() == 0 && mds.signum() > 0) {
            r.add("OVERBORROWING MANUAL_REVIEW");
        }

        // REVENUE_DECLINE: last < 0.60 × (sum of three before) / 3  ⇔  3 × last < 0.60 × sum
        List<BigDecimal> rev = b.monthlyRevenue();
        if (b.segment() == Segment.SMALL_BUSINESS_OWNER && rev.size() >= 4) {
            int n = rev.size();
            BigDecimal sum = rev.get(n - 4).add(rev.get(n - 3)).add(rev.get(n - 2));
            BigDecimal last = rev.get(n - 1);
            if (sum.signum() > 0 && last.multiply(BigDecimal.valueOf(3)).compareTo(new BigDecimal("0.60").multiply(sum)) < 0) {
                r.add("REVENUE_DECLINE REDUCE_LIMIT 30");
            }
        }

        // REGIONAL_DOWNTURN: the most severe active matching downturn.
        Severity worst = null;
        for (Signal s : signals) {
            if (s instanceof RegionalDownturn d && active(d, asOf) && regionMatches(d.region(), b.region())) {
                if (worst == null || d.severity().compareTo(worst) > 0) {
                    worst = d.severity();
                }
            }
        }
        if (worst != null) {
            switch (b.segment()) {
                case SMALL_BUSINESS_OWNER -> {
                    if (worst == Severity.MEDIUM) {
                        r.add("REGIONAL_DOWNTURN FREEZE_LIMIT");
                    } else if (worst == Severity.HIGH) {
                        r.add("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
                    } else if (worst == Severity.SEVERE) {
                        r.add("REGIONAL_DOWNTURN REDUCE_LIMIT 40");
                        r.add("REGIONAL_DOWNTURN BLOCK_NEW_BORROWING");
                    }
                }
                case ORDINARY, FIRST_TIME -> {
                    if (worst == Severity.HIGH) {
                        r.add("REGIONAL_DOWNTURN FREEZE_LIMIT");
                    } else if (worst == Severity.SEVERE) {
                        r.add("REGIONAL_DOWNTURN REDUCE_LIMIT 20");
                    }
                }
                case HIGH_NET_WORTH -> {
                    if (worst == Severity.SEVERE) {
                        r.add("REGIONAL_DOWNTURN FREEZE_LIMIT");
                    }
                }
            }
        }

        // SECTOR_BAN
        for (Signal s : signals) {
            if (s instanceof SectorBan ban && active(ban, asOf) && b.sector() != null
                    && ban.sector().equalsIgnoreCase(b.sector())) {
                r.add("SECTOR_BAN BLOCK_NEW_BORROWING");
            }
        }

        // SCORE_DROP
        if (b.previousCreditScore() != null) {
            int drop = b.previousCreditScore() - b.creditScore();
            if (drop >= 100) {
                r.add("SCORE_DROP REDUCE_LIMIT 50");
                r.add("SCORE_DROP MANUAL_REVIEW");
            } else if (drop >= 50) {
                r.add("SCORE_DROP FREEZE_LIMIT");
            }
        }

        // DELINQUENCY with the outage exemption
        int maxDpd = 0;
        for (Loan l : b.loans()) {
            if (l.outstanding().signum() > 0 && l.daysPastDue() > 0) {
                LocalDate start = asOf.minusDays(l.daysPastDue());
                boolean exempt = false;
                for (Signal s : signals) {
                    if (s instanceof ServiceOutage o && !start.isBefore(o.since()) && !start.isAfter(o.until())) {
                        exempt = true;
                    }
                }
                if (exempt) {
                    exemptions.add(l.lender() + "/" + l.daysPastDue());
                } else {
                    maxDpd = Math.max(maxDpd, l.daysPastDue());
                }
            }
        }
        if (maxDpd > 90) {
            r.add("DELINQUENCY BLOCK_NEW_BORROWING");
            r.add("DELINQUENCY FREEZE_LIMIT");
        } else if (maxDpd > 30) {
            r.add("DELINQUENCY BLOCK_NEW_BORROWING");
        }

        // Merge
        int largestCut = 0;
        boolean restricts = false;
        for (String s : r) {
            String[] parts = s.split(" ");
            if (parts.length == 3) {
                largestCut = Math.max(largestCut, Integer.parseInt(parts[2]));
            }
            if (!parts[1].equals("MANUAL_REVIEW")) {
                restricts = true;
            }
        }
        Outcome outcome = r.isEmpty() ? Outcome.APPROVE : restricts ? Outcome.RESTRICT : Outcome.REVIEW;
        BigDecimal limit = largestCut == 0 ? b.creditLimit()
                : b.creditLimit().multiply(BigDecimal.valueOf(100 - largestCut)).divide(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.FLOOR);
        return new Expected(r, outcome, limit, exemptions.size());
    }

    private static boolean active(Signal s, LocalDate asOf) {
        return !s.since().isAfter(asOf) && (s.until() == null || !asOf.isAfter(s.until()));
    }

    private static boolean regionMatches(String signal, String borrower) {
        String r = signal.toUpperCase(Locale.ROOT);
        String b = borrower.toUpperCase(Locale.ROOT);
        return b.equals(r) || b.startsWith(r + "-");
    }

    /** Restrictions of a real decision in the oracle's notation. */
    static Set<String> describe(io.github.creditrisk.Decision d) {
        Set<String> out = new TreeSet<>();
        d.restrictions().forEach(x -> out.add(Decisions.describe(x)));
        return out;
    }
}
