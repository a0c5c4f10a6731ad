package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant's people through the API and the invitation page: an admin invites someone, the mail's link sets
 * their password, roles and disabling take effect on the next request, the last admin stays, every change is
 * in the audit log, and nothing of it reaches across tenants. The platform operator opens a tenant with its
 * first admin and reads its usage.
 */
@ExtendWith(MailServer.class)
@SharedPortal.Client
class PeopleIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    private static final Pattern LINK = Pattern.compile("/t/[a-z0-9-]+/invitation\\?token=([A-Za-z0-9_-]{43})");

    @SharedPortal.Base
    URL base;

    @Test
    void anInvitedPersonSetsAPasswordAndWorksWithTheRolesTheAdminGives() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String name = unique("it.staff");
        String email = name + "@example.com";

        HttpResponse<String> invited = admin.postJson(HUIJING + "/people", "{\"username\":\"" + name + "\",\"email\":\""
                + email + "\",\"displayName\":\"测试员\",\"roles\":[\"STAFF\"],\"department\":\"engineering\"}");
        assertEquals(201, invited.statusCode(), invited.body());
        JsonObject person = PortalClient.json(invited);
        assertFalse(person.getBoolean("passwordSet"));
        assertEquals("STAFF", person.getJsonArray("roles").getString(0));
        assertTrue(person.getJsonArray("departments").toString().contains("engineering"), invited.body());
        assertEquals(401, PortalClient.basic(base, name, "anything-at-all").get(HUIJING + "/complaints").statusCode(),
                "no login before the password is set");

        String token = invitationToken(email);
        String password = "it-Pass-" + name;
        choosePassword("huijing-property", token, password);
        assertEquals(404, PortalClient.anonymous(base).get("/t/huijing-property/invitation?token=" + token)
                .statusCode(), "the link works once");

        PortalClient staff = PortalClient.basic(base, name, password);
        assertEquals(200, staff.get(HUIJING + "/complaints").statusCode(), "staff work");
        assertEquals(403, staff.get(HUIJING + "/people").statusCode(), "staff do not manage people");

        assertEquals(200, admin.putJson(HUIJING + "/people/" + name + "/roles", "{\"roles\":[\"TENANT_ADMIN\"]}")
                .statusCode());
        assertEquals(200, staff.get(HUIJING + "/people").statusCode(), "the new role counts on the next request");
        assertEquals(403, staff.get(HUIJING + "/complaints").statusCode(), "and the old one is gone");
        assertEquals(200, admin.putJson(HUIJING + "/people/" + name + "/roles", "{\"roles\":[\"STAFF\"]}")
                .statusCode());
        assertEquals(403, staff.get(HUIJING + "/people").statusCode());

        JsonObject invite = firstEntry(admin, HUIJING, "user.invite", name);
        assertEquals("huijing.admin", invite.getString("actor"));
        assertTrue(invite.getString("after").contains("roles=STAFF"), invite.toString());
        assertTrue(invite.getString("after").contains("email=" + email), invite.toString());
        JsonObject role = firstEntry(admin, HUIJING, "user.role", name);
        assertEquals("roles=TENANT_ADMIN", role.getString("before"), role.toString());
        assertEquals("roles=STAFF", role.getString("after"), role.toString());
        assertTrue(PortalClient.json(admin.get(HUIJING + "/audit?action=department.member.add")).toString()
                .contains("engineering/" + name), "putting someone in a department is logged too");
    }

    /**
     * A person who administers two tenants posts a page shown for one tenant under the other's address: the page
     * beans hold the first tenant's view, so nothing of the post is applied (io.kefu.faces.ViewTenant); the page
     * starts again at that address with the refusal. The same post under its own address works.
     */
    @Test
    void aViewShownForOneTenantPostedUnderAnothersAddressChangesNothing() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient huijingAdmin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient riversideAdmin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        String name = unique("it.two");
        String email = name + "@example.com";
        String invitation = "{\"username\":\"" + name + "\",\"email\":\"" + email
                + "\",\"displayName\":\"两边\",\"roles\":[\"TENANT_ADMIN\"]}";
        assertEquals(201, huijingAdmin.postJson(HUIJING + "/people", invitation).statusCode());
        String huijingLink = tokens(email, 1).get(0);
        assertEquals(201, riversideAdmin.postJson(RIVERSIDE + "/people", invitation).statusCode());
        choosePassword("huijing-property", huijingLink, "it-Pass-" + name);
        PortalClient both = PortalClient.loggedIn(base, "riverside-mall", name, "it-Pass-" + name);
        String riversideView = PortalClient.viewState(both.get("/t/riverside-mall/admin/").body());
        assertEquals(200, both.get("/t/huijing-property/admin/").statusCode(), "an admin of both tenants");

        String code = "view-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HttpResponse<String> crossed = both.postForm("/t/huijing-property/admin/",
                HardeningIT.department(code, Optional.of(riversideView)));
        assertEquals(302, crossed.statusCode(), crossed.body());
        assertTrue(crossed.headers().firstValue("Location").orElseThrow().endsWith("/t/huijing-property/admin/"));
        assertFalse(huijingAdmin.get(HUIJING + "/departments").body().contains("\"" + code + "\""),
                "nothing added where the view was posted");
        assertFalse(riversideAdmin.get(RIVERSIDE + "/departments").body().contains("\"" + code + "\""),
                "nor where it was shown");
        String again = both.get("/t/huijing-property/admin/").body();
        assertTrue(again.contains("刚被其他人修改过") || again.contains("Somebody else changed"),
                "the refusal is shown");

        // As a browser would after the redirect: a fresh view of riverside's page (the refused view is not used again).
        HttpResponse<String> own = both.postForm("/t/riverside-mall/admin/", HardeningIT.department(code,
                Optional.of(PortalClient.viewState(both.get("/t/riverside-mall/admin/").body()))));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(riversideAdmin.get(RIVERSIDE + "/departments").body().contains("\"" + code + "\""),
                "the same post under its own address adds the department");
    }

    /**
     * A lost invitation sent again: a new link that works, the earlier one not; and the first link a person uses,
     * in any tenant, ends their other open links (no link may change a password somebody chose). Another tenant's
     * admin cannot send anybody's invitation.
     */
    @Test
    void aResentInvitationReplacesTheOldLinkAndTheFirstLinkUsedEndsEveryOther() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient riversideAdmin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        // First in the list (ordered by username), so the page below shows this person.
        String name = unique("a0.resend");
        String email = name + "@example.com";
        HttpResponse<String> invited = admin.postJson(HUIJING + "/people", "{\"username\":\"" + name + "\",\"email\":\""
                + email + "\",\"displayName\":\"重发\",\"roles\":[\"STAFF\"]}");
        assertEquals(201, invited.statusCode(), invited.body());
        assertTrue(PortalClient.json(invited).getBoolean("invitationPending"));
        assertFalse(PortalClient.json(invited).containsKey("invitationLink"), "mailed, so not handed to the admin");
        String first = tokens(email, 1).get(0);

        HttpResponse<String> resent = admin.postJson(HUIJING + "/people/" + name + "/invitation", "{}");
        assertEquals(200, resent.statusCode(), resent.body());
        String second = tokens(email, 2).get(1);
        assertNotEquals(first, second);
        assertEquals(404, PortalClient.anonymous(base).get("/t/huijing-property/invitation?token=" + first)
                .statusCode(), "the earlier link no longer works");
        assertEquals(200, PortalClient.anonymous(base).get("/t/huijing-property/invitation?token=" + second)
                .statusCode());
        assertTrue(firstEntry(admin, HUIJING, "user.invite.resend", name).getString("actor").equals("huijing.admin"));
        HttpResponse<String> page = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD)
                .language("en").get("/t/huijing-property/admin/people");
        assertTrue(page.body().contains(name) && (page.body().contains("重新发送邀请")
                || page.body().contains("Resend invitation")), "the page offers it for somebody yet to answer");

        // The same person invited by the other tenant too: a link of theirs there.
        assertEquals(201, riversideAdmin.postJson(RIVERSIDE + "/people", "{\"username\":\"" + name + "\",\"email\":\""
                + email + "\",\"displayName\":\"重发\",\"roles\":[\"STAFF\"]}").statusCode());
        String elsewhere = tokens(email, 3).get(2);
        choosePassword("huijing-property", second, "it-Pass-" + name);
        assertEquals(404, PortalClient.anonymous(base).get("/t/riverside-mall/invitation?token=" + elsewhere)
                .statusCode(), "the first link used ends the person's other open links, in every tenant");
        assertEquals(409, admin.postJson(HUIJING + "/people/" + name + "/invitation", "{}").statusCode(),
                "answered: nothing to send again");

        String onlyHere = unique("it.resend.only");
        assertEquals(201, admin.postJson(HUIJING + "/people", "{\"username\":\"" + onlyHere + "\",\"email\":\""
                + onlyHere + "@example.com\",\"displayName\":\"本地\",\"roles\":[\"STAFF\"]}").statusCode());
        tokens(onlyHere + "@example.com", 1);
        assertEquals(403, riversideAdmin.postJson(HUIJING + "/people/" + onlyHere + "/invitation", "{}").statusCode(),
                "another tenant's admin, at this tenant's address");
        assertEquals(404, riversideAdmin.postJson(RIVERSIDE + "/people/" + onlyHere + "/invitation", "{}")
                .statusCode(), "another tenant's admin, at their own address");
        assertEquals(1, MailServer.matching(onlyHere + "@example.com", "").size(), "nothing was sent by them");
    }

    /**
     * A person who leaves: their open case and their callback go to the successor the admin names, in one step;
     * a successor who cannot take the work (another tenant's staff) is refused and nothing changes; afterwards the
     * person is gone from the tenant and cannot sign in, and their name stays in the case's history. Another
     * tenant's admin can remove nobody here.
     */
    @Test
    void aPersonWhoLeavesHandsTheirOpenCasesAndCallbacksToTheSuccessorInOneStep() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient supervisor = PortalClient.basic(base, "huijing.supervisor", PASSWORD);
        String name = unique("it.leaver");
        String email = name + "@example.com";
        assertEquals(201, admin.postJson(HUIJING + "/people", "{\"username\":\"" + name + "\",\"email\":\"" + email
                + "\",\"displayName\":\"离职员工\",\"roles\":[\"STAFF\"],\"department\":\"engineering\"}").statusCode());
        String password = "it-Pass-" + name;
        choosePassword("huijing-property", tokens(email, 1).get(0), password);
        PortalClient leaver = PortalClient.basic(base, name, password);

        String open = file(leaver, "楼道灯不亮");
        act(leaver, open, "accept");
        String resolved = file(leaver, "水管漏水");
        act(leaver, resolved, "accept");
        JsonObject done = act(leaver, resolved, "resolve");
        String callback = done.getString("callbackId");
        HttpResponse<String> assigned = supervisor.postJson(HUIJING + "/callbacks/" + callback + "/assign",
                "{\"version\":" + PortalClient.json(supervisor.get(HUIJING + "/callbacks/" + callback))
                        .getInt("version") + ",\"assignee\":\"" + name + "\"}");
        assertEquals(200, assigned.statusCode(), assigned.body());

        PortalClient riversideAdmin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        assertEquals(403, riversideAdmin.postJson(HUIJING + "/people/" + name + "/removal",
                "{\"successor\":\"riverside.staff\"}").statusCode(), "another tenant's admin, at this address");
        assertEquals(404, riversideAdmin.postJson(RIVERSIDE + "/people/" + name + "/removal",
                "{\"successor\":\"riverside.staff\"}").statusCode(), "another tenant's admin, at their own address");
        HttpResponse<String> wrongHeir = admin.postJson(HUIJING + "/people/" + name + "/removal",
                "{\"successor\":\"riverside.staff\"}");
        assertEquals(422, wrongHeir.statusCode(), wrongHeir.body());
        assertTrue(wrongHeir.body().contains("successor"), wrongHeir.body());
        assertEquals(422, admin.postJson(HUIJING + "/people/" + name + "/removal", "{\"successor\":\"" + name + "\"}")
                .statusCode(), "not to themselves");
        assertEquals(200, admin.get(HUIJING + "/people/" + name).statusCode(), "nothing changed");
        assertEquals(name, PortalClient.json(supervisor.get(HUIJING + "/complaints/" + open)).getString("owner"));

        HttpResponse<String> removed = admin.postJson(HUIJING + "/people/" + name + "/removal",
                "{\"successor\":\"huijing.staff\"}");
        assertEquals(200, removed.statusCode(), removed.body());
        JsonObject removal = PortalClient.json(removed);
        assertEquals(1, removal.getInt("casesHandedOver"), "the open case (the resolved one waits for its callback)");
        assertEquals(1, removal.getInt("callbacksHandedOver"));
        JsonObject handed = PortalClient.json(supervisor.get(HUIJING + "/complaints/" + open));
        assertEquals("huijing.staff", handed.getString("owner"));
        assertTrue(handed.getJsonArray("history").toString().contains(name), "their name stays in the history");
        assertEquals("huijing.staff", PortalClient.json(supervisor.get(HUIJING + "/callbacks/" + callback))
                .getString("assignee"));
        assertEquals(404, admin.get(HUIJING + "/people/" + name).statusCode(), "gone from the tenant");
        assertEquals(401, leaver.get(HUIJING + "/complaints").statusCode(), "no tenant left: no sign-in");
        JsonObject entry = firstEntry(admin, HUIJING, "user.remove", name);
        assertTrue(entry.getString("after").contains("successor=huijing.staff"), entry.toString());
        HttpResponse<String> page = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD)
                .get("/t/huijing-property/admin/people");
        assertTrue(page.body().contains("remove-dialog") && !page.body().contains("person-" + name + "\""),
                "the page offers removal, and the person is no longer listed");
    }

    private String file(PortalClient desk, String description) {
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"REPAIR\",\"description\":\""
                + description + "\",\"location\":\"3栋201\",\"contactName\":\"周女士\",\"contactPhone\":\"13700137000\","
                + "\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed).getString("number");
    }

    private static JsonObject act(PortalClient desk, String number, String action) {
        int version = PortalClient.json(desk.get(HUIJING + "/complaints/" + number)).getInt("version");
        String body = action.equals("resolve") ? "{\"version\":" + version + ",\"resolution\":\"已修好\"}"
                : "{\"version\":" + version + "}";
        HttpResponse<String> done = desk.postJson(HUIJING + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(200, done.statusCode(), action + ": " + done.body());
        return PortalClient.json(done);
    }

    /** The invitation tokens mailed to {@code address}, oldest first, once at least {@code count} arrived. */
    private static List<String> tokens(String address, int count) throws Exception {
        long deadline = System.nanoTime() + 40_000_000_000L;
        List<MimeMessage> mails = MailServer.matching(address, "");
        while (mails.size() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
            mails = MailServer.matching(address, "");
        }
        assertTrue(mails.size() >= count, mails.size() + " invitation mails to " + address + ", expected " + count);
        List<String> found = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            Matcher link = LINK.matcher(String.valueOf(mail.getContent()));
            assertTrue(link.find(), String.valueOf(mail.getContent()));
            found.add(link.group(1));
        }
        return found;
    }

    @Test
    void disablingStopsThePersonInThisTenantOnlyFromTheNextRequest() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient huijingAdmin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient riversideAdmin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        String name = unique("it.both");
        String email = name + "@example.com";
        assertEquals(201, huijingAdmin.postJson(HUIJING + "/people", "{\"username\":\"" + name + "\",\"email\":\""
                + email + "\",\"displayName\":\"Both\",\"roles\":[\"STAFF\"]}").statusCode());
        String password = "it-Pass-" + name;
        choosePassword("huijing-property", invitationToken(email), password);
        assertEquals(409, riversideAdmin.postJson(RIVERSIDE + "/people", "{\"username\":\"" + name
                + "\",\"email\":\"someone.else@example.com\",\"displayName\":\"X\",\"roles\":[\"STAFF\"]}")
                .statusCode(), "the same username with another address is somebody else");
        HttpResponse<String> joined = riversideAdmin.postJson(RIVERSIDE + "/people", "{\"username\":\"" + name
                + "\",\"email\":\"" + email.toUpperCase() + "\",\"displayName\":\"Both\",\"roles\":[\"STAFF\"]}");
        assertEquals(201, joined.statusCode(), joined.body());
        assertTrue(PortalClient.json(joined).getBoolean("passwordSet"), "the same person, who has a password");

        PortalClient session = PortalClient.loggedIn(base, "huijing-property", name, password);
        assertEquals(200, session.get("/t/huijing-property/staff/").statusCode());
        PortalClient api = PortalClient.basic(base, name, password);

        HttpResponse<String> disabled = huijingAdmin.postJson(HUIJING + "/people/" + name + "/disable", "{}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertFalse(PortalClient.json(disabled).getBoolean("active"));
        assertEquals(403, session.get("/t/huijing-property/staff/").statusCode(), "the open session is refused");
        assertEquals(403, api.get(HUIJING + "/complaints").statusCode());
        assertEquals(200, api.get(RIVERSIDE + "/complaints").statusCode(), "work in the other tenant goes on");
        assertEquals(200, session.get("/t/riverside-mall/staff/").statusCode());

        assertEquals(200, riversideAdmin.postJson(RIVERSIDE + "/people/" + name + "/disable", "{}").statusCode());
        assertEquals(401, api.get(RIVERSIDE + "/complaints").statusCode(), "no active membership left: no login");
        assertNotEquals(302, PortalClient.anonymous(base).login("riverside-mall", name, password).statusCode(),
                "the login form refuses too");

        assertEquals(200, huijingAdmin.postJson(HUIJING + "/people/" + name + "/enable", "{}").statusCode());
        assertEquals(200, api.get(HUIJING + "/complaints").statusCode(), "enabled again in huijing");
        assertEquals(403, api.get(RIVERSIDE + "/complaints").statusCode(), "still disabled in riverside");
        JsonObject entry = firstEntry(huijingAdmin, HUIJING, "user.disable", name);
        assertEquals("active=true", entry.getString("before"));
        assertEquals("active=false", entry.getString("after"));
    }

    @Test
    void theLastActiveAdminCannotDisableOrDemoteThemselves() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD).language("en");
        HttpResponse<String> disable = admin.postJson(HUIJING + "/people/huijing.admin/disable", "{}");
        assertEquals(409, disable.statusCode(), disable.body());
        assertTrue(disable.body().contains("last active administrator"), disable.body());
        HttpResponse<String> demote = admin.putJson(HUIJING + "/people/huijing.admin/roles", "{\"roles\":[\"STAFF\"]}");
        assertEquals(409, demote.statusCode(), demote.body());
        HttpResponse<String> chinese = PortalClient.basic(base, "huijing.admin", PASSWORD)
                .postJson(HUIJING + "/people/huijing.admin/disable", "{}");
        assertTrue(chinese.body().contains("最后一位"), chinese.body());
        assertEquals(200, admin.get(HUIJING + "/people").statusCode(), "still an admin");
    }

    @Test
    void anAdminOfOneTenantReachesNoPersonNorLogOfAnother() {
        PortalClient.awaitReady(base);
        PortalClient huijing = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String invite = "{\"username\":\"" + unique("it.x") + "\",\"email\":\"x@example.com\",\"displayName\":\"X\","
                + "\"roles\":[\"STAFF\"]}";
        assertEquals(403, huijing.get(RIVERSIDE + "/people").statusCode());
        assertEquals(403, huijing.get(RIVERSIDE + "/people/riverside.staff").statusCode());
        assertEquals(403, huijing.postJson(RIVERSIDE + "/people", invite).statusCode());
        assertEquals(403, huijing.postJson(RIVERSIDE + "/people/riverside.staff/disable", "{}").statusCode());
        assertEquals(403, huijing.postJson(RIVERSIDE + "/people/riverside.staff/enable", "{}").statusCode());
        assertEquals(403, huijing.putJson(RIVERSIDE + "/people/riverside.staff/roles", "{\"roles\":[\"SUPERVISOR\"]}")
                .statusCode());
        assertEquals(403, huijing.get(RIVERSIDE + "/audit").statusCode());

        assertEquals(404, huijing.get(HUIJING + "/people/riverside.staff").statusCode());
        assertEquals(404, huijing.postJson(HUIJING + "/people/riverside.staff/disable", "{}").statusCode());
        assertEquals(404, huijing.postJson(HUIJING + "/people/riverside.staff/enable", "{}").statusCode());
        assertEquals(404, huijing.putJson(HUIJING + "/people/riverside.staff/roles", "{\"roles\":[\"STAFF\"]}")
                .statusCode());
        assertEquals(404, huijing.send(HUIJING + "/people/riverside.staff/departments/engineering", "PUT")
                .statusCode());
        assertEquals(404, huijing.get(HUIJING + "/people/huijing.resident").statusCode(), "residents are not staff");
        assertEquals(200, PortalClient.basic(base, "riverside.staff", PASSWORD).get(RIVERSIDE + "/complaints")
                .statusCode(), "riverside's staff untouched");

        String list = PortalClient.json(huijing.get(HUIJING + "/people?size=200")).toString();
        assertTrue(list.contains("huijing.staff"), list);
        assertFalse(list.contains("riverside."), "only huijing's people are listed");
        String log = PortalClient.json(huijing.get(HUIJING + "/audit?actor=riverside.admin&size=200")).toString();
        assertTrue(PortalClient.json(huijing.get(HUIJING + "/audit?actor=riverside.admin")).getJsonArray("items")
                .isEmpty(), log);
        assertEquals(403, PortalClient.basic(base, "huijing.staff", PASSWORD).get(HUIJING + "/audit").statusCode(),
                "staff do not read the log");

        // The pages, with huijing's admin logged in: riverside's people and log pages are refused, and huijing's
        // own people page lists nobody of riverside.
        PortalClient session = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD);
        assertEquals(403, session.get("/t/riverside-mall/admin/people").statusCode());
        assertEquals(403, session.get("/t/riverside-mall/admin/audit").statusCode());
        String page = session.get("/t/huijing-property/admin/people").body();
        assertTrue(page.contains("huijing.staff"), "huijing's own page works");
        assertFalse(page.contains("riverside.staff"), "and shows nobody of riverside");
    }

    @Test
    void aSettingsChangeIsLoggedWithBeforeAndAfter() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        JsonObject policy = PortalClient.json(admin.get(RIVERSIDE + "/settings/callback-policy"));
        int due = policy.getInt("dueHours");
        int changed = due == 48 ? 47 : 48;
        HttpResponse<String> saved = admin.putJson(RIVERSIDE + "/settings/callback-policy",
                Json.createObjectBuilder(policy).add("dueHours", changed).build().toString());
        assertEquals(200, saved.statusCode(), saved.body());
        try {
            JsonObject entry = PortalClient.json(admin.get(RIVERSIDE + "/audit?action=settings.callback-policy"))
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("riverside.admin", entry.getString("actor"));
            assertTrue(entry.getString("before").contains("dueHours=" + due), entry.toString());
            assertTrue(entry.getString("after").contains("dueHours=" + changed), entry.toString());
            assertTrue(entry.getString("at").endsWith("+08:00"), "in the tenant's zone: " + entry);
        } finally {
            admin.putJson(RIVERSIDE + "/settings/callback-policy", Json.createObjectBuilder(PortalClient.json(saved))
                    .add("dueHours", due).build().toString());
        }
    }

    @Test
    void theOperatorOpensATenantWithItsFirstAdminAndReadsItsUsage() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient operator = PortalClient.basic(base, "platform.it", System.getProperty("kefu.it.admin.password"));
        String slug = "it-people-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String email = "boss@" + slug + ".example";
        HttpResponse<String> opened = operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"人员测试\",\"nameEn\":\"People test\",\"kind\":\"PROPERTY\",\"adminEmail\":\""
                + email + "\",\"adminUsername\":\"" + slug + ".boss\",\"adminDisplayName\":\"Boss\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject usage = PortalClient.json(operator.get("/api/v1/platform/tenants/" + slug));
        assertEquals(1, usage.getInt("users"), usage.toString());
        assertEquals(0, usage.getInt("casesThisMonth"));
        assertEquals(0, usage.getInt("storageBytes"));

        String api = "/api/v1/tenants/" + slug;
        for (int i = 0; i < 2; i++) {
            assertEquals(201, PortalClient.anonymous(base).postJson(api + "/complaints", "{\"kind\":\"COMPLAINT\","
                    + "\"description\":\"usage " + i + "\",\"contactPhone\":\"13800138000\"}").statusCode());
        }
        JsonObject listed = PortalClient.jsonArray(operator.get("/api/v1/platform/tenants")).stream()
                .map(v -> v.asJsonObject()).filter(t -> t.getString("slug").equals(slug)).findFirst().orElseThrow();
        assertEquals(2, listed.getInt("casesThisMonth"), listed.toString());
        assertEquals(1, listed.getInt("users"));

        String password = "it-Boss-" + slug;
        choosePassword(slug, invitationToken(email), password);
        PortalClient boss = PortalClient.loggedIn(base, slug, slug + ".boss", password);
        assertEquals(200, boss.get("/t/" + slug + "/admin/").statusCode());
        assertEquals(200, boss.get("/t/" + slug + "/admin/people").statusCode());
        PortalClient bossApi = PortalClient.basic(base, slug + ".boss", password);
        assertEquals(200, bossApi.get(api + "/people").statusCode());

        assertEquals(200, operator.postJson("/api/v1/platform/tenants/" + slug + "/suspend", "{}").statusCode());
        try {
            assertEquals(403, boss.get("/t/" + slug + "/admin/").statusCode(), "the logged-in admin is refused");
            assertEquals(403, bossApi.get(api + "/people").statusCode());
        } finally {
            operator.postJson("/api/v1/platform/tenants/" + slug + "/resume", "{}");
        }
        assertEquals(200, boss.get("/t/" + slug + "/admin/").statusCode(), "and let in again after resuming");
        assertEquals(409, operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "-b\",\"nameZh\":\"乙\","
                + "\"nameEn\":\"B\",\"kind\":\"PROPERTY\",\"adminEmail\":\"other@example.com\",\"adminUsername\":\""
                + slug + ".boss\"}").statusCode(), "a username of somebody else refuses the opening");
        assertEquals(404, operator.get("/api/v1/platform/tenants/" + slug + "-b").statusCode(), "nothing opened");
    }

    /** The token of the newest invitation mailed to {@code address}. */
    private static String invitationToken(String address) throws Exception {
        List<MimeMessage> mails = MailServer.awaitMail(address, "", 40);
        assertFalse(mails.isEmpty(), "no invitation mail to " + address);
        String text = String.valueOf(mails.get(mails.size() - 1).getContent());
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    /** Opens the invitation page as the invited person would and sets the password through its form. */
    private void choosePassword(String tenant, String token, String password) {
        PortalClient visitor = PortalClient.anonymous(base);
        String path = "/t/" + tenant + "/invitation?token=" + token;
        HttpResponse<String> page = visitor.get(path);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("invitation", "invitation");
        form.put("invitation:token", token);
        form.put("invitation:password", password);
        form.put("invitation:confirmation", password);
        form.put("invitation:submit", "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(page.body()));
        HttpResponse<String> done = visitor.postForm("/t/" + tenant + "/invitation", form);
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElseThrow().contains("/t/" + tenant + "/login"));
    }

    private static JsonObject firstEntry(PortalClient admin, String tenantApi, String action, String target) {
        return PortalClient.json(admin.get(tenantApi + "/audit?action=" + action + "&size=200")).getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(e -> e.getString("target").equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " for " + target));
    }

    private static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
