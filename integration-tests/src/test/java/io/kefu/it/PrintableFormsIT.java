package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Printed forms on PostgreSQL: a case registered at the desk comes back as the paper registration form
 * (来人来电来访登记表) and as the case sheet with its whole history, as PDF through the API and as print pages;
 * the blank form serves walk-ins; only the tenant's own staff and supervisors get any of it.
 */
@SharedPortal.Client
class PrintableFormsIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String PAGES = "/t/huijing-property/";

    @SharedPortal.Base
    URL base;

    @Test
    void aCaseIsPrintedAsTheRegistrationFormAndTheCaseSheetForItsOwnStaffOnly() throws IOException {
        PortalClient.awaitReady(base);
        PortalClient desk = PortalClient.basic(base, "huijing.staff", PASSWORD);
        String marker = "打印登记" + System.nanoTime();
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\","
                + "\"channel\":\"VISIT\",\"description\":\"" + marker + "：地下车库入口积水\",\"contactName\":\"赵先生\","
                + "\"contactPhone\":\"13900139000\",\"desiredOutcome\":\"尽快疏通排水沟\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        JsonObject accepted = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + number + "/actions/accept",
                "{\"version\":1}"));
        HttpResponse<String> noted = desk.postJson(HUIJING + "/complaints/" + number + "/actions/note",
                "{\"version\":" + accepted.getInt("version") + ",\"text\":\"已通知工程部今晚清理\"}");
        assertEquals(200, noted.statusCode(), noted.body());

        String form = pdfText(desk.download(HUIJING + "/complaints/" + number + "/form.pdf"));
        for (String expected : List.of(number, "来人来电来访登记表", marker, "地下车库入口积水", "赵先生", "13900139000",
                "尽快疏通排水沟", "■ 来人来访", "□ 来电", "接待人", "huijing.staff", "填写人签字", "填写日期", "主管阅签")) {
            assertTrue(form.contains(expected), expected + " in the form:\n" + form);
        }
        String english = pdfText(desk.download(HUIJING + "/complaints/" + number + "/form.pdf?lang=en"));
        assertTrue(english.contains("Register of Visits, Calls and Letters") && english.contains(number), english);

        String blank = pdfText(desk.download(HUIJING + "/forms/registration.pdf"));
        for (String expected : List.of("汇景物业", "来人来电来访登记表", "□ 来人来访", "填写人签字", "主管阅签")) {
            assertTrue(blank.contains(expected), expected + " in the blank form:\n" + blank);
        }
        assertFalse(blank.contains(number) || blank.contains("■"), "a blank form names no case:\n" + blank);

        String sheet = pdfText(PortalClient.basic(base, "huijing.supervisor", PASSWORD)
                .download(HUIJING + "/complaints/" + number + "/sheet.pdf"));
        for (String expected : List.of("客诉案件单", number, "处理经过", "登记", "受理", "内部备注", "已通知工程部今晚清理",
                "附件", "回访记录", "主管阅签")) {
            assertTrue(sheet.contains(expected), expected + " in the case sheet:\n" + sheet);
        }

        PortalClient staff = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        HttpResponse<String> casePage = staff.get(PAGES + "staff/cases/" + number);
        assertTrue(casePage.body().contains(number + "/form.pdf") && casePage.body().contains(number + "/sheet.pdf")
                && casePage.body().contains("staff/cases/" + number + "/form"), "the case page links its printouts");
        HttpResponse<String> printed = staff.get(PAGES + "staff/cases/" + number + "/form");
        assertEquals(200, printed.statusCode());
        for (String expected : List.of("来人来电来访登记表", number, marker, "填写人签字", "主管阅签", "kefu-form-grid",
                "/jakarta.faces.resource/print.css.xhtml?ln=kefu")) {
            assertTrue(printed.body().contains(expected), expected + " on the print page");
        }
        assertTrue(staff.get("/jakarta.faces.resource/print.css.xhtml?ln=kefu").body().contains("@media print"),
                "printed, only the paper: no page header, footer or buttons");
        HttpResponse<String> sheetPage = staff.get(PAGES + "staff/cases/" + number + "/sheet");
        assertEquals(200, sheetPage.statusCode());
        assertTrue(sheetPage.body().contains("已通知工程部今晚清理") && sheetPage.body().contains("处理经过"));
        HttpResponse<String> blankPage = staff.get(PAGES + "staff/form");
        assertEquals(200, blankPage.statusCode());
        assertTrue(blankPage.body().contains("来人来电来访登记表") && !blankPage.body().contains(marker));
        assertTrue(staff.get(PAGES + "staff/").body().contains(PAGES + "staff/form"), "the desk links the blank form");
        assertTrue(staff.get(PAGES + "staff/cases/209901-9999/form").body().contains("id=\"not-found\""));

        PortalClient riverside = PortalClient.basic(base, "riverside.staff", PASSWORD);
        for (String path : List.of("/complaints/" + number + "/form.pdf", "/complaints/" + number + "/sheet.pdf",
                "/forms/registration.pdf")) {
            assertEquals(403, riverside.get(HUIJING + path).statusCode(), "not a member there: " + path);
            assertEquals(401, PortalClient.anonymous(base).get(HUIJING + path).statusCode(), path);
            assertEquals(403, PortalClient.basic(base, "huijing.resident", PASSWORD).get(HUIJING + path).statusCode(),
                    "residents print nothing: " + path);
        }
        for (String tail : List.of("/form.pdf", "/sheet.pdf")) {
            HttpResponse<byte[]> own = riverside.download(RIVERSIDE + "/complaints/" + number + tail);
            assertTrue(own.statusCode() == 404 || !pdfText(own).contains(marker),
                    "under its own tenant the number names only its own case, if any");
        }
        assertEquals(404, riverside.get(RIVERSIDE + "/complaints/209901-9999/form.pdf").statusCode());
        assertEquals(403, PortalClient.basic(base, "riverside.staff", PASSWORD)
                .get(PAGES + "staff/cases/" + number + "/form").statusCode());
        assertEquals(403, PortalClient.basic(base, "huijing.resident", PASSWORD)
                .get(PAGES + "staff/cases/" + number + "/sheet").statusCode());
    }

    private static String pdfText(HttpResponse<byte[]> answer) throws IOException {
        assertEquals(200, answer.statusCode(),
                () -> new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("application/pdf", answer.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
