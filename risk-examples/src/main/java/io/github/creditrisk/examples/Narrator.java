package io.github.creditrisk.examples;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Decision;
import io.github.creditrisk.Exemption;
import io.github.creditrisk.Language;
import io.github.creditrisk.Loan;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Remedy;
import io.github.creditrisk.Restriction;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Tells a walkthrough for people: aligned, readable, in English or Chinese. */
final class Narrator {

    private static final int WIDTH = 100;

    private final PrintStream out;
    private final Language lang;

    Narrator(PrintStream out, Language lang) {
        this.out = out;
        this.lang = lang;
    }

    private String t(String en, String zh) {
        return lang == Language.ZH ? zh : en;
    }

    void tell(int number, Walkthrough w, Map<String, Decision> decisions) {
        String title = number + ". " + w.title().in(lang);
        out.println();
        out.println(title);
        out.println("=".repeat(Math.min(WIDTH, lang == Language.ZH ? title.length() * 2 : title.length())));
        wrap(w.story().in(lang), "").forEach(out::println);
        out.println();
        List<Signal> signals = w.signals();
        if (signals.isEmpty()) {
            field(t("signals", "信号"), t("none active", "无"));
        }
        for (int i = 0; i < signals.size(); i++) {
            field(i == 0 ? t("signals", "信号") : "", signal(signals.get(i)));
        }
        for (Walkthrough.Character c : w.cast()) {
            out.println();
            out.println("▸ " + c.who().in(lang));
            describe(c.profile());
            decision(decisions.get(c.profile().id()));
        }
        out.println();
        wrap(w.moral().in(lang), "").forEach(line -> out.println("» " + line));
    }

    private void describe(BorrowerProfile b) {
        field(t("borrower", "借款人"), b.id() + " · " + segment(b) + " · " + b.region()
                + (b.sector() == null ? "" : " · " + b.sector()));
        BigDecimal repayments = BigDecimal.ZERO;
        Set<String> lenders = new HashSet<>();
        for (Loan l : b.loans()) {
            if (l.isActive()) {
                repayments = repayments.add(l.monthlyPayment());
                lenders.add(l.lender().toLowerCase(Locale.ROOT));
            }
        }
        String score = t("score ", "信用分 ") + b.creditScore()
                + (b.previousCreditScore() == null ? t(" (no earlier score)", "（无历史评分）")
                : t(" (was ", "（上次 ") + b.previousCreditScore() + t(")", "）"));
        field(t("finances", "财务"), t("income ", "月收入 ") + amount(b.monthlyIncome()) + t(" a month", "")
                + " · " + t("credit limit ", "信用额度 ") + amount(b.creditLimit()) + " · " + score);
        if (!b.loans().isEmpty()) {
            field(t("loans", "贷款"), t("repays ", "每月还款 ") + amount(repayments) + t(" a month to ", "，涉及 ")
                    + lenders.size() + t(lenders.size() == 1 ? " lender" : " lenders", " 家机构"));
            for (Loan l : b.loans()) {
                if (l.daysPastDue() > 0) {
                    field("", l.lender() + ": " + t(l.daysPastDue() + " days overdue since ",
                            "逾期 " + l.daysPastDue() + " 天，自 ") + date(Walkthrough.AS_OF.minusDays(l.daysPastDue())));
                }
            }
        }
        if (!b.monthlyRevenue().isEmpty()) {
            field(t("sales", "销售额"), b.monthlyRevenue().stream().map(Narrator::amount)
                    .collect(Collectors.joining(" → ")) + t(" (monthly, oldest first)", "（按月，由远及近）"));
        }
    }

    private void decision(Decision d) {
        String limit = amount(d.creditLimit()) + (d.recommendedLimit().compareTo(d.creditLimit()) == 0
                ? t(" (unchanged)", "（不变）") : " → " + amount(d.recommendedLimit()));
        field(t("decision", "决定"), outcome(d) + " · " + t("credit limit ", "信用额度 ") + limit);
        for (Restriction r : d.restrictions()) {
            out.printf("  %-12s✗ %s  ·  %s · %s%n", "", type(r), r.family(), r.rule());
            wrap(r.reason(), indent()).forEach(out::println);
            out.println(indent() + t("remedies: ", "可选补救：") + remedies(r.remedies()));
            if (r.lift() != null) {
                if (r.lift().isEmpty()) {
                    out.println(indent() + t("what lifts it: nothing the customer can do; they can appeal",
                            "解除方式：客户无法自行解除，可以申诉"));
                }
                for (int i = 0; i < r.lift().size(); i++) {
                    List<String> lines = wrap(r.lift().get(i).text(), indent() + "  ");
                    if (i == 0) {
                        out.println(indent() + t("what lifts it:", "解除方式："));
                    }
                    out.println(indent() + "• " + lines.get(0).strip());
                    lines.subList(1, lines.size()).forEach(out::println);
                }
            }
        }
        for (Exemption e : d.exemptions()) {
            out.printf("  %-12s✓ %s  ·  %s · %s%n", "", t("exempt", "豁免"), e.family(), e.rule());
            wrap(e.reason(), indent()).forEach(out::println);
            out.println(indent() + t("remedies: ", "可选补救：") + remedies(e.remedies()));
        }
        List<String> notice = wrap("“" + d.notice() + "”", indent());
        field(t("notice", "通知"), notice.get(0).strip());
        notice.subList(1, notice.size()).forEach(out::println);
    }

