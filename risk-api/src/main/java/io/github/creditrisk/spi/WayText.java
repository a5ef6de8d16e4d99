package io.github.creditrisk.spi;

import io.github.creditrisk.Action;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.RestrictionType;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;
import io.github.creditrisk.Way;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The customer's sentences of recourse, in English and Chinese: one per way, with each target beside the current
 * value, and the notice's list of principal reasons. Stateless.
 */
final class WayText {

    /** How many reasons a notice names: more are "not likely to be helpful" (US Regulation B's practice). */
    static final int PRINCIPAL_REASONS = 4;

    /** The costliest restriction to the customer first: by type, then the larger cut, then family and rule. */
    static final Comparator<Restriction> COST_ORDER = Comparator
            .comparing(Restriction::type)
            .thenComparing((Restriction r) -> r.reductionPercent() == null ? 0 : r.reductionPercent(),
                    Comparator.reverseOrder())
            .thenComparing(Restriction::family)
            .thenComparing(Restriction::rule);

    private WayText() {
    }

    /** The sentence of a way made of {@code actions}, lifting a restriction of {@code type}. */
    static String way(List<Action> actions, RestrictionType type, BorrowerProfile borrower,
                      EvaluationContext context, Language language) {
        boolean zh = language == Language.ZH;
        List<String> parts = new ArrayList<>(actions.size());
        for (Action a : actions) {
            parts.add(a instanceof Action.SignalEnds ends ? ending(ends, context, zh)
                    : zh ? chinese(a, borrower) : english(a, borrower));
        }
        if (zh) {
            return String.join("，并", parts) + "，" + chineseTail(type) + "。";
        }
        String text = String.join(", and ", parts) + " and " + englishTail(type) + ".";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * {@code notice} followed by the principal reasons of {@code restrictions} (at most
     * {@value #PRINCIPAL_REASONS}, the costliest first), each with the simplest way that lifts it.
     */
    static String notice(String notice, List<Restriction> restrictions, Language language) {
        List<Restriction> ranked = new ArrayList<>(restrictions);
        ranked.sort(COST_ORDER);
        boolean zh = language == Language.ZH;
        StringBuilder text = new StringBuilder(notice);
        text.append(zh ? "主要原因及解除办法：" : " The main reasons, and what lifts each:");
        for (int i = 0; i < Math.min(PRINCIPAL_REASONS, ranked.size()); i++) {
            Restriction r = ranked.get(i);
            text.append(zh ? "" : " ").append(i + 1).append(zh ? "．" : ") ").append(r.reason());
            text.append(zh ? "" : " ").append(RecourseSearch.simplest(r.lift()).map(Way::text).orElse(zh
                    ? "您无法通过自己的行动解除此项限制；如您认为有误，可以申诉。"
                    : "Nothing you can do yourself lifts this one; if you think it is wrong, you can appeal."));
        }
        return text.toString();
    }

    /** How many lender names a way's actions hold. */
    static int lendersNamed(Way way) {
        int names = 0;
        for (Action a : way.actions()) {
            if (a instanceof Action.RepayLoans r) {
                names += r.lenders().size();
            } else if (a instanceof Action.ClearArrears c) {
                names += c.lenders().size();
            }
        }
        return names;
    }

    private static String english(Action action, BorrowerProfile b) {
        if (action instanceof Action.LowerRepayments a) {
            return "bring your monthly repayments to " + amount(a.target()) + " or less (they are "
                    + amount(b.monthlyDebtService()) + " now)";
        } else if (action instanceof Action.RaiseVerifiedIncome a) {
            return "show us a verified monthly income of at least " + amount(a.target())
                    + (b.monthlyIncome().signum() == 0 ? " (none is verified yet)"
                    : " (we have " + amount(b.monthlyIncome()) + " verified)");
        } else if (action instanceof Action.RepayLoans a) {
            return "repay your loans with " + names(a.lenders(), false) + " in full (" + amount(owed(b, a.lenders()))
                    + " outstanding)";
        } else if (action instanceof Action.ClearArrears a) {
            return "bring your overdue loans with " + names(a.lenders(), false) + " up to date ("
                    + worstOverdue(b, a.lenders()) + " days overdue now)";
        } else if (action instanceof Action.RecoverSales a) {
            return "make sales of at least " + amount(a.target()) + " next month"
                    + (b.monthlyRevenue().isEmpty() ? " (no sales are reported yet)"
                    : " (last month: " + amount(b.monthlyRevenue().get(b.monthlyRevenue().size() - 1)) + ")");
        }
        Action.RecoverScore a = (Action.RecoverScore) action;
        return "raise your credit score to at least " + a.target() + " (it is " + b.creditScore() + " now)";
    }

    private static String chinese(Action action, BorrowerProfile b) {
        if (action instanceof Action.LowerRepayments a) {
            return "将每月还款额降至" + amount(a.target()) + "或以下（目前为" + amount(b.monthlyDebtService()) + "）";
        } else if (action instanceof Action.RaiseVerifiedIncome a) {
            return "提供不低于" + amount(a.target()) + "的经核实月收入" + (b.monthlyIncome().signum() == 0
                    ? "（目前没有经核实的收入）" : "（目前核实的收入为" + amount(b.monthlyIncome()) + "）");
        } else if (action instanceof Action.RepayLoans a) {
            return "还清您在" + names(a.lenders(), true) + "的贷款（未还金额" + amount(owed(b, a.lenders())) + "）";
        } else if (action instanceof Action.ClearArrears a) {
            return "结清您在" + names(a.lenders(), true) + "的逾期欠款（目前已逾期" + worstOverdue(b, a.lenders())
                    + "天）";
        } else if (action instanceof Action.RecoverSales a) {
            return "下个月的销售额达到" + amount(a.target()) + "或以上" + (b.monthlyRevenue().isEmpty()
                    ? "（尚未报告销售额）"
                    : "（上个月为" + amount(b.monthlyRevenue().get(b.monthlyRevenue().size() - 1)) + "）");
        }
        Action.RecoverScore a = (Action.RecoverScore) action;
        return "将信用评分提高到" + a.target() + "或以上（目前为" + b.creditScore() + "）";
    }

    /** Waiting for a signal to end, named by what it is. */
    private static String ending(Action.SignalEnds ending, EvaluationContext context, boolean zh) {
        Signal signal = context.signals().stream().filter(s -> ending.signal().equals(s.id())).findFirst()
                .orElse(null);
        String what;
        if (signal instanceof RegionalDownturn d) {
            what = zh ? "您所在地区的经济下行（" + d.id() + "）" : "the downturn in your region (" + d.id() + ")";
        } else if (signal instanceof SectorBan b) {
            what = zh ? "监管部门对您所在行业的放贷禁令（" + b.regulation() + "，" + b.id() + "）"
                    : "the regulator's ban on lending to your sector (" + b.regulation() + ", " + b.id() + ")";
        } else if (signal instanceof ServiceOutage o) {
            what = zh ? "服务中断（" + o.id() + "）" : "the service outage (" + o.id() + ")";
        } else {
            what = ending.signal();
        }
        if (zh) {
            return "等待" + what + "结束" + (ending.until() == null ? "（尚未设定结束日期）"
                    : "（预计于" + ending.until() + "结束）");
        }
        return "wait for " + what + " to end" + (ending.until() == null ? " (no end date is set yet)"
                : " (it is set to end on " + ending.until() + ")");
    }

    private static String englishTail(RestrictionType type) {
        return switch (type) {
            case BLOCK_NEW_BORROWING -> "you can borrow again";
            case REDUCE_LIMIT -> "your line is no longer cut";
            case FREEZE_LIMIT -> "your limit is no longer held";
            case MANUAL_REVIEW -> "no review is needed";
        };
    }

    private static String chineseTail(RestrictionType type) {
        return switch (type) {
            case BLOCK_NEW_BORROWING -> "即可恢复借款";
            case REDUCE_LIMIT -> "您的额度将不再被下调";
            case FREEZE_LIMIT -> "您的额度将不再被冻结";
            case MANUAL_REVIEW -> "即无需人工审核";
        };
    }

    /** An amount with thousands separators, and cents only when it has them. */
    static String amount(BigDecimal value) {
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_EVEN);
        return cents.stripTrailingZeros().scale() <= 0
                ? String.format(Locale.ROOT, "%,d", cents.toBigInteger())
                : String.format(Locale.ROOT, "%,.2f", cents);
    }

    private static String names(List<String> lenders, boolean zh) {
        if (lenders.size() == 1) {
            return lenders.get(0);
        }
        String last = lenders.get(lenders.size() - 1);
        String rest = String.join(zh ? "、" : ", ", lenders.subList(0, lenders.size() - 1));
        return rest + (zh ? "和" : " and ") + last;
    }

    private static BigDecimal owed(BorrowerProfile b, List<String> lenders) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Loan loan : b.loans()) {
            if (named(lenders, loan.lender())) {
                sum = sum.add(loan.outstanding());
            }
        }
        return sum;
    }

    private static int worstOverdue(BorrowerProfile b, List<String> lenders) {
        int worst = 0;
        for (Loan loan : b.loans()) {
            if (named(lenders, loan.lender())) {
                worst = Math.max(worst, loan.daysPastDue());
            }
        }
        return worst;
    }

    private static boolean named(List<String> lenders, String lender) {
        for (String name : lenders) {
            if (name.equalsIgnoreCase(lender)) {
                return true;
            }
        }
        return false;
    }
}
