package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Customer records (客户档案) on PostgreSQL, through the API and the pages: found by name, phone and building,
 * paged; one record with its units and its whole history newest first (a case filed before the customer was on
 * the register included, once the import files it); key customers' new cases given to their handler, who is
 * told; the level set by supervisors only, audited; the case page linking to the record; another tenant sees
 * nothing of it.
 */
@SharedPortal.Client
class CustomerRecordIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String HEADER = "building,unit,area,name,phone,email,grade\r\n";

    @SharedPortal.Base
    URL base;

    @Test
    void aRecordIsFoundShowsItsUnitsAndHistoryRoutesKeyCustomersAndStaysInItsTenant() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient desk = PortalClient.basic(base, "huijing.staff", PASSWORD);
        PortalClient supervisor = PortalClient.basic(base, "huijing.supervisor", PASSWORD);
        long n = System.nanoTime() % 100_000_000L;
        String building = "K" + n;
        String name = "档案客户" + n;
        String phone = "138" + String.format("%08d", n);
        String neighbour = "137" + String.format("%08d", n);

        // Filed before the customer is on the register: no record yet, the case page says so.
        String early = file(desk, phone, "导入前登记的案件");
        assertTrue(desk.get("/t/huijing-property/staff/cases/" + early).body().contains("not-registered"));

        HttpResponse<String> imported = admin.postBytes(HUIJING + "/residents/import", "text/csv",
                (HEADER + building + ",101,,"  + name + "," + phone + ",,B\r\n"
                        + building + ",202,,"  + name + "," + phone + ",,A\r\n"
                        + building + ",303,,邻居" + n + "," + neighbour + ",,C\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        String later = file(desk, phone, "导入后登记的案件");

        // Found by name, by phone, by building (paged in the database).
        JsonObject byName = search(desk, HUIJING, "q=" + enc(name));
        assertEquals(1, byName.getInt("total"), byName.toString());
        String key = byName.getJsonArray("items").getJsonObject(0).getString("key");
        assertEquals(key, search(desk, HUIJING, "q=" + phone).getJsonArray("items").getJsonObject(0)
                .getString("key"));
        assertEquals(key, search(desk, HUIJING, "q=" + enc(building + " 202")).getJsonArray("items")
                .getJsonObject(0).getString("key"));
        JsonObject first = search(desk, HUIJING, "building=" + building + "&size=1&page=0");
        JsonObject second = search(desk, HUIJING, "building=" + building + "&size=1&page=1");
        assertEquals(2, first.getInt("total"), "the owner of two flats is one customer, the neighbour another");
        assertEquals(1, first.getJsonArray("items").size());
        assertNotEquals(first.getJsonArray("items").getJsonObject(0).getString("key"),
                second.getJsonArray("items").getJsonObject(0).getString("key"));

        // The record: both units, the best grade, the history newest first with the case filed before the import.
        JsonObject record = PortalClient.json(desk.get(HUIJING + "/customers/" + key));
        assertEquals(List.of(building + "-101", building + "-202"), record.getJsonArray("places").stream()
                .map(p -> p.asJsonObject().getString("building") + "-" + p.asJsonObject().getString("unit")).toList());
        assertEquals("A", record.getString("grade"));
        assertEquals(List.of(later, early), caseNumbers(record.getJsonObject("history").getJsonArray("items")));
        JsonObject history = PortalClient.json(desk.get(HUIJING + "/customers/" + key + "/history?page=0&size=1"));
        assertEquals(2, history.getInt("total"));
        assertEquals(List.of(later), caseNumbers(history.getJsonArray("items")));
        assertEquals(List.of(early), caseNumbers(PortalClient.json(desk.get(HUIJING + "/customers/" + key
                + "/history?page=1&size=1")).getJsonArray("items")));
        String page = desk.get("/t/huijing-property/staff/customer?key=" + key).body();
        assertTrue(page.contains(name) && page.contains(building + " 202") && page.contains(early), page);

        // The level: refused to staff, allowed to a supervisor, audited.
        long version = record.getJsonNumber("version").longValue();
        HttpResponse<String> byStaff = desk.putJson(HUIJING + "/customers/" + key, edit(version, name, null,
                "SECRET"));
        assertEquals(403, byStaff.statusCode(), byStaff.body());
        assertEquals("ORDINARY", PortalClient.json(desk.get(HUIJING + "/customers/" + key)).getString(
                "confidentiality"));
        HttpResponse<String> classified = supervisor.putJson(HUIJING + "/customers/" + key, edit(version, name,
                null, "SECRET"));
        assertEquals(200, classified.statusCode(), classified.body());
        assertEquals("SECRET", PortalClient.json(classified).getString("confidentiality"));
        JsonObject audit = PortalClient.json(admin.get(HUIJING + "/audit?action=customer.level"));
        assertTrue(audit.getJsonArray("items").stream().map(JsonObject.class::cast).anyMatch(e -> e.getString(
                "target").equals(key) && e.getString("actor").equals("huijing.supervisor")
                && e.getString("after").equals("SECRET")), audit.toString());

        // Above one's clearance a record is not written either; its level stays the supervisors' to set back.
        version = PortalClient.json(classified).getJsonNumber("version").longValue();
        HttpResponse<String> blind = desk.putJson(HUIJING + "/customers/" + key, edit(version, "改了的名字", null,
                null));
        assertEquals(403, blind.statusCode(), blind.body());
        assertEquals(200, supervisor.putJson(HUIJING + "/customers/" + key + "/confidentiality",
                "{\"level\":\"ORDINARY\"}").statusCode());

        // A handler who cannot be given work is a field error, and nothing of the edit is saved.
        version = PortalClient.json(desk.get(HUIJING + "/customers/" + key)).getJsonNumber("version").longValue();
        HttpResponse<String> stranger = desk.putJson(HUIJING + "/customers/" + key, edit(version, "改了的名字",
                "riverside.staff", null));
        assertEquals(422, stranger.statusCode(), stranger.body());
        assertTrue(stranger.body().contains("\"handler\""), stranger.body());
        assertEquals(name, PortalClient.json(desk.get(HUIJING + "/customers/" + key)).getString("name"));

        // A key customer: the new case goes to the named handler, who is told at once.
        HttpResponse<String> keyed = desk.putJson(HUIJING + "/customers/" + key, edit(version, name,
                "huijing.engineer", null));
        assertEquals(200, keyed.statusCode(), keyed.body());
        assertTrue(PortalClient.json(keyed).getBoolean("keyCustomer"));
        String routed = file(desk, phone, "重点客户的新案件");
        JsonObject routedCase = PortalClient.json(desk.get(HUIJING + "/complaints/" + routed));
        assertEquals("huijing.engineer", routedCase.getString("owner"), routedCase.toString());
        assertTrue(routedCase.toString().contains("KEY_CUSTOMER_HANDLER"), routedCase.toString());
        JsonObject notices = PortalClient.json(PortalClient.basic(base, "huijing.engineer", PASSWORD)
                .get(HUIJING + "/notices"));
        assertTrue(notices.getJsonArray("items").stream().map(JsonObject.class::cast).anyMatch(x -> x.getString(
                "caseNumber").equals(routed) && x.getString("kind").equals("KEY_CUSTOMER")), notices.toString());

        // The record page saves an edit; staff cannot change the level through it, even by posting one.
        PortalClient deskPage = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        String path = "/t/huijing-property/staff/customer?key=" + key;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("record", "record");
        form.put("record:kind_input", "SHOP");
        form.put("record:name", name);
        form.put("record:vip-choice_input", "on");
        form.put("record:handler_input", "huijing.engineer");
        form.put("record:notes", "页面上写的备注");
        form.put("record:confidentiality_input", "TOP_SECRET");
        form.put("record:save", "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(deskPage.get(path).body()));
        HttpResponse<String> saved = deskPage.postForm(path, form);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject edited = PortalClient.json(desk.get(HUIJING + "/customers/" + key));
        assertEquals("页面上写的备注", edited.getString("notes"), saved.body());
        assertEquals("SHOP", edited.getString("kind"));
        assertEquals("ORDINARY", edited.getString("confidentiality"),
                "the level is the supervisor's, not the staff form's");

        // The case page links to the record and says whose key customer it is.
        String casePage = desk.get("/t/huijing-property/staff/cases/" + routed).body();
        assertTrue(casePage.contains("staff/customer?key=" + key), casePage);
        assertTrue(casePage.contains("huijing.engineer") && casePage.contains("key-customer"), casePage);

        // Residents are refused; another tenant's staff find nothing and reach nothing of it.
        assertEquals(403, PortalClient.basic(base, "huijing.resident", PASSWORD).get(HUIJING + "/customers")
                .statusCode());
        PortalClient riverside = PortalClient.basic(base, "riverside.staff", PASSWORD);
        assertEquals(404, riverside.get(RIVERSIDE + "/customers/" + key).statusCode());
        assertEquals(404, riverside.get(RIVERSIDE + "/customers/" + key + "/history").statusCode());
        assertEquals(404, riverside.putJson(RIVERSIDE + "/customers/" + key, edit(0, "x", null, null))
                .statusCode());
        HttpResponse<String> foreignPage = riverside.get("/t/riverside-mall/staff/customer?key=" + key);
        assertEquals(404, foreignPage.statusCode());
        assertFalse(foreignPage.body().contains(name));
        assertEquals(403, riverside.get(HUIJING + "/customers/" + key).statusCode(), "not a member there");
        for (String q : List.of("q=" + enc(name), "q=" + phone, "building=" + building, "q=" + building)) {
            assertEquals(0, search(riverside, RIVERSIDE, q).getInt("total"), q);
        }
        // The search box shows what was asked for; no line of the table answers it.
        String foreignSearch = riverside.get("/t/riverside-mall/staff/customers?q=" + enc(name)).body();
        assertFalse(foreignSearch.contains(key) || foreignSearch.contains("customer-link"), foreignSearch);
        String ownSearch = desk.get("/t/huijing-property/staff/customers?q=" + enc(name)).body();
        assertTrue(ownSearch.contains("staff/customer?key=" + key), ownSearch);
    }

    private static String file(PortalClient desk, String phone, String description) {
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":\""
                + description + "\",\"contactPhone\":\"" + phone + "\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed).getString("number");
    }

    private static JsonObject search(PortalClient client, String tenant, String query) {
        HttpResponse<String> found = client.get(tenant + "/customers?" + query);
        assertEquals(200, found.statusCode(), found.body());
        return PortalClient.json(found);
    }

    private static String edit(long version, String name, String handler, String level) {
        return "{\"version\":" + version + ",\"kind\":\"RESIDENT\",\"name\":\"" + name + "\",\"vip\":true"
                + (handler == null ? "" : ",\"handler\":\"" + handler + "\"")
                + (level == null ? "" : ",\"confidentiality\":\"" + level + "\"") + "}";
    }

    private static List<String> caseNumbers(JsonArray entries) {
        return entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("type").equals("CASE"))
                .map(e -> e.getString("caseNumber")).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
