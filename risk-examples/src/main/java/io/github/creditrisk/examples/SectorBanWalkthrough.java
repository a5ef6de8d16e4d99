package io.github.creditrisk.examples;

import io.github.creditrisk.SectorBan;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;
import static io.github.creditrisk.examples.Cast.loan;

/** 2. The regulator's sector ban. */
final class SectorBanWalkthrough extends Walkthrough {

    static final String REGULATION = "Regulatory Notice 2026-7 on online lending intermediaries";

    public static void main(String[] args) {
        runAlone(new SectorBanWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("The regulator's sector ban", "监管部门的行业限贷");
    }

    @Override
    Text story() {
        return new Text("On 15 October 2026 the regulator restricted lending to people who work in P2P lending. Three"
                + " customers work in the sector; a fourth works in retail. None of them did anything wrong.",
                "2026年10月15日，监管部门限制向P2P网贷行业从业者放贷。三位客户在该行业工作，第四位在零售业工作。"
                        + "他们都没有做错什么。");
    }

    @Override
    List<Signal> signals() {
        return List.of(new SectorBan("BAN-2026-7", "P2P_LENDING", REGULATION, LocalDate.of(2026, 10, 15), null));
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Mr Wang, analyst at a P2P platform in Shanghai", "王先生，上海某P2P平台分析师"),
                        borrower("P2P-WANG", Segment.ORDINARY, "CN-SH", "P2P_LENDING")
                                .monthlyIncome("15000").creditLimit("40000").creditScore(720).build()),
                new Character(new Text("Ms Chen, who runs a lending intermediary in Hangzhou, with a loan to repay",
                        "陈女士，在杭州经营一家网贷中介，仍有贷款在还"),
                        borrower("P2P-CHEN", Segment.SMALL_BUSINESS_OWNER, "CN-ZJ-HZ", "P2P_LENDING")
                                .monthlyIncome("30000").creditLimit("100000").creditScore(700)
                                .loan(loan("WeBank", "20000", "1500")).build()),
                new Character(new Text("Mrs Zhao, an investor in several platforms", "赵女士，多家平台的投资人"),
                        borrower("P2P-ZHAO", Segment.HIGH_NET_WORTH, "CN-BJ", "P2P_LENDING")
                                .monthlyIncome("80000").creditLimit("500000").creditScore(780).build()),
                new Character(new Text("Mr Liu, shop assistant in Shanghai", "刘先生，上海的店员"),
                        borrower("RET-LIU", Segment.ORDINARY, "CN-SH", "RETAIL")
                                .monthlyIncome("7000").creditLimit("20000").creditScore(690).build()));
    }

    @Override
    Text moral() {
        return new Text("The three in the sector cannot borrow anew while the ban lasts. Each is told which regulation"
                + " requires it and that it is not a judgement of them. Their limits, their existing loans and their"
                + " repayments are untouched, and they learn that new borrowing resumes when the ban ends: nothing else"
                + " they could do would lift it. Mr Liu, in another sector, is not affected.",
                "该行业的三位客户在限贷期间不能新增借款，并被告知这是哪项监管规定的要求、并非针对个人的评价；他们的额度、"
                        + "现有贷款和还款均不受影响；他们还会得知，禁令结束后即可恢复借款，除此之外没有其他办法。其他行业的刘先生不受影响。");
    }
}