    private static String indent() {
        return " ".repeat(16);
    }

    private void field(String label, String value) {
        out.println("  " + label + " ".repeat(Math.max(0, 12 - columns(label))) + "  " + value);
    }

    private String outcome(Decision d) {
        return switch (d.outcome()) {
            case APPROVE -> t("APPROVE", "通过");
            case REVIEW -> t("REVIEW", "人工审核");
            case RESTRICT -> t("RESTRICT", "限制");
        };
    }

    private String type(Restriction r) {
        return switch (r.type()) {
            case BLOCK_NEW_BORROWING -> t("no new borrowing", "暂停新增借款");
            case REDUCE_LIMIT -> t("limit cut " + r.reductionPercent() + "%", "降额 " + r.reductionPercent() + "%");
            case FREEZE_LIMIT -> t("limit frozen", "冻结额度");
            case MANUAL_REVIEW -> t("manual review", "人工审核");
        };
    }

    private String remedies(List<Remedy> remedies) {
        List<String> names = new ArrayList<>();
        for (Remedy r : remedies) {
            names.add(switch (r) {
                case APPEAL -> t("appeal", "申诉");
                case REPAYMENT_PLAN -> t("repayment plan", "分期还款");
                case EXTENSION -> t("extension", "延期还款");
                case CREDIT_REPAIR -> t("credit repair", "征信修复");
            });
        }
        return String.join(lang == Language.ZH ? "、" : ", ", names);
    }

    private String segment(BorrowerProfile b) {
        return switch (b.segment()) {
            case ORDINARY -> t("ordinary customer", "普通客户");
            case SMALL_BUSINESS_OWNER -> t("small-business owner", "小微企业主");
            case HIGH_NET_WORTH -> t("high-net-worth customer", "高净值客户");
            case FIRST_TIME -> t("first-time borrower", "首次借款客户");
        };
    }

    private String signal(Signal s) {
        String window = t("since ", "自 ") + date(s.since()) + (s.until() == null ? "" : t(" until ", " 至 ") + date(s.until()));
        if (s instanceof RegionalDownturn d) {
            return t("regional downturn ", "区域经济下行 ") + d.region() + " · " + t("severity ", "严重程度 ")
                    + d.severity() + " · " + window + (d.note() == null ? "" : " · " + d.note());
        }
        if (s instanceof SectorBan b) {
            return t("sector ban ", "行业限贷 ") + b.sector() + " · " + b.regulation() + " · " + window;
        }
        ServiceOutage o = (ServiceOutage) s;
        return t("service outage ", "系统故障 ") + window + (o.note() == null ? "" : " · " + o.note());
    }

    private String date(LocalDate d) {
        return lang == Language.ZH ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
                : d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                + " " + d.getYear();
    }

    static String amount(BigDecimal value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** Lines of at most {@link #WIDTH} columns (Chinese characters count double), each after {@code indent}. */
    private List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        int width = indent.length();
        for (String token : tokens(text)) {
            int w = columns(token);
            // Closing punctuation stays on the line it closes, even one column over.
            boolean closing = token.length() == 1 && "，。；：、）”！？".indexOf(token.charAt(0)) >= 0;
            if (width + w > WIDTH && line.length() > indent.length() && !closing) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent);
                width = indent.length();
                if (token.isBlank()) {
                    continue;
                }
            }
            line.append(token);
            width += w;
        }
        if (line.length() > indent.length()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Words with their following space, and each Chinese character on its own (it may break anywhere). */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || isWidePunctuation(c)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(String.valueOf(c));
            } else {
                word.append(c);
                if (c == ' ') {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static int columns(String token) {
        int w = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            w += Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || isWidePunctuation(c) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWidePunctuation(char c) {
        return (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef') || c == '“' || c == '”';
    }
}
