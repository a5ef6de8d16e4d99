package io.github.creditrisk.examples;

import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.Segment;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;

import java.time.LocalDate;
import java.util.List;

import static io.github.creditrisk.examples.Cast.borrower;

/** 3. A regional downturn, tiered by segment, with a city signal inside a province signal. */
final class RegionalDownturnWalkthrough extends Walkthrough {

    public static void main(String[] args) {
        runAlone(new RegionalDownturnWalkthrough(), args);
    }

    @Override
    Text title() {
        return new Text("A regional downturn, managed by tier", "区域经济下行与分层管理");
    }

    @Override
    Text story() {
        return new Text("Guangdong's exporters have been struggling since September (a HIGH downturn for the"
                + " province), and Shenzhen's electronics layoffs made October worse there (a SEVERE downturn for the"
                + " city). The same news lands differently on different customers.",
                "自9月起广东出口企业经营困难（全省“高”级经济下行），10月深圳电子行业裁员使当地雪上加霜（深圳市“严重”级"
                        + "经济下行）。同一消息对不同客户的影响各不相同。");
    }

    @Override
    List<Signal> signals() {
        return List.of(
                new RegionalDownturn("DT-GD-2026-09", "CN-GD", Severity.HIGH, LocalDate.of(2026, 9, 1), null,
                        "export slump"),
                new RegionalDownturn("DT-SZ-2026-10", "CN-GD-SZ", Severity.SEVERE, LocalDate.of(2026, 10, 1), null,
                        "electronics layoffs"));
    }

    @Override
    List<Character> cast() {
        return List.of(
                new Character(new Text("Mr Huang, who trades electronic parts in Shenzhen", "黄先生，深圳电子元件贸易商"),
                        borrower("SZ-HUANG", Segment.SMALL_BUSINESS_OWNER, "CN-GD-SZ", "RETAIL")
                                .monthlyIncome("25000").creditLimit("100000").creditScore(700).build()),
                new Character(new Text("Ms Xu, office worker in Shenzhen", "徐女士，深圳上班族"),
                        borrower("SZ-XU", Segment.ORDINARY, "CN-GD-SZ", "IT_SERVICES")
                                .monthlyIncome("12000").creditLimit("50000").creditScore(710).build()),
                new Character(new Text("Mr He, a graduate in his first job in Shenzhen", "何先生，深圳应届毕业生"),
                        borrower("SZ-HE", Segment.FIRST_TIME, "CN-GD-SZ", "IT_SERVICES")
                                .monthlyIncome("8000").creditLimit("8000").creditScore(640).build()),
                new Character(new Text("Mrs Guo, a property owner in Shenzhen", "郭女士，深圳业主"),
                        borrower("SZ-GUO", Segment.HIGH_NET_WORTH, "CN-GD-SZ", "REAL_ESTATE")
                                .monthlyIncome("90000").creditLimit("500000").creditScore(780).build()),
                new Character(new Text("Mr Liang, a restaurant owner in Guangzhou (the province, not Shenzhen)",
                        "梁先生，广州餐馆老板（在广东省内，但不在深圳）"),
                        borrower("GZ-LIANG", Segment.SMALL_BUSINESS_OWNER, "CN-GD-GZ", "CATERING")
                                .monthlyIncome("20000").creditLimit("80000").creditScore(700).build()),
                new Character(new Text("Ms Sun, a shop owner in Beijing, far from both", "孙女士，北京店主，不在下行地区"),
                        borrower("BJ-SUN", Segment.SMALL_BUSINESS_OWNER, "CN-BJ", "RETAIL")
                                .monthlyIncome("20000").creditLimit("80000").creditScore(700).build()));
    }

    @Override
    Text moral() {
        return new Text("In Shenzhen only the severe city downturn counts; it does not stack on the province's. The"
                + " small-business owner, most exposed, is cut 40% and cannot borrow anew; ordinary and first-time"
                + " customers are cut 20%; the high-net-worth customer's line is only held where it is. In Guangzhou"
                + " the province's HIGH downturn applies (a 20% cut for a small business); Beijing is untouched.",
                "在深圳只计算更严重的市级下行，不与省级叠加：最易受冲击的小微企业主降额40%并暂停新增借款；普通客户和首次借款"
                        + "客户降额20%；高净值客户仅冻结额度。广州适用全省“高”级下行（小微企业降额20%）；北京不受影响。");
    }
}
