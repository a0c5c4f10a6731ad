package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin's configuration through the API, and what it changes for the office: anonymous filing,
 * deadlines, forbidden phrases, canned replies, calendar days. One tenant's settings never reach another.
 */
@SharedPortal.Client
class SettingsIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String HUIJING = "/api/v1/tenants/huijing-property";

    @SharedPortal.Base
    URL base;

    @Test
    void anAdminTurnsAnonymousFilingOffAndOnlyTheirTenantChanges() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        JsonObject office = PortalClient.json(admin.get(RIVERSIDE + "/settings/office"));
        String off = "{\"anonymousAllowed\":false,\"workingPeriods\":\"" + office.getString("workingPeriods")
                + "\",\"restDays\":[\"SATURDAY\",\"SUNDAY\"],\"version\":" + office.getInt("version") + "}";
        HttpResponse<String> saved = admin.putJson(RIVERSIDE + "/settings/office", off);
        assertEquals(200, saved.statusCode(), saved.body());
        try {
            HttpResponse<String> anonymous = PortalClient.anonymous(base).language("en").postJson(RIVERSIDE
                    + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\"}");
            assertEquals(422, anonymous.statusCode());
            assertTrue(anonymous.body().contains("\"anonymous\""), anonymous.body());
            assertEquals(201, PortalClient.anonymous(base).postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\","
                    + "\"description\":\"x\",\"contactPhone\":\"13800138000\"}").statusCode(), "huijing unchanged");
            assertEquals(409, admin.putJson(RIVERSIDE + "/settings/office", off).statusCode(), "stale version");
        } finally {
            JsonObject now = PortalClient.json(admin.get(RIVERSIDE + "/settings/office"));
            admin.putJson(RIVERSIDE + "/settings/office", "{\"anonymousAllowed\":true,\"workingPeriods\":\""
                    + now.getString("workingPeriods") + "\",\"restDays\":[\"SATURDAY\",\"SUNDAY\"],\"version\":"
                    + now.getInt("version") + "}");
        }
    }

    /**
     * Each node keeps a copy of every tenant's intake rules, categories and deadlines ({@code io.kefu.cache}); one
     * tenant's copy must never answer for another, before or after a change. Both tenants' copies are read first,
     * then one tenant changes, and each tenant's answers stay its own.
     */
    @Test
    void aCachedSettingOfOneTenantIsNeverServedToAnother() {
        PortalClient.awaitReady(base);
        PortalClient huijingAdmin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient huijingStaff = PortalClient.basic(base, "huijing.staff", PASSWORD);
        PortalClient riversideStaff = PortalClient.basic(base, "riverside.staff", PASSWORD);
        java.util.Set<String> huijingCodes = codes(huijingStaff.get(HUIJING + "/categories"));
        java.util.Set<String> riversideCodes = codes(riversideStaff.get(RIVERSIDE + "/categories"));
        String huijingOnly = huijingCodes.stream().filter(c -> !riversideCodes.contains(c)).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            // Huijing's categories are read (and kept) first; Riverside never gets them.
            assertEquals(201, huijingStaff.postJson(HUIJING + "/complaints", staffFiling(huijingOnly)).statusCode());
            HttpResponse<String> foreign = riversideStaff.postJson(RIVERSIDE + "/complaints", staffFiling(huijingOnly));
            assertEquals(422, foreign.statusCode(), foreign.body());
            assertTrue(foreign.body().contains("categoryCode"), foreign.body());
        }
        assertTrue(PortalClient.json(PortalClient.anonymous(base).get(RIVERSIDE + "/intake"))
                .getBoolean("anonymousAllowed"));
        JsonObject office = PortalClient.json(huijingAdmin.get(HUIJING + "/settings/office"));
        assertEquals(200, huijingAdmin.putJson(HUIJING + "/settings/office", jakarta.json.Json.createObjectBuilder(
                office).add("anonymousAllowed", false).build().toString()).statusCode());
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(false, PortalClient.json(PortalClient.anonymous(base).get(HUIJING + "/intake"))
                        .getBoolean("anonymousAllowed"));
                assertEquals(true, PortalClient.json(PortalClient.anonymous(base).get(RIVERSIDE + "/intake"))
                        .getBoolean("anonymousAllowed"), "Riverside's own rule, not Huijing's");
            }
            assertEquals(201, PortalClient.anonymous(base).postJson(RIVERSIDE + "/complaints", "{\"kind\":"
                    + "\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\"}").statusCode());
            assertEquals(422, PortalClient.anonymous(base).postJson(HUIJING + "/complaints", "{\"kind\":"
                    + "\"COMPLAINT\",\"description\":\"x\",\"contactPhone\":\"13800138000\"}").statusCode());
        } finally {
            JsonObject now = PortalClient.json(huijingAdmin.get(HUIJING + "/settings/office"));
            huijingAdmin.putJson(HUIJING + "/settings/office", jakarta.json.Json.createObjectBuilder(now)
                    .add("anonymousAllowed", true).build().toString());
        }
    }

    private static java.util.Set<String> codes(HttpResponse<String> categories) {
        assertEquals(200, categories.statusCode(), categories.body());
        return PortalClient.jsonArray(categories).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code")).collect(java.util.stream.Collectors.toSet());
    }

    private static String staffFiling(String categoryCode) {
        return "{\"kind\":\"COMPLAINT\",\"categoryCode\":\"" + categoryCode + "\",\"description\":\"缓存隔离\","
                + "\"contactName\":\"赵先生\",\"contactPhone\":\"13800138111\",\"channel\":\"PHONE\"}";
    }

    @Test
    void aTenantsForbiddenPhrasesAndCannedRepliesAreItsOwn() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        String phrase = "no way" + System.nanoTime() % 1000;
        assertEquals(201, admin.postJson(RIVERSIDE + "/settings/forbidden-phrases", "{\"phrase\":\"" + phrase
                + "\",\"suggestion\":\"Let me see what we can do\"}").statusCode());
        assertEquals(409, admin.postJson(RIVERSIDE + "/settings/forbidden-phrases", "{\"phrase\":\"" + phrase
                + "\"}").statusCode(), "already listed");
        try {
            assertEquals(422, reply("riverside", RIVERSIDE, "Sorry, " + phrase + ".").statusCode());
            assertEquals(200, reply("huijing", HUIJING, "Sorry, " + phrase + ".").statusCode(),
                    "another tenant's list does not apply");
            HttpResponse<String> badTemplate = admin.postJson(RIVERSIDE + "/settings/canned-replies",
                    "{\"title\":\"t" + phrase + "\",\"body\":\"" + phrase + "\"}");
            assertEquals(422, badTemplate.statusCode(), "a canned reply passes the same check");
        } finally {
            admin.send(RIVERSIDE + "/settings/forbidden-phrases/" + URLEncoder.encode(phrase, StandardCharsets.UTF_8)
                    .replace("+", "%20"), "DELETE");
        }
        assertEquals(200, reply("riverside", RIVERSIDE, "Sorry, " + phrase + ".").statusCode(), "removed again");
    }

    @Test
    void deadlinesAndCalendarDaysFollowTheAdminAndRefuseNonsense() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        assertEquals(422, admin.putJson(RIVERSIDE + "/settings/service-levels/REPAIR/SERIOUS",
                "{\"firstResponseMinutes\":120,\"resolutionMinutes\":60}").statusCode());
        HttpResponse<String> changed = admin.putJson(RIVERSIDE + "/settings/service-levels/SUGGESTION/ORDINARY",
                "{\"firstResponseMinutes\":30,\"resolutionMinutes\":60}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject filed = PortalClient.json(PortalClient.basic(base, "riverside.staff", PASSWORD).postJson(RIVERSIDE
                + "/complaints", "{\"kind\":\"SUGGESTION\",\"description\":\"More benches\",\"contactPhone\":"
                + "\"+6591234567\",\"channel\":\"VISIT\"}"));
        Duration budget = Duration.between(OffsetDateTime.parse(filed.getString("registeredAt")),
                OffsetDateTime.parse(filed.getString("resolutionDue")));
        assertTrue(budget.compareTo(Duration.ofDays(4)) < 0, "one working hour, not 15 working days: " + budget);

        String day = "2030-10-0" + (1 + System.nanoTime() % 7);
        admin.send(RIVERSIDE + "/settings/calendar-days/" + day, "DELETE");
        assertEquals(201, admin.postJson(RIVERSIDE + "/settings/calendar-days", "{\"day\":\"" + day
                + "\",\"type\":\"HOLIDAY\",\"label\":\"National Day\"}").statusCode());
        assertEquals(409, admin.postJson(RIVERSIDE + "/settings/calendar-days", "{\"day\":\"" + day
                + "\",\"type\":\"MAKE_UP_DAY\"}").statusCode());
        assertEquals(422, admin.postJson(RIVERSIDE + "/settings/calendar-days", "{\"day\":\"2030-13-45\","
                + "\"type\":\"HOLIDAY\"}").statusCode());
        assertTrue(PortalClient.json(admin.get(RIVERSIDE + "/settings/office")).containsKey("version"));
        assertEquals(200, admin.send(RIVERSIDE + "/settings/calendar-days/" + day, "DELETE").statusCode());
    }

    @Test
    void nobodyChangesAnotherTenantsSettingsAndStaffOnlyRead() {
        PortalClient.awaitReady(base);
        PortalClient huijingAdmin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        assertEquals(403, huijingAdmin.get(RIVERSIDE + "/settings/office").statusCode());
        assertEquals(403, huijingAdmin.postJson(RIVERSIDE + "/settings/forbidden-phrases", "{\"phrase\":\"x\"}")
                .statusCode());
        assertEquals(403, huijingAdmin.putJson(RIVERSIDE + "/settings/service-levels/COMPLAINT/MAJOR",
                "{\"firstResponseMinutes\":1,\"resolutionMinutes\":1}").statusCode());
        assertEquals(403, huijingAdmin.postJson(RIVERSIDE + "/settings/handlers",
                "{\"departmentCode\":\"engineering\",\"username\":\"huijing.staff\"}").statusCode());
        PortalClient staff = PortalClient.basic(base, "riverside.staff", PASSWORD);
        assertEquals(200, staff.get(RIVERSIDE + "/settings/canned-replies").statusCode());
        assertEquals(403, staff.postJson(RIVERSIDE + "/settings/canned-replies", "{\"title\":\"x\",\"body\":\"y\"}")
                .statusCode());
        HttpResponse<String> foreignHandler = PortalClient.basic(base, "riverside.admin", PASSWORD).postJson(
                RIVERSIDE + "/settings/handlers",
                "{\"departmentCode\":\"engineering\",\"username\":\"huijing.staff\"}");
        assertEquals(422, foreignHandler.statusCode(), "only this tenant's staff can handle its departments");
    }

    private HttpResponse<String> reply(String prefix, String tenantPath, String text) {
        PortalClient desk = PortalClient.basic(base, prefix + ".staff", PASSWORD);
        JsonObject filed = PortalClient.json(desk.postJson(tenantPath + "/complaints", "{\"kind\":\"CONSULTATION\","
                + "\"description\":\"phrase check\",\"contactPhone\":\"13800138000\",\"channel\":\"PHONE\"}"));
        String number = filed.getString("number");
        JsonObject c = PortalClient.json(desk.postJson(tenantPath + "/complaints/" + number + "/actions/accept",
                "{\"version\":1}"));
        return desk.postJson(tenantPath + "/complaints/" + number + "/actions/reply", "{\"version\":"
                + c.getInt("version") + ",\"text\":\"" + text + "\"}");
    }
}
