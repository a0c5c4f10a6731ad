package io.kefu.it.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.it.PortalClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A tenant of the matrix filled through the API by its own people, so that every kind of identifier exists there
 * and carries text found nowhere else: cases in every state (with an attachment, a dispatch order, a closed
 * callback, a survey invitation), a department, a holiday, a phrase, a canned reply, a handler, a courtesy plan, a
 * survey template and campaign, residents, a logo and an invited colleague. Every text carries the tenant's
 * {@code mark}, so a leak is recognisable wherever it turns up.
 */
final class TenantFixture {

    static final String PASSWORD = "iso-Matrix-2026";

    /** The roles of a matrix tenant's people; usernames are {@code slug.role}. */
    static final List<String> ROLES = List.of("admin", "supervisor", "staff", "resident");

    private final URL base;
    private final String slug;
    private final String mark;
    private final String day;

    private final List<String> trackingTokens = new ArrayList<>();
    private final List<String> importIds = new ArrayList<>();

    TenantFixture(URL base, String slug, String tag, String day) {
        this.base = base;
        this.slug = slug;
        this.mark = tag + UUID.randomUUID().toString().substring(0, 6);
        this.day = day;
    }

    static String username(String slug, String role) {
        return slug + "." + role;
    }

    PortalClient person(String role) {
        return PortalClient.basic(base, username(slug, role), PASSWORD);
    }

    String slug() {
        return slug;
    }

    String mark() {
        return mark;
    }

    String departmentCode() {
        return "d-" + mark;
    }

    String templateCode() {
        return "t-" + mark;
    }

    String campaignCode() {
        return "c-" + mark;
    }

    String day() {
        return day;
    }

    String phrase() {
        return mark + "禁语";
    }

    String cannedTitle() {
        return mark + "模板";
    }

    String invitee() {
        return username(slug, "invitee");
    }

    List<String> trackingTokens() {
        return trackingTokens;
    }

    List<String> importIds() {
        return importIds;
    }

