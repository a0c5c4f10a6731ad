package io.kefu.portal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.callback.entity.AttemptInput;
import io.kefu.callback.entity.CallbackMethod;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.callback.entity.Satisfaction;
import io.kefu.complaint.entity.Actor;
import io.kefu.compensation.entity.Compensation;
import io.kefu.confidentiality.control.Contact;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.export.PdfDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The registration form and the case sheet, read back with another PDF library: the case's number and facts, the
 * paper form's labels and signature boxes in the reader's language, times in the tenant's zone. Page 1 of each is
 * rendered to {@code target/pdf/} to be looked at.
 */
class PrintableFormsTest {

    private static final Instant T0 = Instant.parse("2026-11-03T01:15:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path OUT = Path.of("target", "pdf");

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Actor wang = Actor.staff("huijing.staff");

    private CaseFile closedCase() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 42),
                new Intake(CaseKind.COMPLAINT, "leak", "卫生间天花板漏水，楼上装修后每天滴水，已影响使用。", "3栋2单元1502",
                        "王女士", "13800138000", "wang@example.com", "尽快维修并赔偿损失", false),
                Channel.VISIT, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofDays(3))), clock);
        c.accept(wang, Clock.offset(clock, Duration.ofMinutes(10)));
        c.note(wang, "已联系楼上业主", Clock.offset(clock, Duration.ofMinutes(30)));
        c.resolve(wang, "已更换楼上防水层并修复天花板", Clock.offset(clock, Duration.ofDays(1)));
        CallbackTask callback = CallbackTask.forCase(c, "staff", T0.plus(Duration.ofDays(3)), clock);
        callback.record(Actor.staff("huijing.staff2"), new AttemptInput(CallbackMethod.PHONE, true,
                Satisfaction.SATISFIED, 5, "客户表示满意"), 3, Duration.ZERO, Clock.offset(clock, Duration.ofDays(2)));
        c.close(Actor.staff("huijing.staff2"), CallbackOutcome.SATISFIED, Clock.offset(clock, Duration.ofDays(2)));
        Compensation refund = new Compensation(c, 1, CompensationType.COMPENSATION, 35_000, "天花板污损赔偿", wang,
                Clock.offset(clock, Duration.ofHours(20)));
        refund.approve(Actor.supervisor("huijing.super"), 200_000L, Clock.offset(clock, Duration.ofHours(22)));
        return new CaseFile(c, "漏水", "工程部", "3栋 1502", List.of(new Attachment.Summary(1, "天花板.jpg",
                "image/jpeg", 204_800, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))), List.of(callback),
                List.of(refund), Contact.of(c));
    }

    @Test
    void theFilledRegistrationFormCarriesTheCaseAndThePaperFormsLabels() throws IOException {
        byte[] pdf = RegistrationForm.of(closedCase(), Locale.SIMPLIFIED_CHINESE, SHANGHAI).pdf("汇景物业", null);

        String text = text(pdf, "registration-filled-zh_CN");
        for (String expected : List.of("汇景物业", "来人来电来访登记表", "202611-0042", "登记时间", "2026-11-03 09:15",
                "来源方式", "■ 来人来访", "□ 来电", "□ 网上", "来人姓名", "王女士", "13800138000", "3栋 1502 · 3栋2单元1502",
                "投诉内容", "卫生间天花板漏水", "客户期望", "尽快维修并赔偿损失", "接待人", "huijing.staff", "处理部门", "工程部",
                "处理结果", "已更换楼上防水层", "回访结果", "满意", "回访人", "huijing.staff2", "2026-11-05 09:15",
                "填写人签字", "填写日期", "主管阅签", "第 1 页 / 共 1 页")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
    }

    @Test
    void theBlankFormHasEveryBoxAndNoCase() throws IOException {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            byte[] pdf = RegistrationForm.of(null, locale, SHANGHAI).pdf("汇景物业", null);

            String text = text(pdf, "registration-blank-" + locale);
            boolean zh = locale != Locale.ENGLISH;
            for (String expected : zh ? List.of("来人来电来访登记表", "编号：", "□ 来人来访", "□ 来电", "□ 来函", "□ 网上",
                    "投诉内容", "处理结果", "填写人签字", "填写日期", "主管阅签")
                    : List.of("Register of Visits, Calls and Letters", "No.", "□ In person", "□ Phone", "Complaint",
                    "Filled in by", "Supervisor", "Page 1 of 1")) {
                assertTrue(text.contains(expected), locale + ": " + expected + " in:\n" + text);
            }
            assertFalse(text.contains("■"), "nothing ticked on a blank form");
        }
    }

    @Test
    void theCaseSheetListsTheWholeHistoryFilesAndCallbacks() throws IOException {
        CaseFile file = closedCase();
        byte[] pdf = CaseSheet.of(file, Locale.SIMPLIFIED_CHINESE, SHANGHAI).pdf("汇景物业", null);

        String text = text(pdf, "case-sheet-zh_CN");
        for (String expected : List.of("客诉案件单", "202611-0042", "案件信息", "已关闭", "处理经过", "登记", "受理",
                "内部备注 · 内部", "已联系楼上业主", "已解决", "已更换楼上防水层并修复天花板", "关闭", "附件", "天花板.jpg",
                "image/jpeg", "200 KB", "回访记录", "电话", "客户表示满意", "5/5", "填写人签字", "主管阅签")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        // The compensation's narrow columns wrap: its words are read without the line breaks.
        String unwrapped = text.replaceAll("\\s", "");
        for (String expected : List.of("折让、赔款、退货", "赔款", "350.00", "天花板污损赔偿", "已批准", "huijing.super")) {
            assertTrue(unwrapped.contains(expected), expected + " in:\n" + text);
        }
        assertEquals(file.complaint().history().size(), CaseSheet.of(file, Locale.SIMPLIFIED_CHINESE, SHANGHAI)
                .parts().stream().filter(p -> p instanceof CaseSheet.Listing).map(CaseSheet.Listing.class::cast)
                .findFirst().orElseThrow().rows().size(), "one row per history entry");
    }

    @Test
    void aFormRowThatDoesNotFillItsColumnsIsRefused() {
        PdfDocument document = PdfDocument.a4(Locale.SIMPLIFIED_CHINESE, "{0}/{1}");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> document.form(null,
                RegistrationForm.WIDTHS, List.of(List.of(PdfDocument.FormCell.label("时间")))));
    }

    /** The text of the PDF; page 1 rendered to {@code target/pdf/<name>.png}. */
    private static String text(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(OUT);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    OUT.resolve(name + ".png").toFile());
            return new PDFTextStripper().getText(document);
        }
    }
}
