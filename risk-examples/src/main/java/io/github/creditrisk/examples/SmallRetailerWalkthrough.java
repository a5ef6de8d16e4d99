package io.github.creditrisk.examples;

import io.github.creditrisk.Segment;
import io.github.creditrisk.Signal;

import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;
import static io.github.creditrisk.examples.Cast.loan;

/** 1. The small retailer whose sales collapsed. */
final class SmallRetailerWalkthrough extends Walkthrough {

    public static void main(String[] args) {
        runAlone(new SmallRetailerWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("The small retailer whose sales collapsed", "销售额骤降的小店主");
    }

    @Override
    Text story() {
        return new Text("Ms Lin runs a clothing shop in Guangzhou. Her line of 150,000 was granted when the shop sold"
                + " about 100,000 a month. Last month it sold 45,000, and her repayments to three lenders now take"
                + " two thirds of her income. Her neighbour Mr Zhou had a slower month too, but nothing like hers.",
                "林女士在广州经营一家服装店。她15万元的额度是在店铺月销售额约10万元时批出的。上个月销售额只有4.5万元，"
                        + "而她在三家机构的还款已占收入的三分之二。隔壁的周先生上个月生意也差了些，但远没有这么严重。");
    }

    @Override
    List<Signal> signals() {
        return List.of();
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Ms Lin, clothing shop owner", "林女士，服装店主"),
                        borrower("SBO-LIN", Segment.SMALL_BUSINESS_OWNER, "CN-GD-GZ", "RETAIL")
                                .monthlyIncome("12000").creditLimit("150000").creditScore(690).previousCreditScore(700)
                                .loan(loan("Ant Credit", "60000", "3500"))
                                .loan(loan("WeBank", "40000", "2600"))
                                .loan(loan("ICBC", "30000", "1800"))
                                .monthlyRevenue("100000", "98000", "102000", "45000")
                                .build()),
                new Character(new Text("Mr Zhou, the shop next door", "周先生，隔壁店主"),
                        borrower("SBO-ZHOU", Segment.SMALL_BUSINESS_OWNER, "CN-GD-GZ", "RETAIL")
                                .monthlyIncome("11000").creditLimit("120000").creditScore(705).previousCreditScore(700)
                                .loan(loan("Ant Credit", "50000", "3000"))
                                .monthlyRevenue("90000", "95000", "92000", "70000")
                                .build()));
    }

    @Override
    Text moral() {
        return new Text("Ms Lin's line is cut by 30%, not closed: two findings each call for 30%, and cuts never add"
                + " up. She is told why, with her own figures, and offered a repayment plan. Mr Zhou's dip (70,000 is"
                + " still above 60% of his usual sales) changes nothing. Each of her two cuts says what lifts it: next"
                + " month's sales of 49,000 lift the one for sales, repayments of 7,200 (or a verified income of"
                + " 13,167, or the ICBC loan repaid) the one for debt.",
                "林女士的额度被降低30%，而不是被关闭：两项发现各要求降额30%，降额不叠加。她得到了附有自身数据的原因说明，"
                        + "并可申请分期还款。周先生的销售额小幅下滑（7万元仍高于平时的60%），额度不受影响。两项降额各自说明了解除办法：下个月销售额达到4.9万元即可解除"
                        + "销售额一项；每月还款降至7,200元（或核实月收入达到13,167元，或还清工商银行的贷款）即可解除负债一项。");
    }
}