    /** Everything, in an order the rules allow; each step must succeed (the matrix relies on what it makes). */
    void fill() {
        PortalClient admin = person("admin");
        PortalClient staff = person("staff");
        String supervisor = username(slug, "supervisor");

        JsonObject office = ok(admin.get(api("/settings/office")));
        ok(admin.putJson(api("/settings/office"), Json.createObjectBuilder(office).add("anonymousAllowed", true)
                .add("manager", supervisor).build().toString()));
        ok(admin.postJson(api("/departments"), object().add("code", departmentCode()).add("nameZh", mark + "部门")
                .add("nameEn", mark + " department").build().toString()));
        ok(admin.postJson(api("/settings/calendar-days"), object().add("day", day).add("type", "HOLIDAY")
                .add("label", mark + "假日").build().toString()));
        ok(admin.postJson(api("/settings/forbidden-phrases"), object().add("phrase", phrase())
                .add("suggestion", mark + "建议说法").build().toString()));
        ok(admin.postJson(api("/settings/canned-replies"), object().add("title", cannedTitle())
                .add("categoryCode", "repairs").add("body", "您好！" + mark + "的维修师傅已安排。谢谢，再见！").build()
                .toString()));
        ok(admin.postJson(api("/settings/handlers"), object().add("departmentCode", departmentCode())
                .add("username", username(slug, "staff")).build().toString()));
        ok(person("supervisor").postJson(api("/reports/monthly/" + Recipes.REPORT_MONTH), ""));
        // Last month's table as well, which the monthly job would otherwise make in the middle of the matrix.
        ok(person("supervisor").postJson(api("/reports/monthly/" + java.time.YearMonth.now(
                java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1)), ""));
        ok(admin.putJson(api("/settings/customer-base/" + Recipes.CUSTOMER_BASE_MONTH), object()
                .add("customers", 1_200).build().toString()));
        ok(admin.postJson(api("/settings/courtesy-plans"), object().add("name", mark + "回访计划").add("everyMonths", 6)
                .add("nextDue", "2031-01-01").add("assignee", username(slug, "staff"))
                .add("targets", mark + "张先生, 13800138000, 1栋101").build().toString()));
        ok(admin.postJson(api("/surveys/templates"), object().add("code", templateCode()).add("nameZh", mark + "问卷")
                .add("nameEn", mark + " survey").add("questions", Json.createArrayBuilder().add(object()
                        .add("kind", "RATING").add("required", true).add("textZh", mark + "满意吗")
                        .add("textEn", mark + " satisfied?"))).build().toString()));
        ok(admin.postJson(api("/surveys/templates/" + templateCode() + "/versions/1/publish"), ""));
        JsonObject surveys = ok(admin.get(api("/surveys/settings")));
        ok(admin.putJson(api("/surveys/settings"), Json.createObjectBuilder(surveys).add("postCasePercent", 100)
                .add("delayHours", 0).add("postCaseTemplate", "satisfaction").build().toString()));
        LocalDate today = LocalDate.now();
        ok(admin.postJson(api("/surveys/campaigns"), object().add("code", campaignCode()).add("nameZh", mark + "调查")
                .add("nameEn", mark + " campaign").add("template", templateCode()).add("opensOn", today.toString())
                .add("closesOn", today.plusDays(30).toString()).add("anonymous", true).build().toString()));
        importResidents(admin);
        protectOneRecord(admin);
        ok(admin.sendBytes("PUT", api("/settings/workspace/logo"), "image/png", png()));
        ok(admin.postJson(api("/people"), object().add("username", invitee())
                .add("email", invitee() + "@isolation.kefu.invalid").add("displayName", mark + "新同事")
                .add("roles", Json.createArrayBuilder().add("STAFF")).build().toString()));

        PortalClient anonymous = PortalClient.anonymous(base);
        String closed = file(anonymous, "COMPLAINT", "一");
        String open = file(anonymous, "REPAIR", "二");
        fileWithPhoto(anonymous);
        file(person("resident"), "CONSULTATION", "四");

        act(staff, closed, "accept", object());
        act(staff, closed, "route", object().add("departmentCode", departmentCode()).add("note", mark + "转工程"));
        act(staff, closed, "note", object().add("text", mark + "内部备注"));
        act(staff, closed, "reply", object().add("text", "您好！" + mark + "的问题正在处理，谢谢，再见！"));
        ok(staff.postJson(api("/complaints/" + closed + "/dispatch-orders"), object().add("worker", mark + "师傅")
                .add("appointment", "2031-01-02T10:00:00+08:00").add("parts", mark + "配件").build().toString()));
        ok(staff.postJson(api("/complaints/" + closed + "/dispatch-orders/1/result"), object()
                .add("result", mark + "已修好").add("parts", mark + "配件").build().toString()));
        JsonObject resolved = act(staff, closed, "resolve", object().add("resolution", mark + "处理结果"));
        String callback = Identifiers.text(resolved.get("callbackId"));
        JsonObject task = ok(staff.get(api("/callbacks/" + callback)));
        ok(person("supervisor").postJson(api("/callbacks/" + callback + "/attempts"), object().add("method", "PHONE")
                .add("reached", true).add("satisfaction", "SATISFIED").add("score", 5)
                .add("comment", mark + "回访满意").add("version", task.getJsonNumber("version").longValue()).build()
                .toString()));
        // A major case: its MAJOR notice is an alert of the supervisor's (the live desk's alert API).
        String major = file(anonymous, "COMPLAINT", "五");
        act(staff, major, "accept", object());
        act(staff, major, "classify", object().add("categoryCode", "repairs").add("severity", "MAJOR")
                .add("kind", "COMPLAINT"));
        act(staff, open, "accept", object());
        act(staff, open, "route", object().add("departmentCode", departmentCode()).add("note", mark + "请处理"));
        // Shifts around the clock with the staff member in each, and the staff member's submitted hand-over.
        ok(admin.putJson(api("/settings/shifts"), object().add("shifts", Json.createArrayBuilder()
                .add(object().add("code", "day").add("name", mark + "白班").add("start", "08:00").add("end", "20:00")
                        .add("members", Json.createArrayBuilder().add(username(slug, "staff"))))
                .add(object().add("code", "night").add("name", mark + "夜班").add("start", "20:00").add("end", "08:00")))
                .build().toString()));
        ok(staff.postJson(api("/handovers"), object().add("items", Json.createArrayBuilder().add(object()
                .add("subject", open).add("remark", mark + "交接备注"))).add("equipment", mark + "设备问题")
                .add("notes", mark + "交接事项").build().toString()));
        // A corrective action in the matrix's quarter (its report a draft), answering the closed case.
        ok(person("supervisor").postJson(api("/reports/actions"), object().add("quarter", Recipes.QUARTER)
                .add("departmentCode", departmentCode()).add("description", mark + "整改措施")
                .add("owner", username(slug, "staff")).add("dueDate", "2031-01-01")
                .add("cases", Json.createArrayBuilder().add(closed)).build().toString()));
    }

