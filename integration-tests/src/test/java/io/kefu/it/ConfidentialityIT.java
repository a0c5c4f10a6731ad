package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Confidentiality (保密) end to end on PostgreSQL: a customer record made SECRET; a staff member without clearance
 * sees its cases' contact masked on the case page, in the case and callback API, the register and the quarterly
 * report's recurring residents, and finds the case by the phone without seeing it; a supervisor's grant opens it
 * until revoked; break-glass opens it at once and alerts the supervisors; a clearance opens it; every unmasked read
 * is in the read log (actor, channel, basis, grant), which is exportable and cannot be changed; another tenant's
 * people see none of it.
 */
@SharedPortal.Client
class ConfidentialityIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String TENANT = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + TENANT;

    @SharedPortal.Base
    URL base;

    private PortalClient client(String username) {
        return PortalClient.basic(base, username, PASSWORD);
    }

    /** A customer on the register with two valid complaints of one category, made SECRET. */
    private record Secret(String key, String phone, String masked, String first, String second) {
    }

    private Secret secretRecord() throws Exception {
        PortalClient.awaitReady(base);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        PortalClient admin = client("huijing.admin");
        String building = "密" + System.nanoTime() % 1_000_000L;
        HttpResponse<String> imported = admin.send("POST", HUIJING + "/residents/import", "text/plain",
                "building,unit,area,name,phone,email,grade\r\n" + building + ",1,,张三丰," + phone
                        + ",zhang.sanfeng@example.com,\r\n");
        assertTrue(imported.statusCode() < 300, imported.body());
        long deadline = System.currentTimeMillis() + 30_000;
        while (PortalClient.json(admin.get(HUIJING + "/residents?size=1&q=" + building)).getJsonNumber("total")
                .longValue() == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the import finished");
            Thread.onSpinWait();
        }
        PortalClient desk = client("huijing.staff");
        String first = file(desk, phone);
        String second = file(desk, phone);
        String key;
        try (Connection db = PostgresServer.kefuDatabase();
                PreparedStatement sql = db.prepareStatement("SELECT c.record_key FROM customer c JOIN complaint k"
                        + " ON k.customer_id = c.id WHERE k.case_number = ?")) {
            sql.setString(1, first);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next(), "the case belongs to the record of its registered phone");
                key = row.getString(1);
            }
        }
        HttpResponse<String> classified = client("huijing.supervisor").putJson(HUIJING + "/customers/" + key
                + "/confidentiality", "{\"level\":\"SECRET\"}");
        assertEquals(200, classified.statusCode(), classified.body());
        return new Secret(key, phone, masked, first, second);
    }

    private String file(PortalClient desk, String phone) {
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\","
                + "\"categoryCode\":\"security\",\"description\":\"夜间噪音扰民\",\"location\":\"8栋808\","
                + "\"contactName\":\"张三丰\",\"contactPhone\":\"" + phone + "\",\"contactEmail\":"
                + "\"zhang.sanfeng@example.com\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed).getString("number");
    }

    private JsonObject caseJson(PortalClient client, String number) {
        HttpResponse<String> got = client.get(HUIJING + "/complaints/" + number);
        assertEquals(200, got.statusCode(), got.body());
        return PortalClient.json(got);
    }

    private JsonArray reads(String actor, String key) {
        HttpResponse<String> log = client("huijing.admin").get(HUIJING + "/read-log?size=200&actor=" + actor
                + "&customer=" + key);
        assertEquals(200, log.statusCode(), log.body());
        return PortalClient.json(log).getJsonArray("items");
    }

    private static boolean has(JsonArray reads, String channel, String basis, String grant) {
        return reads.stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("channel").equals(channel)
                && r.getString("basis").equals(basis) && (grant == null || grant.equals(r.getString("grant", null))));
    }

    @Test
    void belowClearanceEveryContactIsMaskedAndAGrantOpensItUntilRevoked() throws Exception {
        Secret s = secretRecord();
        PortalClient desk = client("huijing.staff");

        JsonObject masked = caseJson(desk, s.first());
        assertEquals(s.masked(), masked.getString("contactPhone"));
        assertEquals("张**", masked.getString("contactName"));
        assertEquals("z***@example.com", masked.getString("contactEmail"));
        assertEquals("***", masked.getString("location"));
        assertTrue(masked.getBoolean("contactMasked"));

        PortalClient page = PortalClient.loggedIn(base, TENANT, "huijing.staff", PASSWORD);
        String html = page.get("/t/" + TENANT + "/staff/cases/" + s.first()).body();
        assertTrue(html.contains(s.masked()), "the case page shows the masked phone");
        assertFalse(html.contains(s.phone()), "and never the phone");
        assertTrue(html.contains("access-request") && html.contains("access-break-glass"), "access is offered");

        String found = desk.get(HUIJING + "/complaints?q=" + s.phone()).body();
        assertTrue(found.contains(s.first()), "the inbox finds the case by the protected phone");
        assertFalse(found.contains(s.phone()), "without showing it");

        HttpResponse<String> register = desk.get(HUIJING + "/residents?size=5&q=" + s.phone());
        assertTrue(register.body().contains(s.masked()) && !register.body().contains(s.phone()), register.body());
        assertEquals(0, reads("huijing.staff", s.key()).size(), "a masked read is no read of the record");

        HttpResponse<String> asked = desk.postJson(HUIJING + "/grants/requests", "{\"caseNumber\":\"" + s.first()
                + "\",\"reason\":\"回访前核对联系电话\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        String grant = PortalClient.json(asked).getString("key");
        assertEquals("REQUESTED", PortalClient.json(asked).getString("state"));
        assertTrue(caseJson(desk, s.first()).getBoolean("contactMasked"), "a request alone opens nothing");
        PortalClient boss = client("huijing.supervisor");
        assertTrue(boss.get(HUIJING + "/notices").body().contains("ACCESS_REQUESTED"), "the supervisor is told");
        assertEquals(403, desk.postJson(HUIJING + "/grants/" + grant + "/grant", "{\"hours\":1}").statusCode(),
                "staff grant nothing");
        assertEquals(422, boss.postJson(HUIJING + "/grants/" + grant + "/grant", "{\"hours\":73}").statusCode());
        HttpResponse<String> granted = boss.postJson(HUIJING + "/grants/" + grant + "/grant", "{\"hours\":1}");
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(boss.get(HUIJING + "/grants").body().contains(grant), "listed as active");

        JsonObject open = caseJson(desk, s.first());
        assertEquals(s.phone(), open.getString("contactPhone"));
        assertFalse(open.getBoolean("contactMasked"));
        assertTrue(page.get("/t/" + TENANT + "/staff/cases/" + s.first()).body().contains(s.phone()));
        JsonArray logged = reads("huijing.staff", s.key());
        assertTrue(has(logged, "API", "GRANT", grant) && has(logged, "PAGE", "GRANT", grant), logged.toString());
        assertTrue(logged.stream().map(JsonValue::asJsonObject).allMatch(r -> r.getString("actor")
                .equals("huijing.staff") && r.getString("level").equals("SECRET")), logged.toString());

        // Its callback carries copies of the contact: masked and opened alike.
        JsonObject c = caseJson(desk, s.first());
        c = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + s.first() + "/actions/accept",
                "{\"version\":" + c.getInt("version") + "}"));
        c = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + s.first() + "/actions/resolve",
                "{\"version\":" + c.getInt("version") + ",\"resolution\":\"已协调处理\"}"));
        String callback = c.getString("callbackId");
        assertEquals(s.phone(), PortalClient.json(desk.get(HUIJING + "/callbacks/" + callback))
                .getString("contactPhone"));
        assertTrue(has(reads("huijing.staff", s.key()), "API", "GRANT", grant));

        assertEquals(200, boss.postJson(HUIJING + "/grants/" + grant + "/revoke", "{}").statusCode());
        assertEquals(s.masked(), caseJson(desk, s.first()).getString("contactPhone"), "revoked: masked again");
        JsonObject task = PortalClient.json(desk.get(HUIJING + "/callbacks/" + callback));
        assertEquals(s.masked(), task.getString("contactPhone"));
        assertEquals("张**", task.getString("contactName"));
        String queue = desk.get(HUIJING + "/callbacks?size=100").body();
        assertFalse(queue.contains(s.phone()), "the callback list masks it too");
        String callbackPage = page.get("/t/" + TENANT + "/staff/callbacks/" + callback).body();
        assertTrue(callbackPage.contains(s.masked()) && !callbackPage.contains(s.phone()), "the callback page");
        assertEquals(409, boss.postJson(HUIJING + "/grants/" + grant + "/revoke", "{}").statusCode());
    }

    @Test
    void theRecordItsSearchAndThePrintedFormsFollowTheLevel() throws Exception {
        Secret s = secretRecord();
        PortalClient desk = client("huijing.staff");
        PortalClient page = PortalClient.loggedIn(base, TENANT, "huijing.staff", PASSWORD);

        JsonObject record = PortalClient.json(desk.get(HUIJING + "/customers/" + s.key()));
        assertTrue(record.getBoolean("masked"), record.toString());
        assertEquals("张**", record.getString("name"));
        assertFalse(record.toString().contains(s.phone()), record.toString());
        assertTrue(record.toString().contains(s.masked()), record.toString());
        String search = desk.get(HUIJING + "/customers?q=" + s.phone()).body();
        assertTrue(search.contains(s.key()) && search.contains(s.masked()) && !search.contains(s.phone()), search);
        String recordPage = page.get("/t/" + TENANT + "/staff/customer?key=" + s.key()).body();
        assertTrue(recordPage.contains("record-masked") && !recordPage.contains(s.phone()), "the record page");
        assertEquals(403, desk.putJson(HUIJING + "/customers/" + s.key(), "{\"kind\":\"RESIDENT\","
                + "\"name\":\"改名\",\"vip\":false,\"version\":" + record.getJsonNumber("version") + "}")
                .statusCode(), "a record one may not read is not written either");
        String form = page.get("/t/" + TENANT + "/staff/cases/" + s.first() + "/form").body();
        assertTrue(form.contains(s.masked()) && !form.contains(s.phone()), "the printed form is masked");
        assertEquals(0, reads("huijing.staff", s.key()).size(), "nothing unmasked, nothing logged");

        PortalClient admin = client("huijing.admin");
        assertEquals(200, admin.putJson(HUIJING + "/clearances/huijing.staff", "{\"level\":\"SECRET\"}")
                .statusCode());
        try {
            JsonObject open = PortalClient.json(desk.get(HUIJING + "/customers/" + s.key()));
            assertFalse(open.getBoolean("masked"));
            assertTrue(open.toString().contains(s.phone()), open.toString());
            assertTrue(page.get("/t/" + TENANT + "/staff/cases/" + s.first() + "/form").body().contains(s.phone()));
            assertEquals(200, desk.download(HUIJING + "/complaints/" + s.first() + "/sheet.pdf").statusCode());
            JsonArray logged = reads("huijing.staff", s.key());
            assertTrue(has(logged, "API", "CLEARANCE", null) && has(logged, "EXPORT", "CLEARANCE", null),
                    logged.toString());
        } finally {
            admin.putJson(HUIJING + "/clearances/huijing.staff", "{\"level\":\"ORDINARY\"}");
        }
        assertEquals(200, admin.get(HUIJING + "/privacy/customers/" + s.key() + "/export.json").statusCode());
        assertTrue(has(reads("huijing.admin", s.key()), "EXPORT", "DATA_REQUEST", null),
                "the customer's data request is a logged read of the record");
    }

    @Test
    void breakGlassOpensAtOnceAlertsTheSupervisorsAndIsLoggedWithItsReason() throws Exception {
        Secret s = secretRecord();
        PortalClient desk = client("huijing.staff");
        assertEquals(422, desk.postJson(HUIJING + "/grants/break-glass", "{\"caseNumber\":\"" + s.second()
                + "\",\"reason\":\"  \"}").statusCode(), "a reason is required");
        HttpResponse<String> glass = desk.postJson(HUIJING + "/grants/break-glass", "{\"customer\":\"" + s.key()
                + "\",\"caseNumber\":\"" + s.second() + "\",\"reason\":\"客户来电投诉升级，需立即回拨\"}");
        assertEquals(201, glass.statusCode(), glass.body());
        JsonObject g = PortalClient.json(glass);
        assertTrue(g.getBoolean("breakGlass"));
        assertEquals("GRANTED", g.getString("state"));
        assertEquals(s.phone(), caseJson(desk, s.second()).getString("contactPhone"));
        JsonArray notices = PortalClient.json(client("huijing.supervisor").get(HUIJING + "/notices"))
                .getJsonArray("items");
        assertTrue(notices.stream().map(JsonValue::asJsonObject).anyMatch(n -> n.getString("kind")
                .equals("BREAK_GLASS") && s.second().equals(n.getString("caseNumber", null))), notices.toString());
        JsonArray logged = reads("huijing.staff", s.key());
        assertTrue(logged.stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("basis")
                .equals("BREAK_GLASS") && "客户来电投诉升级，需立即回拨".equals(r.getString("reason", null))
                && s.second().equals(r.getString("caseNumber", null))), logged.toString());
    }

    @Test
    void aClearanceOpensTheRecordAndItsReportRowsAndEachReadIsLogged() throws Exception {
        Secret s = secretRecord();
        PortalClient boss = client("huijing.supervisor");
        PortalClient admin = client("huijing.admin");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String quarter = today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR);
        assertEquals(200, admin.putJson(HUIJING + "/clearances/huijing.supervisor", "{\"level\":\"ORDINARY\"}")
                .statusCode());
        String report = boss.get(HUIJING + "/reports/quarterly/" + quarter).body();
        assertTrue(report.contains(s.masked()), "the recurring resident is in the report, masked");
        assertFalse(report.contains("\"place\":\"" + s.phone() + "\""), report);

        assertEquals(422, admin.putJson(HUIJING + "/clearances/huijing.supervisor", "{\"level\":\"HIGH\"}")
                .statusCode());
        assertEquals(403, boss.putJson(HUIJING + "/clearances/huijing.supervisor", "{\"level\":\"SECRET\"}")
                .statusCode(), "only the tenant admin clears");
        HttpResponse<String> cleared = admin.putJson(HUIJING + "/clearances/huijing.supervisor",
                "{\"level\":\"CONFIDENTIAL\"}");
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertTrue(admin.get(HUIJING + "/audit?action=user.clearance").body().contains("level=CONFIDENTIAL"));
        try {
            assertEquals(s.phone(), caseJson(boss, s.first()).getString("contactPhone"));
            assertTrue(boss.get(HUIJING + "/reports/quarterly/" + quarter).body().contains("\"place\":\""
                    + s.phone() + "\""), "the report row opened");
            JsonArray logged = reads("huijing.supervisor", s.key());
            assertTrue(has(logged, "API", "CLEARANCE", null) && has(logged, "REPORT", "CLEARANCE", null),
                    logged.toString());

            HttpResponse<String> csv = boss.get(HUIJING + "/read-log/export.csv?customer=" + s.key());
            assertEquals(200, csv.statusCode());
            assertTrue(csv.body().contains(s.key()) && csv.body().contains("CLEARANCE"), csv.body());
            HttpResponse<byte[]> xlsx = boss.download(HUIJING + "/read-log/export.xlsx?customer=" + s.key());
            assertEquals(200, xlsx.statusCode());
            assertEquals('P', xlsx.body()[0], "an Office Open XML file (a zip)");
        } finally {
            admin.putJson(HUIJING + "/clearances/huijing.supervisor", "{\"level\":\"ORDINARY\"}");
        }
    }

    @Test
    void theReadLogCannotBeChangedOrEmptied() throws Exception {
        Secret s = secretRecord();
        PortalClient admin = client("huijing.admin");
        admin.putJson(HUIJING + "/clearances/huijing.staff", "{\"level\":\"TOP_SECRET\"}");
        try {
            caseJson(client("huijing.staff"), s.first());
        } finally {
            admin.putJson(HUIJING + "/clearances/huijing.staff", "{\"level\":\"ORDINARY\"}");
        }
        assertEquals(1, reads("huijing.staff", s.key()).size());
        for (String change : List.of("UPDATE read_log SET actor = 'nobody' WHERE customer_key = '" + s.key() + "'",
                "DELETE FROM read_log WHERE customer_key = '" + s.key() + "'", "TRUNCATE read_log")) {
            try (Connection db = PostgresServer.kefuDatabase(); Statement sql = db.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("append-only"),
                        refused.getMessage());
            }
        }
        assertEquals(1, reads("huijing.staff", s.key()).size(), "the entry is still there, unchanged");
    }

    @Test
    void anotherTenantsPeopleSeeNothingOfIt() throws Exception {
        Secret s = secretRecord();
        HttpResponse<String> asked = client("huijing.staff").postJson(HUIJING + "/grants/requests",
                "{\"customer\":\"" + s.key() + "\",\"reason\":\"核对\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        String grant = PortalClient.json(asked).getString("key");
        PortalClient stranger = client("riverside.supervisor");
        PortalClient strangerAdmin = client("riverside.admin");
        for (HttpResponse<String> refused : List.of(stranger.get(HUIJING + "/grants"),
                stranger.postJson(HUIJING + "/grants/" + grant + "/grant", "{\"hours\":1}"),
                stranger.postJson(HUIJING + "/grants/" + grant + "/revoke", "{}"),
                stranger.get(HUIJING + "/read-log"), strangerAdmin.get(HUIJING + "/read-log"),
                strangerAdmin.get(HUIJING + "/read-log/export.csv"),
                strangerAdmin.putJson(HUIJING + "/clearances/huijing.staff", "{\"level\":\"TOP_SECRET\"}"),
                stranger.putJson(HUIJING + "/customers/" + s.key() + "/confidentiality", "{\"level\":\"ORDINARY\"}"),
                stranger.get(HUIJING + "/complaints/" + s.first()),
                client("riverside.staff").postJson(HUIJING + "/grants/break-glass", "{\"customer\":\"" + s.key()
                        + "\",\"reason\":\"x\"}"))) {
            assertTrue(refused.statusCode() == 403 || refused.statusCode() == 404,
                    refused.statusCode() + " " + refused.body());
        }
        String riverside = "/api/v1/tenants/riverside-mall";
        assertEquals(404, stranger.postJson(riverside + "/grants/" + grant + "/grant", "{\"hours\":1}").statusCode(),
                "the grant is not found under the stranger's own tenant");
        assertEquals(404, stranger.putJson(riverside + "/customers/" + s.key() + "/confidentiality",
                "{\"level\":\"ORDINARY\"}").statusCode());
        assertEquals(0, PortalClient.json(strangerAdmin.get(riverside + "/read-log?customer=" + s.key()))
                .getJsonNumber("total").longValue());
        assertEquals("REQUESTED", PortalClient.json(client("huijing.supervisor").get(HUIJING + "/grants"))
                .getJsonArray("pending").stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("key").equals(grant)).findFirst().orElseThrow().getString("state"));
    }
}
