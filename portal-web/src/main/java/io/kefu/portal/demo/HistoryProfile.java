package io.kefu.portal.demo;

import io.kefu.complaint.entity.CaseKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What a demo office is like, for {@link HistoryPlan}: how busy it is and when, its kinds of cases, its
 * categories with the department they go to and what residents write, its register of units and people, its staff,
 * and the building where one category keeps coming back. The two demo tenants' profiles are here; they add the
 * departments and categories their workspace lacks.
 */
public record HistoryProfile(double casesPerWorkingDay, int[] season, Map<CaseKind, Integer> kinds,
        List<Department> newDepartments, List<CategoryProfile> categories, List<Person> register,
        String hotSpotBuilding, String hotSpotCategory, String staff, String supervisor, Texts texts) {

    /** A department to add to the demo workspace when it has none with this code. */
    public record Department(String code, String nameZh, String nameEn) {
    }

    /**
     * A category of the workspace (created when missing, with its names), the department its cases go to, the
     * kinds of case it is used for, how common it is, and what residents report and the office does.
     */
    public record CategoryProfile(String code, String nameZh, String nameEn, String department, Set<CaseKind> kinds,
            int weight, List<String> problems, List<String> fixes) {
    }

    /** Somebody on the register: their unit (or store) and how to reach them. */
    public record Person(String building, String unit, String name, String phone) {

        /** The location a case records: building and unit, as staff write it. */
        public String location() {
            return building + " " + unit;
        }
    }

    /** The sentences of the office's history, in the tenant's language. */
    public record Texts(List<String> withdrawals, List<String> rejections, List<String> replies,
            List<String> praises, List<String> complaintsAboutFix, List<String> secondFixes,
            List<String> reopenings) {
    }

    public CategoryProfile category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    public List<String> withdrawals() {
        return texts.withdrawals();
    }

    public List<String> rejections() {
        return texts.rejections();
    }

    public List<String> replies() {
        return texts.replies();
    }

    public List<String> praises() {
        return texts.praises();
    }

    public List<String> complaintsAboutFix() {
        return texts.complaintsAboutFix();
    }

    public List<String> secondFixes() {
        return texts.secondFixes();
    }

    public List<String> reopenings() {
        return texts.reopenings();
    }

    private static final Set<CaseKind> COMPLAINTS = EnumSet.of(CaseKind.COMPLAINT, CaseKind.CONSULTATION,
            CaseKind.SUGGESTION);
    private static final Set<CaseKind> REPAIRS = EnumSet.of(CaseKind.REPAIR, CaseKind.COMPLAINT);
    private static final Set<CaseKind> ANY = EnumSet.allOf(CaseKind.class);

    /** 汇景物业: eight buildings, a busy summer (leaks, air conditioning), building 5's lifts keep failing. */
    public static HistoryProfile huijing(long seed) {
        List<Person> register = new ArrayList<>();
        Random random = new Random(seed);
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
        String[] given = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "丽", "强", "霞", "平", "刚"};
        for (int building = 1; building <= 8; building++) {
            for (int floor = 2; floor <= 18; floor += 1 + random.nextInt(2)) {
                for (int door = 1; door <= 2; door++) {
                    String name = surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)]
                            + (random.nextBoolean() ? given[random.nextInt(given.length)] : "");
                    register.add(new Person(building + "栋", String.format("%d%02d", floor, door), name,
                            "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000))));
                }
            }
        }
        return new HistoryProfile(12, new int[] {85, 80, 95, 100, 105, 120, 130, 125, 105, 100, 95, 90},
                Map.of(CaseKind.REPAIR, 40, CaseKind.COMPLAINT, 31, CaseKind.CONSULTATION, 18,
                        CaseKind.SUGGESTION, 6, CaseKind.PRAISE, 5),
                List.of(new Department("landscaping", "绿化部", "Landscaping")),
                List.of(new CategoryProfile("repairs", "维修报修", "Repairs", "engineering", REPAIRS, 30,
                                List.of("厨房水管漏水，楼下已经渗水。", "卫生间地漏堵塞，反水严重。", "客厅灯不亮，开关跳闸。",
                                        "入户门锁坏了，钥匙拧不动。", "空调外机漏水，滴到楼下阳台。"),
                                List.of("已更换漏水管件，试水正常。", "已疏通地漏并清理管道。", "已更换开关并检查线路，恢复供电。",
                                        "已更换门锁锁芯，交钥匙三把。", "已疏通空调冷凝水管并加装接水管。")),
                        new CategoryProfile("facilities", "设施报修", "Shared facilities", "engineering", REPAIRS, 16,
                                List.of("电梯又停在半层，困了两分钟。", "楼道感应灯坏了一个多星期。", "单元门禁刷卡没反应。",
                                        "地下车库排水沟堵了，积水。"),
                                List.of("电梯维保单位已到场检修，更换门机板。", "已更换楼道灯具。", "已更换门禁读卡器。",
                                        "已疏通排水沟并加装格栅。")),
                        new CategoryProfile("work-quality", "维修质量", "Quality of repairs", "engineering", COMPLAINTS, 6,
                                List.of("上周修的水管又漏了，维修质量太差。", "墙面修补后颜色不一致。"),
                                List.of("工程部返修并由主管验收，业主确认。", "重新粉刷整面墙，颜色一致。")),
                        new CategoryProfile("noise", "噪音/邻里", "Noise and neighbours", "customer-service",
                                COMPLAINTS, 9,
                                List.of("楼上装修中午也在打钻，严重扰民。", "邻居家狗每晚叫到很晚。", "广场舞音响声音太大。"),
                                List.of("已约谈装修户，规定施工时间并巡查。", "已上门沟通，邻居承诺管好宠物。",
                                        "已与舞蹈队协商降低音量并调整时间。")),
                        new CategoryProfile("cleaning", "环境卫生", "Cleaning and hygiene", "cleaning", ANY, 10,
                                List.of("垃圾桶满了没人清，气味很大。", "楼道好几天没拖地。", "电梯里有宠物粪便。"),
                                List.of("已清运垃圾并增加清运频次。", "已安排保洁补做楼道清洁。", "已清洁消毒电梯轿厢。")),
                        new CategoryProfile("security", "安全", "Safety and security", "security", ANY, 8,
                                List.of("小区门口外来车辆随意进出。", "消防通道被私家车堵住。", "晚上有陌生人在楼道徘徊。"),
                                List.of("已加强门岗登记，外来车辆须登记放行。", "已联系车主移车并张贴告示。", "已加强夜间巡逻。")),
                        new CategoryProfile("billing", "收费争议", "Billing dispute", "finance", COMPLAINTS, 7,
                                List.of("物业费账单多收了一个月。", "停车费涨价没有提前通知。", "水费分摊金额不合理。"),
                                List.of("财务核对后已退还多收费用。", "已说明调价依据并补发通知。", "已重新核算公摊水费。")),
                        new CategoryProfile("service-attitude", "服务态度", "Service attitude", "customer-service",
                                EnumSet.of(CaseKind.COMPLAINT, CaseKind.PRAISE), 7,
                                List.of("前台接待态度冷淡，问话不理。", "保安说话很冲。", "感谢赵师傅耐心细致的维修！"),
                                List.of("已对当事员工进行服务规范培训并致歉。", "已向业主当面道歉。", "已转达表扬并在例会通报。")),
                        new CategoryProfile("greening", "绿化养护", "Landscaping", "landscaping", ANY, 5,
                                List.of("草坪很久没修剪了。", "树枝挡住了二楼窗户。", "花坛里的植物枯死了。"),
                                List.of("已安排修剪草坪。", "已修剪遮挡树枝。", "已补种花卉。")),
                        new CategoryProfile("other", "其他", "Other", null, ANY, 4,
                                List.of("请问快递柜什么时候修好？", "建议在小区增加儿童游乐设施。", "请问怎么办理车位租赁？"),
                                List.of("已答复并告知办理流程。", "建议已记录，提交经理办公会讨论。"))),
                register, "5栋", "facilities", "huijing.staff", "huijing.supervisor",
                new Texts(List.of("问题已自行解决，撤回投诉。", "家人已处理好了，不用上门了。"),
                        List.of("经现场核实，噪音来自小区外施工工地，不属物业管理范围。", "经核对，账单无误，已向业主解释。",
                                "监控显示当日保洁已按时作业，投诉情况不属实。"),
                        List.of("您好！您反映的问题已收到，我们正在安排处理，今天内给您答复。谢谢！",
                                "您好！维修师傅已安排今天下午上门，请保持电话畅通。谢谢，再见！"),
                        List.of("已经修好了，谢谢！", "处理得很及时，满意。"),
                        List.of("问题还没有彻底解决。", "维修后第二天又出现了。", "处理太慢了。"),
                        List.of("返修完成，主管现场验收合格。", "已更换整段管道并跟踪三天无异常。"),
                        List.of("业主反映问题复发，重新处理。", "回访后发现维修未彻底，重新派工。")));
    }

    /** Riverside Mall: four levels of stores, a Christmas rush, level 2's escalators keep stopping. */
    public static HistoryProfile riverside(long seed) {
        List<Person> register = new ArrayList<>();
        Random random = new Random(seed);
        String[] shops = {"Green Leaf Cafe", "Urban Threads", "Kiddo Toys", "Sole Mate Shoes", "Pixel Phones",
                "Bloom Florist", "Noodle House", "Bright Optics", "Page Turner Books", "Fit Zone", "Tea Garden",
                "Home & Co", "Sweet Spot Bakery", "Glow Beauty", "Tech Hub", "Little Chef"};
        String[] names = {"Tan", "Lim", "Lee", "Ng", "Wong", "Kumar", "Chen", "Goh", "Ong", "Smith", "Rahman", "Teo"};
        String[] first = {"Alice", "Ben", "Chloe", "David", "Ethan", "Fiona", "Grace", "Henry", "Ivy", "Jason",
                "Kelly", "Leo", "Mei", "Nina", "Owen", "Priya"};
        for (int level = 1; level <= 4; level++) {
            for (int store = 1; store <= 24; store++) {
                String shop = shops[random.nextInt(shops.length)];
                register.add(new Person("L" + level, String.format("#%02d-%02d", level, store),
                        first[random.nextInt(first.length)] + " " + names[random.nextInt(names.length)] + " ("
                                + shop + ")",
                        "+65 " + (8 + random.nextInt(2)) + String.format("%07d", random.nextInt(10_000_000))));
            }
        }
        return new HistoryProfile(6, new int[] {110, 115, 95, 95, 100, 100, 105, 100, 95, 100, 120, 140},
                Map.of(CaseKind.COMPLAINT, 35, CaseKind.CONSULTATION, 28, CaseKind.REPAIR, 17,
                        CaseKind.SUGGESTION, 11, CaseKind.PRAISE, 9),
                List.of(new Department("cleaning", "保洁部", "Cleaning")),
                List.of(new CategoryProfile("product-quality", "商品质量", "Product quality", "operations",
                                COMPLAINTS, 12,
                                List.of("The jacket I bought tore at the seam after one wash.",
                                        "Fruit from the supermarket was mouldy inside."),
                                List.of("Store replaced the item and apologised.", "Refund made; supplier informed.")),
                        new CategoryProfile("transaction-dispute", "交易纠纷", "Transaction dispute", "customer-service",
                                COMPLAINTS, 10,
                                List.of("I was charged twice at the cashier.", "The promotion price was not applied."),
                                List.of("Double charge refunded to the card.", "Price difference refunded.")),
                        new CategoryProfile("returns", "退换货", "Returns and exchanges", "customer-service",
                                COMPLAINTS, 9,
                                List.of("The store refuses to exchange shoes bought three days ago.",
                                        "Can I return a gift without a receipt?"),
                                List.of("Exchange arranged with the tenant store.", "Explained the return policy.")),
                        new CategoryProfile("service-attitude", "服务态度", "Service attitude", "operations",
                                EnumSet.of(CaseKind.COMPLAINT, CaseKind.PRAISE), 10,
                                List.of("The information counter staff were rude.", "Great help from the concierge!",
                                        "Security guard shouted at my children."),
                                List.of("Staff coached on service standards; apology made.",
                                        "Praise passed on to the team.")),
                        new CategoryProfile("technical-fault", "技术故障", "Technical fault", "engineering", REPAIRS, 9,
                                List.of("The car park payment machine does not take cards.",
                                        "Free Wi-Fi keeps disconnecting."),
                                List.of("Card reader replaced.", "Access point reset and firmware updated.")),
                        new CategoryProfile("facilities", "公共设施", "Facilities", "engineering", REPAIRS, 14,
                                List.of("The escalator near the food court stopped again.",
                                        "Air conditioning too weak on this level.", "Toilet flush broken."),
                                List.of("Escalator contractor repaired the step chain.", "Chiller serviced.",
                                        "Flush valve replaced.")),
                        new CategoryProfile("hygiene", "卫生", "Cleanliness", "cleaning", ANY, 8,
                                List.of("Toilets on this level are dirty.",
                                        "Spilled drink left on the floor for hours."),
                                List.of("Extra cleaning round added.", "Area cleaned; cleaner schedule checked.")),
                        new CategoryProfile("security", "安全问题", "Safety and security", "security", ANY, 6,
                                List.of("My bag was stolen in the food court.", "Fire exit blocked by boxes."),
                                List.of("CCTV reviewed and police report supported.", "Exit cleared; store warned.")),
                        new CategoryProfile("other", "其他", "Other", null, ANY, 6,
                                List.of("What are the opening hours on public holidays?",
                                        "Please add more seats near the cinema."),
                                List.of("Answered with the holiday hours.", "Suggestion passed to mall management."))),
                register, "L2", "facilities", "riverside.staff", "riverside.supervisor",
                new Texts(List.of("Sorted it out with the store myself.", "No longer needed, thank you."),
                        List.of("CCTV shows the charge was made once; the bank statement was misread.",
                                "The promotion had ended the day before, as displayed."),
                        List.of("Hello, we have received your feedback and will reply today. Thank you.",
                                "Hello, our technician is on the way. Thank you for your patience, goodbye."),
                        List.of("All fixed, thank you!", "Quick response, thanks."),
                        List.of("The problem is still there.", "It took far too long."),
                        List.of("Repaired again and checked by the supervisor.",
                                "Part replaced; monitored for a week."),
                        List.of("Customer reports the fault is back.", "Follow-up found the repair did not hold.")));
    }
}
