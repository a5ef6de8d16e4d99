package io.github.creditrisk.examples;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;

import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;
import static io.github.creditrisk.examples.Cast.loan;

/** 6. Many lenders at once. */
final class ManyLendersWalkthrough extends Walkthrough {

    private static final String[] LENDERS = {"Ant Credit", "WeBank", "JD Finance", "Du Xiaoman", "Lexin", "Qudian"};

    public static void main(String[] args) {
        runAlone(new ManyLendersWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("Many lenders at once", "多头借贷");
    }

    @Override
    Text story() {
        return new Text("Mr Lu earns 10,000 a month and repays 500 to each of his lenders: affordable on paper. In"
                + " October he borrowed from five lenders; in November he took a sixth loan.",
                "陆先生月收入1万元，每家机构每月还款500元，账面上尚可承受。10月他在五家机构有贷款，11月又借了第六笔。");
    }

    @Override
    List<Signal> signals() {
        return List.of();
    }

    private static BorrowerProfile lu(String id, int lenders) {
        BorrowerProfile.Builder b = borrower(id, Segment.ORDINARY, "CN-SD-QD", "MANUFACTURING")
                .monthlyIncome("10000").creditLimit("40000").creditScore(690);
        for (int i = 0; i < lenders; i++) {
            b.loan(loan(LENDERS[i], "6000", "500"));
        }
        return b.build();
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Mr Lu with five lenders", "有五家借款机构的陆先生"), lu("LU-FIVE", 5)),
                new Character(new Text("Mr Lu after a sixth loan", "借了第六笔之后的陆先生"), lu("LU-SIX", 6)));
    }

    @Override
    Text moral() {
        return new Text("With five lenders a person reviews the account and nothing changes meanwhile; with six, new"
                + " borrowing is paused. His limit and repayments are untouched either way. He learns which loans lift the"
                + " pause: repaying three of the six lenders in full, since with five or four left a review would still"
                + " be called for.",
                "有五家借款机构时，由人工审核账户，期间一切不变；到第六家时，暂停新增借款。两种情况下他的额度和还款都不受影响。他还会得知还清哪几笔贷款可以解除暂停："
                        + "还清六家中任意三家的贷款，因为剩下五家或四家仍需人工审核。");
    }
}