    private void importResidents(PortalClient admin) {
        String csv = "building,unit,name,phone\n1栋,101," + mark + "住户,13900139001\n2栋,202," + mark
                + "业主,13900139002\n";
        JsonObject started = ok(admin.sendBytes("POST", api("/residents/import?name=residents.csv"), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        String id = String.valueOf(started.getJsonNumber("id").longValue());
        importIds.add(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ok(admin.get(api("/residents/imports/" + id))).getString("status").equals("RUNNING")) {
            assertTrue(System.nanoTime() < deadline, "import " + id + " still running");
            pause();
        }
    }

    /**
     * The owner's record made secret (秘密), the supervisor cleared for it (so that what the matrix learns as the
     * supervisor shows it unmasked, and a leak of it is recognisable), and a staff member's pending request to read
     * it: the grant key the matrix tries the decisions with.
     */
    private void protectOneRecord(PortalClient admin) {
        String owner = null;
        for (JsonValue item : ok(admin.get(api("/customers?size=100"))).getJsonArray("items")) {
            if (item.asJsonObject().getString("name").equals(mark + "业主")) {
                owner = item.asJsonObject().getString("key");
            }
        }
        assertTrue(owner != null, "the imported owner's record");
        ok(admin.putJson(api("/customers/" + owner + "/confidentiality"), object().add("level", "SECRET").build()
                .toString()));
        ok(admin.putJson(api("/clearances/" + username(slug, "supervisor")), object().add("level", "SECRET").build()
                .toString()));
        ok(person("staff").postJson(api("/grants/requests"), object().add("customer", owner)
                .add("reason", mark + "申请查看").build().toString()));
    }

    private String file(PortalClient who, String kind, String which) {
        JsonObject filed = ok(who.postJson(api("/complaints"), filing(kind, which).build().toString()));
        trackingTokens.add(filed.getString("trackingToken"));
        return filed.getString("number");
    }

    private void fileWithPhoto(PortalClient who) {
        byte[] json = filing("REPAIR", "三").build().toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--kefu-iso\r\nContent-Disposition: form-data; name=\"complaint\"\r\nContent-Type: "
                + "application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(json);
        body.writeBytes(("\r\n--kefu-iso\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + mark
                + "现场照片.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png());
        body.writeBytes("\r\n--kefu-iso--\r\n".getBytes(StandardCharsets.UTF_8));
        JsonObject filed = ok(who.sendBytes("POST", api("/complaints"), "multipart/form-data; boundary=kefu-iso",
                body.toByteArray()));
        trackingTokens.add(filed.getString("trackingToken"));
    }

    private JsonObjectBuilder filing(String kind, String which) {
        return object().add("kind", kind).add("categoryCode", "repairs")
                .add("description", mark + "的第" + which + "件：楼道灯坏了").add("location", mark + "3栋2单元")
                .add("contactName", mark + "王女士").add("contactPhone", "13800138000")
                .add("contactEmail", mark + "@example.com").add("desiredOutcome", mark + "尽快修好");
    }

    private JsonObject act(PortalClient staff, String number, String action, JsonObjectBuilder body) {
        long version = ok(staff.get(api("/complaints/" + number))).getJsonNumber("version").longValue();
        return ok(staff.postJson(api("/complaints/" + number + "/actions/" + action),
                body.add("version", version).build().toString()));
    }

    private String api(String rest) {
        return "/api/v1/tenants/" + slug + rest;
    }

    private static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }

    /** The answer of a step that must succeed, as JSON ({} when it has no body). */
    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(2, response.statusCode() / 100, response.request().method() + " " + response.request().uri()
                + ": " + response.body());
        String body = response.body();
        return body == null || !body.strip().startsWith("{")
                ? JsonValue.EMPTY_JSON_OBJECT : PortalClient.json(response);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(2, 3, 0x0f766e);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
