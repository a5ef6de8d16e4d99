package io.github.creditrisk.examples;

import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;

import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;

/** 4. The big-data score drop. */
final class ScoreDropWalkthrough extends Walkthrough {

    public static void main(String[] args) {
        runAlone(new ScoreDropWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("The big-data score drop", "大数据信用分下降");
    }

    @Override
    Text story() {
        return new Text("The monthly refresh of the big-data credit score came in. Mr Ma's score fell by 60 points,"
                + " Ms Qian's by 130. Mr Tang is a first-time borrower with a low score and no earlier one.",
                "每月一次的大数据信用分更新出来了：马先生的分数下降了60分，钱女士下降了130分。唐先生是首次借款客户，"
                        + "分数较低且没有历史评分。");
    }

    @Override
    List<Signal> signals() {
        return List.of();
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Mr Ma, a score down 60 points", "马先生，信用分下降60分"),
                        borrower("SCD-MA", Segment.ORDINARY, "CN-SC-CD", "LOGISTICS")
                                .monthlyIncome("10000").creditLimit("60000").creditScore(660).previousCreditScore(720)
                                .build()),
                new Character(new Text("Ms Qian, a score down 130 points", "钱女士，信用分下降130分"),
                        borrower("SCD-QIAN", Segment.ORDINARY, "CN-SC-CD", "EDUCATION")
                                .monthlyIncome("10000").creditLimit("60000").creditScore(610).previousCreditScore(740)
                                .build()),
                new Character(new Text("Mr Tang, a first-time borrower without history", "唐先生，没有信用历史的首次借款客户"),
                        borrower("SCD-TANG", Segment.FIRST_TIME, "CN-SC-CD", "CATERING")
                                .monthlyIncome("5000").creditLimit("5000").creditScore(560).build()));
    }

    @Override
    Text moral() {
        return new Text("A fall of 60 points holds Mr Ma's line where it is; a fall of 130 cuts Ms Qian's by half and"
                + " sends her account to a person for review. Mr Tang is not penalised for having no history.",
                "下降60分只冻结马先生的额度；下降130分则使钱女士的额度减半并转人工审核。唐先生不会因为没有历史记录而受罚。");
    }
}
