package io.github.creditrisk.examples;

import io.github.creditrisk.Segment;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Signal;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;
import static io.github.creditrisk.examples.Cast.loan;

/** 5. The outage that was not the borrower's fault. */
final class ServiceOutageWalkthrough extends Walkthrough {

    public static void main(String[] args) {
        runAlone(new ServiceOutageWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("The outage that was not the borrower's fault", "不是借款人的错：系统故障期间的逾期");
    }

    @Override
    Text story() {
        return new Text("From 25 to 28 September 2026 the repayment channel was down during a core-banking upgrade."
                + " Ms Fang's instalment fell due on 27 September and could not be paid. Mr Du's fell due on"
                + " 30 September, after the channel was back, and he did not pay it.",
                "2026年9月25日至28日，核心系统升级导致还款渠道中断。方女士的还款日是9月27日，当时无法还款。杜先生的还款日是"
                        + "9月30日，渠道已恢复，但他没有还款。");
    }

    @Override
    List<Signal> signals() {
        return List.of(new ServiceOutage("OUT-2026-09", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 28),
                "core-banking upgrade"));
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Ms Fang, due on 27 September, during the outage", "方女士，9月27日到期，正值系统故障"),
                        borrower("OUT-FANG", Segment.ORDINARY, "CN-HB-WH", "HEALTHCARE")
                                .monthlyIncome("9000").creditLimit("30000").creditScore(700)
                                .loan(loan("Home Credit", "8000", "800").overdueBy(35)).build()),
                new Character(new Text("Mr Du, due on 30 September, after the outage", "杜先生，9月30日到期，系统已恢复"),
                        borrower("OUT-DU", Segment.ORDINARY, "CN-HB-WH", "CONSTRUCTION")
                                .monthlyIncome("9000").creditLimit("30000").creditScore(700)
                                .loan(loan("Home Credit", "8000", "800").overdueBy(32)).build()));
    }

    @Override
    Text moral() {
        return new Text("Ms Fang's overdue counts for nothing: the decision says so and offers to correct her credit"
                + " record. Mr Du's overdue of more than 30 days pauses new borrowing, with the reason and an appeal."
                + " Both can still repay.",
                "方女士的逾期不计入任何不利记录，决定中写明了这一点，并可申请征信修复。杜先生逾期超过30天，暂停新增借款，"
                        + "并附有原因和申诉渠道。两人都可以照常还款。");
    }
}
