package io.kefu.portal.form;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.HandoverAck;
import io.kefu.handover.entity.HandoverEntry;
import io.kefu.handover.entity.HandoverItem;
import io.kefu.handover.entity.Section;
import io.kefu.handover.entity.Shift;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A hand-over printed as PDF and read back with another library: its text is there, in the reader's language. */
class HandoverSheetTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T00:05:00Z"), ZoneOffset.UTC);

    private Handover nightToDay() {
        Shift night = Shift.of("night", "夜班", "20:00", "08:00", "");
        Shift day = Shift.of("day", "白班", "08:00", "20:00", "");
        HandoverItem.Item line = new HandoverItem.Item(Section.MAJOR, "202612-0042", "电梯困人，业主要求赔偿",
                Instant.parse("2026-12-05T06:00:00Z"));
        return new Handover("huijing.staff", night, night.on(LocalDate.parse("2026-12-04"), SHANGHAI), day,
                day.on(LocalDate.parse("2026-12-05"), SHANGHAI), List.of(new Handover.Kept(line, "上午十点前回电")),
                "2号电话线路有杂音", "注意3栋停水", 7, clock);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void thePdfCarriesTheLinesRemarksEntriesAndAcknowledgements() throws Exception {
        Handover h = nightToDay();
        String zh = text(HandoverSheet.of(h, List.of(new HandoverEntry(h, "huijing.supervisor", "主管已阅", clock)),
                List.of(new HandoverAck(h, "huijing.engineer", clock)), Locale.SIMPLIFIED_CHINESE, SHANGHAI)
                .pdf("汇景物业", null));
        assertTrue(zh.contains("HO-20261205-0007") && zh.contains("交接班记录表"), zh);
        assertTrue(zh.contains("202612-0042") && zh.contains("上午十点前回电") && zh.contains("重大投诉"), zh);
        assertTrue(zh.contains("2号电话线路有杂音") && zh.contains("主管已阅") && zh.contains("huijing.engineer"), zh);
        assertTrue(zh.contains("2026-12-04 20:00") && zh.contains("2026-12-05 08:00"), "times in the tenant's zone");
        String en = text(HandoverSheet.of(h, List.of(), List.of(), Locale.ENGLISH, SHANGHAI).pdf("Huijing", null));
        assertTrue(en.contains("Shift hand-over log") && en.contains("Major case")
                && en.contains("Not acknowledged yet"),
                en);
    }
}
