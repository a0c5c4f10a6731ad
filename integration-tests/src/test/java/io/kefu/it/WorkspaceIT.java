package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant admin sets up the workspace and fills the resident register, and what that changes for residents:
 * whole-form validation that saves nothing when a field is wrong, the colour and logo on the tenant's pages,
 * the intake rules enforced by the API, shorter deadlines for a grade-A resident, imports of CSV and Excel
 * files with row-by-row reports, and none of it reachable from another tenant.
 */
@SharedPortal.Client
class WorkspaceIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String HEADER = "building,unit,area,name,phone,email,grade\r\n";

    @SharedPortal.Base
    URL base;

    @Test
    void aWorkspaceWithWrongFieldsIsRefusedFieldByFieldAndNothingIsSaved() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD).language("en");
        JsonObject before = PortalClient.json(admin.get(HUIJING + "/settings/workspace"));
        HttpResponse<String> refused = admin.putJson(HUIJING + "/settings/workspace", "{\"nameZh\":\"\","
                + "\"nameEn\":\"X\",\"defaultLocale\":\"fr\",\"timeZone\":\"Mars/Base\",\"primaryColour\":\"red\","
                + "\"requiredFields\":[],\"maxFiles\":9,\"maxFileMb\":5,"
                + "\"gradePercents\":{\"A\":200,\"B\":100,\"C\":100},\"version\":"
                + before.getJsonNumber("version") + "}");
        assertEquals(422, refused.statusCode(), refused.body());
        for (String field : List.of("nameZh", "defaultLocale", "timeZone", "primaryColour", "maxFiles",
                "gradeAPercent")) {
            assertTrue(refused.body().contains("\"" + field + "\""), field + " in " + refused.body());
        }
        assertTrue(refused.body().contains("#rrggbb"), "translated: " + refused.body());
        JsonObject after = PortalClient.json(admin.get(HUIJING + "/settings/workspace"));
        assertEquals(before, after, "not even the right English name was saved");

        HttpResponse<String> pale = admin.putJson(HUIJING + "/settings/workspace", workspace(before, "#ffff66", "[]",
                5, 10, 100));
        assertEquals(422, pale.statusCode(), "white text on pale yellow is unreadable: " + pale.body());
        assertEquals(403, PortalClient.basic(base, "huijing.staff", PASSWORD)
                .putJson(HUIJING + "/settings/workspace", workspace(before, null, "[]", 5, 10, 100)).statusCode(),
                "staff read the workspace, only admins change it");
    }

    @Test
    void theColourAndLogoAppearOnTheTenantsPagesAndTheLogoIsServedCacheable() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        JsonObject before = PortalClient.json(admin.get(RIVERSIDE + "/settings/workspace"));
        HttpResponse<String> saved = admin.putJson(RIVERSIDE + "/settings/workspace",
                workspace(before, "#0F766E", "[]", 5, 10, 100));
        assertEquals(200, saved.statusCode(), saved.body());
        byte[] png = png();
        try {
            assertEquals("#0f766e", PortalClient.json(saved).getString("primaryColour"));
            String page = PortalClient.anonymous(base).get("/t/riverside-mall/").body();
            assertTrue(page.contains("--kefu-primary: #0f766e"), "the landing page uses the colour");
            assertFalse(PortalClient.anonymous(base).get("/t/huijing-property/").body().contains("#0f766e"),
                    "another tenant's pages keep their own");

            HttpResponse<String> svg = putBytes("riverside.admin", RIVERSIDE + "/settings/workspace/logo",
                    "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(422, svg.statusCode(), svg.body());
            assertEquals(422, putBytes("riverside.admin", RIVERSIDE + "/settings/workspace/logo", "image/png",
                    new byte[600 * 1024]).statusCode(), "too large (and not an image)");

            HttpResponse<String> uploaded = putBytes("riverside.admin", RIVERSIDE + "/settings/workspace/logo",
                    "image/png", png);
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String logoUrl = PortalClient.json(uploaded).getString("logoUrl");
            HttpResponse<byte[]> logo = raw(logoUrl, null);
            assertEquals(200, logo.statusCode());
            assertArrayEquals(png, logo.body());
            assertEquals("image/png", logo.headers().firstValue("Content-Type").orElse(""));
            String etag = logo.headers().firstValue("ETag").orElseThrow();
            assertTrue(logo.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
            assertEquals(304, raw(logoUrl, etag).statusCode(), "a cached copy is revalidated by its tag");
            assertTrue(PortalClient.anonymous(base).get("/t/riverside-mall/").body().contains(logoUrl),
                    "the header shows the logo");

            assertEquals(204, PortalClient.basic(base, "riverside.admin", PASSWORD)
                    .send(RIVERSIDE + "/settings/workspace/logo", "DELETE").statusCode());
            assertEquals(404, raw(RIVERSIDE + "/logo", null).statusCode());
        } finally {
            JsonObject now = PortalClient.json(admin.get(RIVERSIDE + "/settings/workspace"));
            admin.putJson(RIVERSIDE + "/settings/workspace", workspace(now, null, "[]", 5, 10, 100));
        }
    }

    @Test
    void theIntakeApiEnforcesTheRequiredFieldsAndAttachmentLimits() throws IOException {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        JsonObject before = PortalClient.json(admin.get(RIVERSIDE + "/settings/workspace"));
        assertEquals(200, admin.putJson(RIVERSIDE + "/settings/workspace",
                workspace(before, null, "[\"EMAIL\",\"LOCATION\"]", 1, 1, 100)).statusCode());
        try {
            PortalClient visitor = PortalClient.anonymous(base).language("en");
            HttpResponse<String> missing = visitor.postJson(RIVERSIDE + "/complaints",
                    "{\"kind\":\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\"}");
            assertEquals(422, missing.statusCode(), missing.body());
            assertTrue(missing.body().contains("\"contactEmail\"") && missing.body().contains("\"location\""),
                    missing.body());
            String filing = "{\"kind\":\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\","
                    + "\"contactEmail\":\"a@example.com\",\"location\":\"B1-12\"}";
            HttpResponse<String> twoFiles = visitor.postBytes(RIVERSIDE + "/complaints",
                    "multipart/form-data; boundary=kefu-it", multipart(filing, png(), png()));
            assertEquals(422, twoFiles.statusCode(), "one file allowed: " + twoFiles.body());
            assertTrue(twoFiles.body().contains("\"files\""), twoFiles.body());
            byte[] big = new byte[1024 * 1024 + 10];
            System.arraycopy(png(), 0, big, 0, 8);
            assertEquals(422, visitor.postBytes(RIVERSIDE + "/complaints", "multipart/form-data; boundary=kefu-it",
                    multipart(filing, big)).statusCode(), "at most 1 MB a file");
            HttpResponse<String> complete = visitor.postBytes(RIVERSIDE + "/complaints",
                    "multipart/form-data; boundary=kefu-it", multipart(filing, png()));
            assertEquals(201, complete.statusCode(), complete.body());
            assertEquals(201, PortalClient.anonymous(base).postJson(HUIJING + "/complaints",
                    "{\"kind\":\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\"}").statusCode(),
                    "huijing's form is unchanged");
        } finally {
            JsonObject now = PortalClient.json(admin.get(RIVERSIDE + "/settings/workspace"));
            admin.putJson(RIVERSIDE + "/settings/workspace", workspace(now, null, "[]", 5, 10, 100));
        }
    }

    @Test
    void aGradeAResidentsCaseIsDueInHalfTheTime() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        HttpResponse<String> imported = admin.postBytes(HUIJING + "/residents/import", "text/csv",
                (HEADER + "G" + phone + ",1,,贵宾,"  + phone + ",,A\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject before = PortalClient.json(admin.get(HUIJING + "/settings/workspace"));
        assertEquals(200, admin.putJson(HUIJING + "/settings/workspace", workspace(before, null, "[]", 5, 10, 50))
                .statusCode());
        try {
            JsonObject graded = file(phone);
            JsonObject normal = file("13700000001");
            OffsetDateTime gradedDue = OffsetDateTime.parse(graded.getString("resolutionDue"));
            OffsetDateTime normalDue = OffsetDateTime.parse(normal.getString("resolutionDue"));
            assertTrue(gradedDue.isBefore(normalDue), gradedDue + " before " + normalDue);
            assertTrue(OffsetDateTime.parse(graded.getString("firstResponseDue"))
                    .isBefore(OffsetDateTime.parse(normal.getString("firstResponseDue"))));
        } finally {
            JsonObject now = PortalClient.json(admin.get(HUIJING + "/settings/workspace"));
            admin.putJson(HUIJING + "/settings/workspace", workspace(now, null, "[]", 5, 10, 100));
        }
    }

    @Test
    void aThousandRowsWithFiveBadOnesImportNineHundredNinetyFiveAndReportTheFive() throws IOException {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD).language("en");
        long before = total(admin, HUIJING, null);
        String building = "B" + System.nanoTime() % 1_000_000_000L;
        List<Integer> bad = List.of(11, 202, 503, 804, 1001);
        String csv = thousandRows(building);
        HttpResponse<String> response = admin.postBytes(HUIJING + "/residents/import?name=residents.csv",
                "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject outcome = PortalClient.json(response);
        assertEquals(995, outcome.getInt("imported"));
        JsonArray rejected = outcome.getJsonArray("rejected");
        assertEquals(bad, rejected.stream().map(r -> r.asJsonObject().getInt("row")).toList());
        assertEquals("The same resident and unit as row 2.", rejected.getJsonObject(4).getString("reason"));
        assertEquals(before + 995, total(admin, HUIJING, null));
        assertEquals(995, total(admin, HUIJING, building));

        HttpResponse<String> report = admin.get(outcome.getString("reportUrl"));
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("202,phone,") && report.body().contains("503,grade,"), report.body());
        assertEquals(100, PortalClient.json(admin.get(HUIJING + "/residents/imports/" + outcome.getInt("id")))
                .getInt("percent"));

        byte[] pdf = "%PDF-1.4 \u00ff\u00fe not a list".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> malformed = admin.postBytes(HUIJING + "/residents/import", "text/csv", pdf);
        assertEquals(422, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("Nothing was imported"), malformed.body());
        HttpResponse<String> noHeader = admin.postBytes(HUIJING + "/residents/import", "text/csv",
                (building + "X,1,,王五,13911112222,,\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, noHeader.statusCode(), noHeader.body());
        assertEquals(before + 995, total(admin, HUIJING, null), "a malformed file imports nothing");

        byte[] xlsx = xlsx(List.of(List.of("楼栋", "房号", "姓名", "电话", "等级"),
                List.of(building + "X", "101", "王五", 13911112222L, "B"),
                List.of(building + "X", "102", "赵六", 13911113333L, "")));
        HttpResponse<String> excel = admin.postBytes(HUIJING + "/residents/import",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        assertEquals(200, excel.statusCode(), excel.body());
        assertEquals(2, PortalClient.json(excel).getInt("imported"));
        JsonObject listed = PortalClient.json(admin.get(HUIJING + "/residents?q=13911112222"));
        assertEquals(1, listed.getInt("total"));
        assertEquals("B", listed.getJsonArray("items").getJsonObject(0).getString("grade"));

        // Saved by Excel on a Chinese Windows: GBK, no byte-order mark.
        HttpResponse<String> gbk = admin.postBytes(HUIJING + "/residents/import?name=gbk.csv", "text/csv",
                ("楼栋,房号,姓名,电话\r\n" + building + "G,201,欧阳娜,13911115555\r\n").getBytes(Charset.forName("GBK")));
        assertEquals(200, gbk.statusCode(), gbk.body());
        assertEquals(1, PortalClient.json(gbk).getInt("imported"));
        assertEquals("欧阳娜", PortalClient.json(admin.get(HUIJING + "/residents?q=13911115555")).getJsonArray("items")
                .getJsonObject(0).getString("name"));

        String boundary = "kefu-it";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"more.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HEADER + building + "X,103,,钱七,13911114444,,\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> multipart = admin.postBytes(HUIJING + "/residents/import",
                "multipart/form-data; boundary=" + boundary, form.toByteArray());
        assertEquals(200, multipart.statusCode(), multipart.body());
        assertEquals(1, PortalClient.json(multipart).getInt("imported"));
    }

    @Test
    void anotherTenantsAdminReachesNeitherHuijingsWorkspaceNorItsResidents() {
        PortalClient.awaitReady(base);
        PortalClient huijing = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String marker = "H" + System.nanoTime() % 1_000_000_000L;
        HttpResponse<String> imported = huijing.postBytes(HUIJING + "/residents/import", "text/csv",
                (HEADER + marker + ",1,,周八,13922223333,,A\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        long importId = PortalClient.json(imported).getInt("id");

        PortalClient riverside = PortalClient.basic(base, "riverside.admin", PASSWORD);
        JsonObject own = PortalClient.json(huijing.get(HUIJING + "/settings/workspace"));
        assertEquals(403, riverside.get(HUIJING + "/settings/workspace").statusCode());
        assertEquals(403, riverside.putJson(HUIJING + "/settings/workspace",
                workspace(own, "#000000", "[]", 5, 10, 100)).statusCode());
        assertEquals(403, putBytes("riverside.admin", HUIJING + "/settings/workspace/logo", "image/png", png())
                .statusCode());
        assertEquals(403, riverside.send(HUIJING + "/settings/workspace/logo", "DELETE").statusCode());
        assertEquals(403, riverside.get(HUIJING + "/residents").statusCode());
        assertEquals(403, riverside.postBytes(HUIJING + "/residents/import", "text/csv",
                (HEADER + "R,1,,x,13800000000,,\r\n").getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(403, riverside.get(HUIJING + "/residents/imports/" + importId).statusCode());
        assertEquals(403, riverside.get(HUIJING + "/residents/imports/" + importId + "/report").statusCode());
        assertEquals(404, riverside.get(RIVERSIDE + "/residents/imports/" + importId).statusCode(),
                "huijing's import does not exist under riverside");
        assertEquals(0, total(riverside, RIVERSIDE, marker), "huijing's residents never appear under riverside");
        assertEquals(0, total(riverside, RIVERSIDE, "13922223333"));
        assertEquals(own, PortalClient.json(huijing.get(HUIJING + "/settings/workspace")), "nothing changed");
    }

    @Test
    void everyAdminPageHasTheSameNavigationWithTheCurrentPageMarked() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD);
        for (String page : List.of("", "workspace", "office", "service", "callbacks", "surveys", "residents")) {
            HttpResponse<String> response = admin.get("/t/huijing-property/admin/" + page);
            assertEquals(200, response.statusCode(), page);
            String html = response.body();
            assertTrue(html.contains("id=\"admin-nav\""), page);
            for (String link : List.of("admin-home-link", "workspace-link", "office-link", "service-link",
                    "callbacks-admin-link", "surveys-link", "residents-link", "people-link", "audit-link")) {
                assertTrue(html.contains("id=\"" + link + "\""), link + " on " + page);
            }
            assertEquals(1, html.split("aria-current=\"page\"", -1).length - 1, "one current page on " + page);
        }
        assertTrue(admin.get("/t/huijing-property/admin/workspace").body()
                .matches("(?s).*id=\"workspace-link\"[^>]*class=\"active\".*"), "the workspace link is marked");
        assertEquals(403, PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD)
                .get("/t/huijing-property/admin/residents").statusCode(), "staff are not admins");
    }

    @Test
    void anAdminUploadsAResidentFileSeesTheProgressReachTheEndAndGetsTheReport() throws IOException {
        PortalClient.awaitReady(base);
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1280,1000", Map.of(
                "download.default_directory", profile.toString(), "download.prompt_for_download", false));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            String root = base.toString().replaceAll("/$", "");
            browser.get(root + "/t/huijing-property/admin/residents");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
            browser.findElement(By.id("login:username")).sendKeys("huijing.admin");
            browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-nav")));
            screenshot(browser, "residents-empty");

            Path file = profile.resolve("residents.csv");
            Files.writeString(file, thousandRows("W" + System.nanoTime() % 1_000_000_000L));
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(file.toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#import .ui-progressbar"),
                    "100%"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import:import-summary")));
            assertEquals("已导入 995 行，5 行未导入。", browser.findElement(By.id("import:import-summary")).getText());
            assertTrue(browser.findElement(By.id("import:report")).isDisplayed(), "the error report can be downloaded");
            screenshot(browser, "residents-imported");
            browser.findElement(By.id("import:report")).click();
            Path report;
            wait.until(d -> {
                try (var files = Files.list(profile)) {
                    return files.anyMatch(f -> f.getFileName().toString().endsWith("-errors.csv"));
                } catch (IOException e) {
                    return false;
                }
            });
            try (var files = Files.list(profile)) {
                report = files.filter(f -> f.getFileName().toString().endsWith("-errors.csv")).findFirst()
                        .orElseThrow();
            }
            String lines = Files.readString(report, StandardCharsets.UTF_8);
            assertTrue(lines.contains("1001,phone,与第 2 行的客户和房号重复。"), lines);

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(root + "/t/huijing-property/admin/workspace");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace:nameZh")));
            assertTrue(browser.findElement(By.id("workspace-link")).getAttribute("class").contains("active"));
            screenshot(browser, "workspace-phone");
        } finally {
            screenshot(browser, "final");
            browser.quit();
        }
    }

    private int step;

    private void screenshot(WebDriver browser, String name) {
        Chromium.screenshot(browser, PostgresServer.expectedDatabase(), String.format("WorkspaceIT-%02d-%s.png", ++step,
                name));
    }

    // --- helpers ---

    /** 1,000 residents of one building; rows 11, 202, 503, 804 and 1001 (header = row 1) are bad. */
    private static String thousandRows(String building) {
        StringBuilder csv = new StringBuilder("\uFEFF" + HEADER);
        for (int i = 1; i <= 1000; i++) {
            int row = i + 1;
            String phone = "138" + String.format("%08d", i);
            if (row == 11) {
                csv.append(building).append(',').append(i).append(",,,").append(phone).append(",,\r\n");
            } else if (row == 202) {
                csv.append(building).append(',').append(i).append(",,李").append(i).append(",12ab,,\r\n");
            } else if (row == 503) {
                csv.append(building).append(',').append(i).append(",,李").append(i).append(',').append(phone)
                        .append(",,Z\r\n");
            } else if (row == 804) {
                csv.append(building).append(',').append(i).append(",-5,李").append(i).append(',').append(phone)
                        .append(",,\r\n");
            } else if (row == 1001) {
                csv.append(building).append(",1,,张三,13800000001,,\r\n");
            } else {
                csv.append(building).append(',').append(i).append(",88.5,李").append(i).append(',').append(phone)
                        .append(",li").append(i).append("@example.com,").append("ABC".charAt(i % 3)).append("\r\n");
            }
        }
        return csv.toString();
    }


    private JsonObject file(String phone) {
        HttpResponse<String> filed = PortalClient.anonymous(base).postJson(HUIJING + "/complaints",
                "{\"kind\":\"COMPLAINT\",\"description\":\"等级测试\",\"contactPhone\":\"" + phone + "\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed);
    }

    private static long total(PortalClient client, String tenant, String query) {
        HttpResponse<String> list = client.get(tenant + "/residents?size=1" + (query == null ? "" : "&q=" + query));
        assertEquals(200, list.statusCode(), list.body());
        return PortalClient.json(list).getJsonNumber("total").longValue();
    }

    /** The workspace as read, with colour, required fields, limits and grade A's percent replaced. */
    private static String workspace(JsonObject current, String colour, String required, int maxFiles, int maxMb,
            int gradeA) {
        return "{\"nameZh\":\"" + current.getString("nameZh") + "\",\"nameEn\":\"" + current.getString("nameEn")
                + "\",\"defaultLocale\":\"" + current.getString("defaultLocale") + "\",\"timeZone\":\""
                + current.getString("timeZone") + "\",\"primaryColour\":" + (colour == null ? "null" : "\"" + colour
                + "\"") + ",\"requiredFields\":" + required + ",\"maxFiles\":" + maxFiles + ",\"maxFileMb\":" + maxMb
                + ",\"gradePercents\":{\"A\":" + gradeA + ",\"B\":100,\"C\":100},\"version\":"
                + current.getJsonNumber("version") + "}";
    }

    private HttpResponse<String> putBytes(String username, String path, String type, byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> raw(String path, String ifNoneMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create(base.toString()).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0x0f766e);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(String filing, byte[]... files) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--kefu-it\r\nContent-Disposition: form-data; name=\"complaint\"\r\nContent-Type: application/json"
                + "\r\n\r\n" + filing + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.length; i++) {
            body.write(("--kefu-it\r\nContent-Disposition: form-data; name=\"files\"; filename=\"p" + i + ".png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(files[i]);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write("--kefu-it--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A workbook as Excel writes one, made with the library: text as text, numbers (phone numbers too) as numbers. */
    private static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("住户");
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

}
