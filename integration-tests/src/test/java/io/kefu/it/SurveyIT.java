package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Satisfaction surveys through the API and the pages, as residents, staff and admins use them: a closed case's
 * survey link works once, not twice, not after it expired, not when changed and not through another tenant;
 * results equal the figures computed here from the answers given; and every survey endpoint and page refuses
 * another tenant's staff and admins.
 */
@ExtendWith(ArquillianExtension.class)
class SurveyIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    private static final Pattern SURVEY_LINK = Pattern.compile("/survey/([0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]{43})\"");

    @Deployment
    static WebArchive deployment() {
        // The tests run inside the server: PDFBox's jars come along to read the PDF download back there.
        return Deployments.portal(SurveyProbe.class, SurveyProbe.Links.class, PortalClient.class)
                .addAsLibraries(Deployments.jarOf(org.apache.pdfbox.Loader.class),
                        Deployments.jarOf(org.apache.pdfbox.io.RandomAccessRead.class),
                        Deployments.jarOf(org.apache.fontbox.FontBoxFont.class),
                        Deployments.jarOf(org.apache.commons.logging.LogFactory.class));
    }

    @ArquillianResource
    URL base;

    @Inject
    SurveyProbe probe;

    private PortalClient as(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    /** A resident's case, filed, accepted and resolved by staff: {number, token}. */
    private String[] resolvedCase(String tenantPath, String prefix, String description) {
        // Registered by staff from a call (public filing is rate-limited per address, shared with other tests).
        PortalClient staff = as(prefix + ".staff");
        String category = tenantPath.equals(HUIJING) ? "\"categoryCode\":\"noise\"," : "";
        HttpResponse<String> filed = staff.postJson(tenantPath + "/complaints", "{\"kind\":\"COMPLAINT\","
                + "\"channel\":\"PHONE\"," + category + "\"description\":\"" + description
                + "\",\"contactName\":\"王女士\",\"contactPhone\":\"13800138000\",\"contactEmail\":\"wang@example.com\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject body = PortalClient.json(filed);
        String number = body.getString("number");
        act(staff, tenantPath, number, "accept", "{\"version\":" + version(staff, tenantPath, number) + "}");
        act(staff, tenantPath, number, "resolve", "{\"version\":" + version(staff, tenantPath, number)
                + ",\"resolution\":\"已处理完毕\"}");
        return new String[] {number, body.getString("trackingToken")};
    }

    /** Closes a resolved case: the one place a case closes here (after the merge, the callback closes it). */
    /** Closes a resolved case the only way a case closes: a satisfied callback. */
    private void closeCase(String tenantPath, String prefix, String number) {
        PortalClient supervisor = as(prefix + ".supervisor");
        String callback = PortalClient.json(supervisor.get(tenantPath + "/complaints/" + number))
                .getString("callbackId");
        long version = PortalClient.json(supervisor.get(tenantPath + "/callbacks/" + callback))
                .getJsonNumber("version").longValue();
        HttpResponse<String> done = supervisor.postJson(tenantPath + "/callbacks/" + callback + "/attempts",
                "{\"version\":" + version + ",\"method\":\"PHONE\",\"reached\":true,\"satisfaction\":\"SATISFIED\","
                + "\"score\":5}");
        assertEquals(201, done.statusCode(), "callback: " + done.body());
    }

    private static long version(PortalClient client, String tenantPath, String number) {
        return PortalClient.json(client.get(tenantPath + "/complaints/" + number)).getJsonNumber("version")
                .longValue();
    }

    private static void act(PortalClient client, String tenantPath, String number, String action, String body) {
        HttpResponse<String> done = client.postJson(tenantPath + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(200, done.statusCode(), action + ": " + done.body());
    }

    /** Sends what is due a day and an hour from now (the default delay is 24 hours). */
    private void sendDueInvitations() {
        probe.round(Instant.now().plus(Duration.ofHours(25)));
    }

    private String surveyToken(String slug, String trackingToken) {
        String page = PortalClient.anonymous(base).get("/t/" + slug + "/track/" + trackingToken).body();
        Matcher link = SURVEY_LINK.matcher(page);
        assertTrue(link.find(), "the tracking page shows the survey link once sent");
        return link.group(1);
    }

    @Test
    void aClosedCasesSurveyLinkWorksOnceAndNeverThroughAnotherTenant() {
        String[] c = resolvedCase(HUIJING, "huijing", "电梯按钮失灵");
        String number = c[0];
        String tracking = PortalClient.anonymous(base).get("/t/huijing-property/track/" + c[1]).body();
        assertFalse(SURVEY_LINK.matcher(tracking).find(), "no survey before the case closes");
        closeCase(HUIJING, "huijing", number);
        assertTrue(probe.invited("huijing-property", number), "every closed case is asked by default");
        assertFalse(SURVEY_LINK.matcher(PortalClient.anonymous(base).get("/t/huijing-property/track/" + c[1])
                .body()).find(), "not before it is due");
        sendDueInvitations();
        String token = surveyToken("huijing-property", c[1]);
        assertTrue(probe.mails("wang@example.com", number).stream().anyMatch(body -> body.contains(
                "/t/huijing-property/survey/" + token)), "the resident is mailed the same link");

        PortalClient resident = PortalClient.anonymous(base).language("en");
        HttpResponse<String> survey = resident.get(HUIJING + "/surveys/responses/" + token);
        assertEquals(200, survey.statusCode(), survey.body());
        JsonObject form = PortalClient.json(survey);
        assertEquals(number, form.getString("caseNumber"));
        JsonArray questions = form.getJsonArray("questions");
        assertEquals(5, questions.size());
        assertEquals("RATING", questions.getJsonObject(0).getString("kind"));
        assertTrue(questions.getJsonObject(0).getString("text").startsWith("How satisfied"), "in English");

        // Another tenant's address, page or API, knows nothing of the link.
        assertEquals(404, resident.get(RIVERSIDE + "/surveys/responses/" + token).statusCode());
        assertEquals(404, resident.postJson(RIVERSIDE + "/surveys/responses/" + token,
                "{\"answers\":[{\"position\":1,\"score\":5},{\"position\":2,\"score\":5}]}").statusCode());
        HttpResponse<String> otherPage = resident.get("/t/riverside-mall/survey/" + token);
        assertEquals(404, otherPage.statusCode());
        assertTrue(otherPage.body().contains("This survey link is not valid"), otherPage.body());

        // A changed link is refused: another invitation id, or a changed signature.
        String[] parts = token.split("\\.");
        String otherId = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        assertEquals(404, resident.get(HUIJING + "/surveys/responses/" + otherId).statusCode());
        String later = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        assertEquals(404, resident.get(HUIJING + "/surveys/responses/" + later).statusCode());

        // Bad answers: every question at fault named, nothing stored, the link still works.
        HttpResponse<String> bad = resident.postJson(HUIJING + "/surveys/responses/" + token,
                "{\"answers\":[{\"position\":1,\"score\":9},{\"position\":4,\"choices\":[7]}]}");
        assertEquals(422, bad.statusCode(), bad.body());
        String problem = bad.body();
        assertTrue(problem.contains("\"q1\"") && problem.contains("\"q2\"") && problem.contains("\"q4\""), problem);
        assertEquals(200, resident.get(HUIJING + "/surveys/responses/" + token).statusCode());

        HttpResponse<String> answered = resident.postJson(HUIJING + "/surveys/responses/" + token,
                "{\"answers\":[{\"position\":1,\"score\":4},{\"position\":2,\"score\":5},{\"position\":3,"
                        + "\"score\":9},{\"position\":4,\"choices\":[0,2]},{\"position\":5,\"text\":\"师傅很专业\"}]}");
        assertEquals(201, answered.statusCode(), answered.body());

        // Once only: the API says 409, the page says so in the resident's language, the tracking page drops it.
        HttpResponse<String> again = resident.postJson(HUIJING + "/surveys/responses/" + token,
                "{\"answers\":[{\"position\":1,\"score\":1},{\"position\":2,\"score\":1}]}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already been answered"), again.body());
        HttpResponse<String> page = PortalClient.anonymous(base).get("/t/huijing-property/survey/" + token);
        assertEquals(409, page.statusCode());
        assertTrue(page.body().contains("此调查已经提交过了"), "Chinese by default");
        assertFalse(SURVEY_LINK.matcher(PortalClient.anonymous(base).get("/t/huijing-property/track/" + c[1])
                .body()).find());
    }

    @Test
    void anExpiredLinkIsGoneWithAClearPage() {
        String[] c = resolvedCase(HUIJING, "huijing", "小区路灯不亮");
        closeCase(HUIJING, "huijing", c[0]);
        sendDueInvitations();
        String expired = probe.expiredToken("huijing-property", c[0]);
        PortalClient resident = PortalClient.anonymous(base).language("en");
        HttpResponse<String> api = resident.get(HUIJING + "/surveys/responses/" + expired);
        assertEquals(410, api.statusCode(), api.body());
        assertTrue(api.body().contains("expired"), api.body());
        assertEquals(410, resident.postJson(HUIJING + "/surveys/responses/" + expired,
                "{\"answers\":[{\"position\":1,\"score\":5},{\"position\":2,\"score\":5}]}").statusCode());
        HttpResponse<String> page = resident.get("/t/huijing-property/survey/" + expired);
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("此调查链接已过期"), page.body());
    }

    @Test
    void resultsEqualTheFiguresComputedFromTheAnswersGiven() throws IOException {
        PortalClient admin = as("riverside.admin");
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson(RIVERSIDE + "/surveys/templates", "{\"code\":\"" + code
                + "\",\"nameZh\":\"测试问卷\",\"nameEn\":\"Test survey\",\"questions\":["
                + "{\"kind\":\"RATING\",\"required\":true,\"textZh\":\"满意吗\",\"textEn\":\"Satisfied?\"},"
                + "{\"kind\":\"NPS\",\"required\":true,\"textZh\":\"推荐吗\",\"textEn\":\"Recommend?\"},"
                + "{\"kind\":\"SINGLE\",\"required\":false,\"textZh\":\"渠道\",\"textEn\":\"Channel\",\"options\":"
                + "[{\"zh\":\"电话\",\"en\":\"Phone\"},{\"zh\":\"网上\",\"en\":\"Online\"}]}]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, admin.postJson(RIVERSIDE + "/surveys/templates/" + code + "/versions/1/publish", "")
                .statusCode());
        JsonObject settings = PortalClient.json(admin.get(RIVERSIDE + "/surveys/settings"));
        String previous = settings.getString("postCaseTemplate", null);
        HttpResponse<String> changed = admin.putJson(RIVERSIDE + "/surveys/settings", "{\"postCasePercent\":100,"
                + "\"delayHours\":24,\"validityDays\":30,\"postCaseTemplate\":\"" + code + "\",\"callbackTemplate\":"
                + "\"satisfaction\",\"version\":" + settings.getJsonNumber("version") + "}");
        assertEquals(200, changed.statusCode(), changed.body());

        int[][] given = {{5, 10, 0}, {4, 9, 1}, {2, 3, 1}, {5, 7, -1}};
        List<String[]> cases = new ArrayList<>();
        try {
            for (int i = 0; i < given.length; i++) {
                String[] c = resolvedCase(RIVERSIDE, "riverside", "Escalator stopped " + i);
                closeCase(RIVERSIDE, "riverside", c[0]);
                cases.add(c);
            }
        } finally {
            JsonObject now = PortalClient.json(admin.get(RIVERSIDE + "/surveys/settings"));
            admin.putJson(RIVERSIDE + "/surveys/settings", "{\"postCasePercent\":100,\"delayHours\":24,"
                    + "\"validityDays\":30,\"postCaseTemplate\":" + (previous == null ? "null" : "\"" + previous + "\"")
                    + ",\"callbackTemplate\":\"satisfaction\",\"version\":" + now.getJsonNumber("version") + "}");
        }
        sendDueInvitations();
        PortalClient resident = PortalClient.anonymous(base);
        for (int i = 0; i < given.length; i++) {
            String token = surveyToken("riverside-mall", cases.get(i)[1]);
            String choice = given[i][2] < 0 ? "" : ",{\"position\":3,\"choices\":[" + given[i][2] + "]}";
            HttpResponse<String> answered = resident.postJson(RIVERSIDE + "/surveys/responses/" + token,
                    "{\"answers\":[{\"position\":1,\"score\":" + given[i][0] + "},{\"position\":2,\"score\":"
                            + given[i][1] + "}" + choice + "]}");
            assertEquals(201, answered.statusCode(), answered.body());
        }

        // Independently: mean rating 4.0; NPS 2 promoters (10, 9), 1 detractor (3) of 4 → 25; options 0:1, 1:2.
        double rating = 0;
        int promoters = 0;
        int detractors = 0;
        for (int[] answer : given) {
            rating += answer[0];
            promoters += answer[1] >= 9 ? 1 : 0;
            detractors += answer[1] <= 6 ? 1 : 0;
        }
        rating /= given.length;
        double nps = 100.0 * (promoters - detractors) / given.length;

        PortalClient supervisor = as("riverside.supervisor");
        HttpResponse<String> response = supervisor.get(RIVERSIDE + "/surveys/templates/" + code
                + "/versions/1/results?by=OWNER");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject results = PortalClient.json(response);
        assertEquals(given.length, results.getInt("invitationsSent"));
        assertEquals(given.length, results.getInt("responses"));
        assertEquals(1.0, results.getJsonNumber("responseRate").doubleValue(), 1e-9);
        JsonArray questions = results.getJsonArray("questions");
        assertEquals(rating, questions.getJsonObject(0).getJsonNumber("average").doubleValue(), 1e-9);
        assertEquals(2, questions.getJsonObject(0).getJsonObject("distribution").getInt("5"));
        assertEquals(nps, questions.getJsonObject(1).getJsonNumber("nps").doubleValue(), 1e-9);
        assertEquals(1, questions.getJsonObject(2).getJsonObject("distribution").getInt("0"));
        assertEquals(2, questions.getJsonObject(2).getJsonObject("distribution").getInt("1"));
        assertEquals(3, questions.getJsonObject(2).getInt("answered"));
        JsonObject owner = results.getJsonArray("groups").getJsonObject(0);
        assertEquals("riverside.staff", owner.getString("key"));
        assertEquals(given.length, owner.getInt("responses"));
        assertEquals(rating, owner.getJsonNumber("averageRating").doubleValue(), 1e-9);
        assertEquals(nps, owner.getJsonNumber("nps").doubleValue(), 1e-9);

        HttpResponse<String> csv = supervisor.get(RIVERSIDE + "/surveys/templates/" + code + "/versions/1/results.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("riverside.staff," + given.length + ",4.0,25.0"), csv.body());
        HttpResponse<byte[]> xlsx = supervisor.download(RIVERSIDE + "/surveys/templates/" + code
                + "/versions/1/results.xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(given.length, sheet.getRow(1).getCell(1).getNumericCellValue(), "invitations, a number");
            boolean ownerRow = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                        && "riverside.staff".equals(row.getCell(0).getStringCellValue())) {
                    ownerRow = row.getCell(1).getNumericCellValue() == given.length
                            && row.getCell(2).getNumericCellValue() == 4.0
                            && row.getCell(3).getNumericCellValue() == 25.0;
                }
            }
            assertTrue(ownerRow, "the owner's responses, rating and NPS as numbers");
        }

        // The printable summary: a PDF on the tenant's letterhead, in the caller's language, with the figures.
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<byte[]> pdf = supervisor.language(language).download(RIVERSIDE + "/surveys/templates/"
                    + code + "/versions/1/results.pdf");
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("survey-" + code
                    + "-v1.pdf"));
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                boolean chinese = language.startsWith("zh");
                for (String expected : List.of(chinese ? "问卷调查结果" : "Survey results",
                        chinese ? "测试问卷" : "Test survey", chinese ? "滨江购物中心" : "Riverside Mall",
                        "riverside.staff", String.valueOf(given.length), "25", chinese ? "制表人" : "Prepared by",
                        chinese ? "第 1 页 / 共 " : "Page 1 of ")) {
                    assertTrue(text.contains(expected), language + ": " + expected + " in\n" + text);
                }
                for (PDPage page : document.getPages()) {
                    for (COSName font : page.getResources().getFontNames()) {
                        assertTrue(page.getResources().getFont(font).isEmbedded(), "fonts travel in the PDF");
                    }
                }
            }
        }
        supervisor.language("zh-CN");

        // Editing the answered version makes version 2; version 1 keeps its results.
        JsonObject latest = PortalClient.json(admin.get(RIVERSIDE + "/surveys/templates/" + code));
        HttpResponse<String> revised = admin.putJson(RIVERSIDE + "/surveys/templates/" + code, "{\"nameZh\":\"测试问卷\","
                + "\"nameEn\":\"Test survey\",\"version\":" + latest.getJsonNumber("version") + ",\"questions\":["
                + "{\"kind\":\"RATING\",\"required\":true,\"textZh\":\"满意吗？\",\"textEn\":\"Satisfied at all?\"}]}");
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals(2, PortalClient.json(revised).getInt("versionNo"));
        assertFalse(PortalClient.json(revised).getBoolean("published"));
        assertEquals(given.length, PortalClient.json(supervisor.get(RIVERSIDE + "/surveys/templates/" + code
                + "/versions/1/results")).getInt("responses"));
        assertEquals(3, PortalClient.json(admin.get(RIVERSIDE + "/surveys/templates/" + code + "/versions/1"))
                .getJsonArray("questions").size());
    }

    @Test
    void badSettingsAndTemplatesAreRefusedWithEveryFieldNamedAndNothingSaved() {
        PortalClient admin = as("huijing.admin");
        JsonObject before = PortalClient.json(admin.get(HUIJING + "/surveys/settings"));
        HttpResponse<String> bad = admin.putJson(HUIJING + "/surveys/settings", "{\"postCasePercent\":120,"
                + "\"delayHours\":24,\"validityDays\":0,\"postCaseTemplate\":\"no-such\",\"version\":"
                + before.getJsonNumber("version") + "}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("postCasePercent") && bad.body().contains("validityDays")
                && bad.body().contains("postCaseTemplate"), bad.body());
        assertEquals(before, PortalClient.json(admin.get(HUIJING + "/surveys/settings")));
        HttpResponse<String> template = admin.postJson(HUIJING + "/surveys/templates", "{\"code\":\"bad-one\","
                + "\"nameZh\":\"问卷\",\"nameEn\":\"Survey\",\"questions\":[{\"kind\":\"SINGLE\",\"required\":true,"
                + "\"textZh\":\"选一个\",\"textEn\":\"\",\"options\":[{\"zh\":\"是\",\"en\":\"Yes\"}]}]}");
        assertEquals(422, template.statusCode(), template.body());
        assertTrue(template.body().contains("questions[1].textEn"), template.body());
        assertEquals(404, admin.get(HUIJING + "/surveys/templates/bad-one").statusCode());
    }

    @Test
    void anotherTenantsStaffAndAdminsReachNoSurveyEndpointOrPage() {
        PortalClient.awaitReady(base);
        PortalClient adminOfA = as("huijing.admin");
        PortalClient supervisorOfA = as("huijing.supervisor");
        PortalClient staffOfA = as("huijing.staff");
        String b = RIVERSIDE + "/surveys";
        for (PortalClient client : List.of(adminOfA, supervisorOfA, staffOfA)) {
            for (String path : List.of(b + "/templates", b + "/templates/satisfaction",
                    b + "/templates/satisfaction/versions", b + "/templates/satisfaction/versions/1", b + "/settings",
                    b + "/templates/satisfaction/versions/1/results",
                    b + "/templates/satisfaction/versions/1/results.csv",
                    b + "/templates/satisfaction/versions/1/results.xlsx",
                    b + "/templates/satisfaction/versions/1/results.pdf")) {
                assertEquals(403, client.get(path).statusCode(), path);
            }
            assertEquals(403, client.postJson(b + "/templates", "{\"code\":\"taken-over\",\"nameZh\":\"x\","
                    + "\"nameEn\":\"x\",\"questions\":[]}").statusCode());
            assertEquals(403, client.putJson(b + "/templates/satisfaction", "{\"version\":0}").statusCode());
            assertEquals(403, client.postJson(b + "/templates/satisfaction/versions/1/publish", "").statusCode());
            assertEquals(403, client.putJson(b + "/settings", "{\"postCasePercent\":0,\"version\":0}").statusCode());
        }
        // Through its own address, A finds nothing of B's templates: a code only B has is not found.
        PortalClient adminOfB = as("riverside.admin");
        String code = "only-b-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, adminOfB.postJson(b + "/templates", "{\"code\":\"" + code + "\",\"nameZh\":\"乙\","
                + "\"nameEn\":\"B\",\"questions\":[{\"kind\":\"TEXT\",\"required\":false,\"textZh\":\"说说\","
                + "\"textEn\":\"Tell us\"}]}").statusCode());
        assertEquals(404, adminOfA.get(HUIJING + "/surveys/templates/" + code).statusCode());
        assertEquals(404, supervisorOfA.get(HUIJING + "/surveys/templates/" + code + "/versions/1/results")
                .statusCode());
        assertEquals(404, adminOfA.postJson(HUIJING + "/surveys/templates/" + code + "/versions/1/publish", "")
                .statusCode());
        assertFalse(adminOfA.get(HUIJING + "/surveys/templates").body().contains(code));
        // Roles within a tenant: staff read templates but not results; residents and strangers nothing.
        assertEquals(200, staffOfA.get(HUIJING + "/surveys/templates").statusCode());
        assertEquals(403, staffOfA.get(HUIJING + "/surveys/templates/satisfaction/versions/1/results").statusCode());
        assertEquals(403, staffOfA.putJson(HUIJING + "/surveys/settings", "{\"version\":0}").statusCode());
        assertEquals(401, PortalClient.anonymous(base).get(HUIJING + "/surveys/templates").statusCode());

        // Pages: A's people are refused B's survey admin and results pages.
        PortalClient pageAdminOfA = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD);
        assertEquals(200, pageAdminOfA.get("/t/huijing-property/admin/surveys").statusCode());
        assertEquals(403, pageAdminOfA.get("/t/riverside-mall/admin/surveys").statusCode());
        PortalClient pageSupervisorOfA = PortalClient.loggedIn(base, "huijing-property", "huijing.supervisor",
                PASSWORD);
        assertEquals(200, pageSupervisorOfA.get("/t/huijing-property/staff/surveys").statusCode());
        assertEquals(403, pageSupervisorOfA.get("/t/riverside-mall/staff/surveys").statusCode());
        assertEquals(403, pageSupervisorOfA.get("/t/riverside-mall/staff/surveys?template=satisfaction&version=1")
                .statusCode());
        assertNotNull(pageSupervisorOfA);
    }

    /**
     * A campaign's segment decides who is invited — the customers on the register with an entry in its buildings
     * (as the register writes them, any case) and grades, once each — and its rate is the invitations answered over
     * the invitations: an answer twice through one invitation is refused, answers without one are kept but not
     * counted, an invitation the campaign did not give out is refused, and a customer who moved out of the segment
     * after the invitation still counts. The rate never passes 100 %.
     */
    @Test
    void aCampaignInvitesItsSegmentOnceEachAndItsRateNeverPassesAHundredPercent() {
        PortalClient admin = as("riverside.admin");
        long n = System.nanoTime() % 100_000_000L;
        String s = "Block S" + n;
        String t = "Block T" + n;
        String header = "building,unit,area,name,phone,email,grade\r\n";
        java.util.function.IntFunction<String> phone = i -> String.format("139%07d%d", n % 10_000_000, i);
        String register = s + ",101,,Ann " + n + "," + phone.apply(1) + ",,A\r\n"
                + s + ",104,,Ann " + n + "," + phone.apply(1) + ",,A\r\n"
                + s + ",102,,Bob " + n + "," + phone.apply(2) + ",,B\r\n"
                + s + ",103,,Cai " + n + "," + phone.apply(3) + ",,A\r\n"
                + s + ",105,,Dee " + n + "," + phone.apply(5) + ",,\r\n"
                + t + ",201,,Eve " + n + "," + phone.apply(4) + ",,A\r\n";
        HttpResponse<String> imported = admin.postBytes(RIVERSIDE + "/residents/import", "text/csv",
                (header + register).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(6, PortalClient.json(imported).getInt("imported"), imported.body());

        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String inAWeek = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString();
        String code = "seg-" + UUID.randomUUID().toString().substring(0, 6);
        String plan = "{\"code\":\"" + code + "\",\"nameZh\":\"S 座 A 级客户调查\",\"nameEn\":\"Block S, grade A\","
                + "\"template\":\"satisfaction\",\"opensOn\":\"" + yesterday + "\",\"closesOn\":\"" + inAWeek + "\","
                + "\"anonymous\":true,\"buildings\":[\"" + s.toLowerCase() + "\"],\"grades\":[%s]}";

        // A grade the register does not know: refused on its field, nothing planned.
        HttpResponse<String> bad = admin.language("en").postJson(RIVERSIDE + "/surveys/campaigns",
                String.format(plan, "\"VIP\""));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(PortalClient.json(bad).getJsonArray("errors").toString().contains("\"grades\""), bad.body());
        assertTrue(bad.body().contains("is not a customer grade"), bad.body());
        assertEquals(404, admin.get(RIVERSIDE + "/surveys/campaigns/" + code).statusCode(), "nothing half-saved");

        HttpResponse<String> planned = admin.postJson(RIVERSIDE + "/surveys/campaigns", String.format(plan, "\"a\""));
        assertEquals(201, planned.statusCode(), planned.body());
        JsonObject campaign = PortalClient.json(planned);
        assertEquals(List.of(s.toLowerCase()), campaign.getJsonArray("buildings").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("[\"A\"]", campaign.getJsonArray("grades").toString());
        assertEquals(2, campaign.getInt("invited"), "Ann once for her two flats, and Cai; not Bob (B), Dee "
                + "(no grade), Eve (another block)");
        String link = campaign.getString("link");
        String key = link.substring(link.lastIndexOf('/') + 1);

        List<JsonObject> invitations = invitationsOf(admin, code);
        assertEquals(List.of(s + " 101", s + " 103"), invitations.stream().map(i -> i.getString("unit")).toList());
        assertTrue(invitations.stream().noneMatch(i -> i.getBoolean("answered")));
        String ann = invitations.get(0).getString("link");
        String cai = invitations.get(1).getString("link");
        assertTrue(ann.startsWith(link + "?i="), ann);
        String annKey = ann.substring(ann.indexOf("?i=") + 3);
        String caiKey = cai.substring(cai.indexOf("?i=") + 3);

        PortalClient anybody = PortalClient.anonymous(base).language("en");
        String answers = "{\"answers\":[{\"position\":1,\"score\":5},{\"position\":2,\"score\":4}]}";
        String through = RIVERSIDE + "/surveys/campaign-responses/" + key;
        assertEquals(201, anybody.postJson(through + "?invitation=" + annKey, answers).statusCode());
        HttpResponse<String> twice = anybody.postJson(through + "?invitation=" + annKey, answers);
        assertEquals(409, twice.statusCode(), "one answer per invitation: " + twice.body());
        assertEquals(201, anybody.postJson(through, answers).statusCode(), "the public link takes anybody's");
        assertEquals(201, anybody.postJson(through, answers).statusCode());
        HttpResponse<String> forged = anybody.postJson(through + "?invitation=AAAAAAAAAAAAAAAAAAAAAA", answers);
        assertEquals(404, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("invitation link is not valid"), forged.body());
        JsonObject half = PortalClient.json(admin.get(RIVERSIDE + "/surveys/campaigns/" + code));
        assertEquals(3, half.getInt("responses"));
        assertEquals(1, half.getInt("invitedAnswered"));
        assertEquals(0.5, half.getJsonNumber("responseRate").doubleValue(), 1e-9);

        // Cai is graded C now: out of the segment, still invited, and the answer counts.
        HttpResponse<String> regraded = admin.postBytes(RIVERSIDE + "/residents/import", "text/csv",
                (header + s + ",103,,Cai " + n + "," + phone.apply(3) + ",,C\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, regraded.statusCode(), regraded.body());
        assertEquals(201, anybody.postJson(through + "?invitation=" + caiKey, answers).statusCode());
        JsonObject all = PortalClient.json(admin.get(RIVERSIDE + "/surveys/campaigns/" + code));
        assertEquals(4, all.getInt("responses"));
        assertEquals(2, all.getInt("invited"), "the invitations stay as planned");
        assertEquals(2, all.getInt("invitedAnswered"));
        assertEquals(1.0, all.getJsonNumber("responseRate").doubleValue(), 1e-9, "never above 100 %");
        assertTrue(invitationsOf(admin, code).stream().allMatch(i -> i.getBoolean("answered")));

        // Another tenant: its people reach no invitation list, and its address knows no invitation.
        for (String username : List.of("huijing.admin", "huijing.staff")) {
            assertEquals(403, as(username).get(RIVERSIDE + "/surveys/campaigns/" + code + "/invitations")
                    .statusCode());
        }
        assertEquals(404, as("huijing.admin").get(HUIJING + "/surveys/campaigns/" + code + "/invitations")
                .statusCode(), "not under its own address either");
        assertEquals(403, as("riverside.staff").get(RIVERSIDE + "/surveys/campaigns/" + code + "/invitations")
                .statusCode(), "the register's people: admins only");
        assertEquals(404, anybody.postJson(HUIJING + "/surveys/campaign-responses/" + key + "?invitation=" + annKey,
                answers).statusCode());
    }

    private List<JsonObject> invitationsOf(PortalClient admin, String code) {
        HttpResponse<String> got = admin.get(RIVERSIDE + "/surveys/campaigns/" + code + "/invitations");
        assertEquals(200, got.statusCode(), got.body());
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(got.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    @Test
    void aCampaignTakesAnswersThroughItsPublicLinkBetweenItsDatesAndOnlyInItsTenant() {
        PortalClient admin = as("riverside.admin");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String inAWeek = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString();
        String code = "camp-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> planned = admin.postJson(RIVERSIDE + "/surveys/campaigns", "{\"code\":\"" + code
                + "\",\"nameZh\":\"秋季满意度调查\",\"nameEn\":\"Autumn survey\",\"template\":\"satisfaction\","
                + "\"opensOn\":\"" + today + "\",\"closesOn\":\"" + inAWeek + "\",\"anonymous\":true,"
                + "\"segment\":\"building 3\"}");
        assertEquals(201, planned.statusCode(), planned.body());
        JsonObject campaign = PortalClient.json(planned);
        assertEquals("building 3", campaign.getString("segment"));
        String link = campaign.getString("link");
        String key = link.substring(link.lastIndexOf('/') + 1);
        assertTrue(link.contains("/t/riverside-mall/survey/campaign/"), link);

        HttpResponse<String> qr = admin.get(RIVERSIDE + "/surveys/campaigns/" + code + "/qr.png");
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(""));
        assertTrue(qr.body().startsWith("\uFFFDPNG"), "a PNG image");

        PortalClient resident = PortalClient.anonymous(base).language("en");
        assertEquals(200, resident.get(RIVERSIDE + "/surveys/campaign-responses/" + key).statusCode());
        assertEquals(200, resident.get("/t/riverside-mall/survey/campaign/" + key).statusCode());
        String answers = "{\"answers\":[{\"position\":1,\"score\":5},{\"position\":2,\"score\":4}]}";
        assertEquals(201, resident.postJson(RIVERSIDE + "/surveys/campaign-responses/" + key, answers).statusCode());
        JsonObject standing = PortalClient.json(admin.get(RIVERSIDE + "/surveys/campaigns/" + code));
        assertEquals(1, standing.getInt("responses"));
        assertEquals(0, standing.getInt("invitedAnswered"), "an answer without an invitation is not in the rate");
        assertTrue(standing.getJsonNumber("responseRate") == null
                || standing.getJsonNumber("responseRate").doubleValue() == 0.0, standing.toString());

        // Another tenant's address knows nothing of the link; A's people reach none of B's campaigns.
        assertEquals(404, resident.get(HUIJING + "/surveys/campaign-responses/" + key).statusCode());
        assertEquals(404, resident.postJson(HUIJING + "/surveys/campaign-responses/" + key, answers).statusCode());
        assertEquals(404, resident.get("/t/huijing-property/survey/campaign/" + key).statusCode());
        for (String username : List.of("huijing.admin", "huijing.supervisor", "huijing.staff")) {
            PortalClient other = as(username);
            assertEquals(403, other.get(RIVERSIDE + "/surveys/campaigns").statusCode());
            assertEquals(403, other.get(RIVERSIDE + "/surveys/campaigns/" + code).statusCode());
            assertEquals(403, other.get(RIVERSIDE + "/surveys/campaigns/" + code + "/qr.png").statusCode());
            assertEquals(403, other.postJson(RIVERSIDE + "/surveys/campaigns/" + code + "/close", "").statusCode());
            assertEquals(403, other.postJson(RIVERSIDE + "/surveys/campaigns", "{\"code\":\"x\"}").statusCode());
            assertEquals(404, other.get(HUIJING + "/surveys/campaigns/" + code).statusCode());
        }

        // Closed: the link is gone (410), on the API and the page.
        assertEquals(200, admin.postJson(RIVERSIDE + "/surveys/campaigns/" + code + "/close", "").statusCode());
        assertEquals(410, resident.postJson(RIVERSIDE + "/surveys/campaign-responses/" + key, answers).statusCode());
        HttpResponse<String> closedPage = resident.get("/t/riverside-mall/survey/campaign/" + key);
        assertEquals(410, closedPage.statusCode());
        assertTrue(closedPage.body().contains("closed"), closedPage.body());
    }

    @Test
    void aNamedCampaignTakesOneAnswerPerSignedInResident() {
        PortalClient admin = as("riverside.admin");
        String code = "named-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> planned = admin.postJson(RIVERSIDE + "/surveys/campaigns", "{\"code\":\"" + code
                + "\",\"nameZh\":\"业主座谈\",\"nameEn\":\"Residents forum\",\"template\":\"satisfaction\","
                + "\"opensOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                + "\",\"closesOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3)
                + "\",\"anonymous\":false}");
        assertEquals(201, planned.statusCode(), planned.body());
        String link = PortalClient.json(planned).getString("link");
        String key = link.substring(link.lastIndexOf('/') + 1);
        String answers = "{\"answers\":[{\"position\":1,\"score\":3},{\"position\":2,\"score\":3}]}";
        assertEquals(403, PortalClient.anonymous(base).postJson(RIVERSIDE + "/surveys/campaign-responses/" + key,
                answers).statusCode());
        PortalClient customer = as("riverside.customer");
        assertEquals(201, customer.postJson(RIVERSIDE + "/surveys/campaign-responses/" + key, answers).statusCode());
        HttpResponse<String> again = customer.postJson(RIVERSIDE + "/surveys/campaign-responses/" + key, answers);
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> bad = admin.postJson(RIVERSIDE + "/surveys/campaigns", "{\"code\":\"" + code
                + "-2\",\"nameZh\":\"甲\",\"nameEn\":\"A\",\"template\":\"satisfaction\",\"opensOn\":\"2026-12-10\","
                + "\"closesOn\":\"2026-12-01\"}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("closesOn"), bad.body());
    }
}
