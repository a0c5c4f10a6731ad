package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile browser or script tries against the guards: a cross-site form riding on a signed-in admin's
 * session cookie, guessing passwords through the login form and HTTP Basic, telling unknown usernames from
 * wrong passwords by the time an answer takes, and one address flooding a tenant's public intake while
 * pretending to be many through {@code X-Forwarded-For}.
 *
 * <p>The test run trusts {@code X-Forwarded-For} (one proxy hop, see the pom): the test plays the proxy, so
 * the last hop it writes is the client's address, and each scenario uses addresses of its own.
 */
@ExtendWith(MailServer.class)
@SharedPortal.Client
class GuardIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String EVIL = "https://evil.example";
    private static final Pattern LINK = Pattern.compile("/t/[a-z0-9-]+/invitation\\?token=([A-Za-z0-9_-]{43})");

    @SharedPortal.Base
    URL base;

    @Test
    void aCrossSiteFormCannotWriteThroughTheApiWithOnlyTheSessionCookie() {
        PortalClient.awaitReady(base);
        PortalClient adminApi = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String name = unique("csrf");
        assertEquals(201, adminApi.postJson(HUIJING + "/people", "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"displayName\":\"跨站\",\"roles\":[\"STAFF\"]}").statusCode());
        PortalClient admin = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD).language("en");

        // What the probe's forms sent: another site's Origin, a form or text/plain body, no custom header.
        HttpResponse<String> disable = admin.send("POST", HUIJING + "/people/" + name + "/disable", null, null,
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site");
        assertRefusedAsCrossSite(disable);
        assertTrue(PortalClient.json(adminApi.get(HUIJING + "/people/" + name)).getBoolean("active"),
                "the person is still active");
        assertRefusedAsCrossSite(admin.send("POST", HUIJING + "/people/" + name + "/disable",
                "application/x-www-form-urlencoded", "a=b", "Origin", EVIL));
        assertRefusedAsCrossSite(admin.send("POST", HUIJING + "/people/" + name + "/disable", null, null));

        String building = "CSRF" + System.nanoTime() % 1_000_000_000L;
        HttpResponse<String> imported = admin.send("POST", HUIJING + "/residents/import", "text/plain",
                "building,unit,area,name,phone,email,grade\r\n" + building + ",1,,伪造,13900001111,,\r\n",
                "Origin", EVIL);
        assertRefusedAsCrossSite(imported);
        assertEquals(0, PortalClient.json(adminApi.get(HUIJING + "/residents?size=1&q=" + building))
                .getJsonNumber("total").longValue(), "nothing imported");
        HttpResponse<String> deleted = admin.send("DELETE", HUIJING + "/settings/calendar-days/2031-01-01", null, null,
                "Origin", EVIL);
        assertRefusedAsCrossSite(deleted);

        PortalClient operatorApi = PortalClient.basic(base, "platform.it",
                System.getProperty("kefu.it.admin.password"));
        String slug = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, operatorApi.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"跨站物业\",\"nameEn\":\"CSRF Property\",\"kind\":\"PROPERTY\","
                + "\"timeZone\":\"Asia/Shanghai\",\"defaultLocale\":\"zh-CN\"}").statusCode());
        PortalClient operator = PortalClient.loggedIn(base, null, "platform.it",
                System.getProperty("kefu.it.admin.password"));
        HttpResponse<String> suspend = operator.send("POST", "/api/v1/platform/tenants/" + slug + "/suspend",
                "text/plain", "{}", "Origin", EVIL);
        assertEquals(403, suspend.statusCode(), suspend.body());
        assertTrue(PortalClient.json(suspend).getString("detail").contains("X-Requested-With"),
                "translated (Chinese by default): " + suspend.body());
        assertEquals("ACTIVE", PortalClient.json(operatorApi.get("/api/v1/platform/tenants/" + slug))
                .getString("status"), "the tenant is still open");

        // Reads with the cookie work as before; the site's own scripts send the header from the same origin.
        assertEquals(200, admin.get(HUIJING + "/people/" + name).statusCode());
        HttpResponse<String> sameOrigin = admin.send("POST", HUIJING + "/people/" + name + "/disable",
                "application/json", "{}", "X-Requested-With", "XMLHttpRequest", "Sec-Fetch-Site", "same-origin");
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        assertFalse(PortalClient.json(sameOrigin).getBoolean("active"));
        HttpResponse<String> headerFromElsewhere = admin.send("POST", HUIJING + "/people/" + name + "/enable",
                "application/json", "{}", "X-Requested-With", "XMLHttpRequest", "Sec-Fetch-Site", "cross-site",
                "Origin", EVIL);
        assertRefusedAsCrossSite(headerFromElsewhere);

        // Scripts with Basic need nothing new; anonymous public writes work from anywhere (a filing form on the
        // tenant's own web site, a script), with or without a session cookie of the portal's pages.
        assertEquals(200, adminApi.postJson(HUIJING + "/people/" + name + "/enable", "{}").statusCode());
        assertEquals(200, operatorApi.postJson("/api/v1/platform/tenants/" + slug + "/suspend", "{}").statusCode());
        PortalClient visitor = PortalClient.anonymous(base).always("X-Forwarded-For", "192.0.2.77");
        assertEquals(200, visitor.get("/t/huijing-property/complaints/new").statusCode());
        HttpResponse<String> filed = visitor.send("POST", HUIJING + "/complaints", "application/json",
                "{\"kind\":\"SUGGESTION\",\"description\":\"跨站提交的建议\",\"contactPhone\":\"13800138000\"}",
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site");
        assertEquals(201, filed.statusCode(), filed.body());
        String token = PortalClient.json(filed).getString("trackingToken");
        assertEquals(200, visitor.send("POST", HUIJING + "/tracking/" + token + "/messages", "application/json",
                "{\"text\":\"补充说明\"}", "Origin", EVIL).statusCode());
        System.out.println("GuardIT figures: cross-site writes with the session cookie refused 7 of 7 (disable x3,"
                + " import, delete, suspend, header with cross-site Sec-Fetch-Site); accepted 5 of 5 (same-origin with"
                + " header, Basic x2, anonymous filing and tracking from another site)");
    }

    @Test
    void guessingPasswordsMeetsGrowingDelaysThen429AndIsAudited() throws Exception {
        PortalClient.awaitReady(base);
        String name = unique("guess");
        String password = "it-Guess-" + name;
        invitePersonWithPassword(name, password);
        PortalClient home = PortalClient.anonymous(base).always("X-Forwarded-For", "198.51.100.10");
        assertEquals(302, home.login("huijing-property", name, password).statusCode(), "logs in from home");

        // 100 wrong passwords through the form from one address.
        PortalClient form = PortalClient.anonymous(base).always("X-Forwarded-For", "198.51.100.20");
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pages.add(form.login("huijing-property", name, "wrong-" + i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(200, pages.get(i).statusCode(), "attempt " + (i + 1) + " is checked");
            assertTrue(pages.get(i).body().contains("用户名或密码不正确"));
        }
        HttpResponse<String> slowed = pages.stream().filter(p -> p.statusCode() == 429).findFirst().orElseThrow();
        // The sixth comes within the first second's wait unless this machine needed more than a second for it.
        assertTrue(pages.indexOf(slowed) <= 7, "waiting from the sixth attempt on: " + pages.indexOf(slowed));
        long formWait = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(formWait >= 1, "Retry-After " + formWait);
        assertTrue(slowed.body().contains("登录失败次数过多") && slowed.body().contains(formWait + " 秒后再试"),
                "the page says how long to wait, translated");
        long formChecked = pages.stream().filter(p -> p.statusCode() != 429).count();
        assertTrue(formChecked <= 15, "a handful of the 100 passwords were even checked: " + formChecked);
        assertTrue(pages.stream().filter(p -> p.statusCode() != 429).allMatch(p -> p.body().contains("用户名或密码不正确")));

        // At least 100 wrong passwords through HTTP Basic from another address, on until a wait of 2 s or more.
        List<HttpResponse<String>> answers = new ArrayList<>();
        PortalClient script = PortalClient.basic(base, name, "not-it").always("X-Forwarded-For", "198.51.100.30")
                .language("en");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (answers.size() < 100 || retryAfter(answers.get(answers.size() - 1)) < 2) {
            assertTrue(System.nanoTime() < deadline, "no growing wait after " + answers.size() + " attempts");
            answers.add(script.get(HUIJING + "/complaints"));
        }
        HttpResponse<String> rightPassword = PortalClient.basic(base, name, password)
                .always("X-Forwarded-For", "198.51.100.30").get(HUIJING + "/complaints");
        assertEquals(429, rightPassword.statusCode(), "not even the right password is checked while waiting");
        assertTrue(answers.stream().allMatch(a -> a.statusCode() == 401 || a.statusCode() == 429));
        HttpResponse<String> limited = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertTrue(answers.indexOf(limited) <= 7, "waiting within the first attempts: " + answers.indexOf(limited));
        assertTrue(limited.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        long basicWait = retryAfter(limited);
        assertTrue(PortalClient.json(limited).getString("detail").contains("try again in " + basicWait + " second"),
                limited.body());
        long basicChecked = answers.stream().filter(a -> a.statusCode() == 401).count();
        assertTrue(basicChecked <= 15, "a handful checked: " + basicChecked + " of " + answers.size());

        // Many machines guessing the same account: from a new address each time until the account itself makes
        // everybody wait. Even the right password from yet another address waits then (a minute at most), but
        // the person at their usual address does not.
        int probes = 0;
        int probesChecked = 0;
        HttpResponse<String> probe;
        do {
            assertTrue(System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos(), "no account-wide wait");
            probe = PortalClient.basic(base, name, "still-wrong")
                    .always("X-Forwarded-For", "198.51.101." + probes++ % 250).get(HUIJING + "/complaints");
            probesChecked += probe.statusCode() == 401 ? 1 : 0;
        } while (retryAfter(probe) < 2);
        assertTrue(retryAfter(probe) <= 60, "bounded: " + retryAfter(probe));
        HttpResponse<String> newcomer = PortalClient.basic(base, name, password)
                .always("X-Forwarded-For", "198.51.102.1").get(HUIJING + "/complaints");
        assertEquals(429, newcomer.statusCode(), "a new address waits for the account");
        assertEquals(302, home.login("huijing-property", name, password).statusCode(), "home still logs in");
        assertEquals(200, PortalClient.basic(base, name, password).always("X-Forwarded-For", "198.51.100.10")
                .get(HUIJING + "/complaints").statusCode());

        // One address trying a new username each time: 20 are checked, then it waits 1 s, 2 s, 4 s… whatever the
        // name; the loop goes on until the wait reaches 4 s (the 22nd failure), leaving time to try the form.
        int checked = 0;
        HttpResponse<String> answer;
        do {
            assertTrue(System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos(), "no growing wait");
            answer = PortalClient.basic(base, unique("nobody"), "Password1").always("X-Forwarded-For", "198.51.100.50")
                    .get(HUIJING + "/complaints");
            checked += answer.statusCode() == 401 ? 1 : 0;
        } while (retryAfter(answer) < 3);
        assertEquals(22, checked, "20 free names, then one after 1 s and one after 2 s");
        System.out.println("GuardIT figures: form " + pages.size() + " wrong passwords, " + formChecked
                + " checked, first 429 at attempt " + (pages.indexOf(slowed) + 1) + "; Basic " + answers.size()
                + " wrong passwords, " + basicChecked + " checked, first 429 at attempt "
                + (answers.indexOf(limited) + 1)
                + "; from ever new addresses: " + probesChecked + " checked until the account waits (Retry-After "
                + retryAfter(probe) + " s, the right password from a new address: " + newcomer.statusCode()
                + "); one address, new usernames: " + checked + " checked");
        PortalClient sprayer = PortalClient.anonymous(base).always("X-Forwarded-For", "198.51.100.50");
        assertEquals(429, sprayer.login("huijing-property", "huijing.supervisor", "wrong-again").statusCode(),
                "the address waits, whatever account it tries");

        // Every checked failure is in the tenant's audit log with the address; the waits are not.
        JsonObject audit = PortalClient.json(PortalClient.basic(base, "huijing.admin", PASSWORD)
                .get(HUIJING + "/audit?action=login.failed&size=200"));
        List<JsonObject> mine = audit.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("target").equals(name)).toList();
        assertEquals(formChecked + basicChecked + probesChecked, mine.size(), "every checked failure is logged");
        assertTrue(mine.stream().anyMatch(e -> e.getString("after").contains("198.51.100.20")
                && e.getString("after").contains("form")), mine.toString());
        assertTrue(mine.stream().anyMatch(e -> e.getString("after").contains("198.51.100.30")
                && e.getString("after").contains("basic")), mine.toString());
    }

    @Test
    void anUnknownUserAndAnAccountWithoutPasswordTakeAsLongAsAWrongPassword() {
        PortalClient.awaitReady(base);
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String invited = unique("nopass");
        assertEquals(201, admin.postJson(HUIJING + "/people", "{\"username\":\"" + invited + "\",\"email\":\""
                + invited + "@example.com\",\"displayName\":\"未设密码\",\"roles\":[\"STAFF\"]}").statusCode());
        // Five rounds, the three kinds in turn (so that a busy moment of the machine hits all three alike), after a
        // warm-up of the password hashing; the fastest of each kind is its cost without noise.
        failures(unique("warm.up"), "198.51.100.60", 3);
        List<PortalClient> kinds = List.of(basicFrom("huijing.supervisor", "198.51.100.61"),
                basicFrom(unique("nobody"), "198.51.100.62"), basicFrom(invited, "198.51.100.63"));
        long[] fastest = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 5; round++) {
            for (int kind = 0; kind < 3; kind++) {
                fastest[kind] = Math.min(fastest[kind], timedFailure(kinds.get(kind)));
            }
        }
        long wrong = fastest[0];
        long unknown = fastest[1];
        long noPassword = fastest[2];
        System.out.println("GuardIT figures: fastest of 5 Basic failures: wrong password " + wrong
                + " ms, unknown user " + unknown + " ms, account without password " + noPassword + " ms");
        long slowest = Math.max(wrong, Math.max(unknown, noPassword));
        long quickest = Math.min(wrong, Math.min(unknown, noPassword));
        assertTrue(quickest * 2 >= slowest, "wrong password " + wrong + " ms, unknown user " + unknown
                + " ms, invited without password " + noPassword + " ms: within a factor of two");
    }

    @Test
    void oneAddressPretendingToBeManyCannotExhaustATenantsPublicIntake() {
        PortalClient.awaitReady(base);
        PortalClient operator = PortalClient.basic(base, "platform.it", System.getProperty("kefu.it.admin.password"));
        String slug = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"洪水物业\",\"nameEn\":\"Flood Property\",\"kind\":\"PROPERTY\","
                + "\"timeZone\":\"Asia/Shanghai\",\"defaultLocale\":\"zh-CN\"}").statusCode());
        String api = "/api/v1/tenants/" + slug + "/complaints";
        int perAddress = Integer.parseInt(System.getProperty("kefu.it.filings.per.address", "40"));
        int perTenant = Integer.parseInt(System.getProperty("kefu.it.filings.per.tenant", "600"));

        // The attacker writes made-up hops in front; our proxy appends the address it really saw.
        PortalClient attacker = PortalClient.anonymous(base);
        int accepted = 0;
        for (int i = 0; i <= perTenant; i++) {
            HttpResponse<String> answer = attacker.send("POST", api, "application/json", "{\"kind\":\"COMPLAINT\","
                    + "\"description\":\"刷单" + i + "\",\"contactPhone\":\"13800138000\"}",
                    "X-Forwarded-For",
                    "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + ", 203.0.113.66");
            accepted += answer.statusCode() == 201 ? 1 : 0;
        }
        System.out.println("GuardIT figures: flood of " + (perTenant + 1) + " filings from one address behind made-up"
                + " hops: " + accepted + " accepted");
        assertEquals(perAddress, accepted, "one address files its share, made-up hops or not");

        PortalClient resident = PortalClient.anonymous(base).always("X-Forwarded-For", "203.0.113.99");
        HttpResponse<String> filed = resident.postJson(api, "{\"kind\":\"REPAIR\",\"description\":\"电梯故障\","
                + "\"contactPhone\":\"13700137000\"}");
        assertEquals(201, filed.statusCode(), "a resident elsewhere still files: " + filed.body());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRefusedAsCrossSite(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
        String detail = PortalClient.json(response).getString("detail");
        assertTrue(detail.contains("another site") && detail.contains("X-Requested-With"), detail);
    }

    /** The Retry-After of a 429 in seconds; 0 for any other answer. */
    private static long retryAfter(HttpResponse<String> response) {
        return response.statusCode() != 429 ? 0
                : Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }

    private PortalClient basicFrom(String username, String address) {
        return PortalClient.basic(base, username, "Wrong-Password-1").always("X-Forwarded-For", address);
    }

    private void failures(String username, String address, int count) {
        PortalClient client = basicFrom(username, address);
        for (int i = 0; i < count; i++) {
            timedFailure(client);
        }
    }

    /** One wrong-password Basic call, which must fail like any other, in milliseconds. */
    private static long timedFailure(PortalClient client) {
        long start = System.nanoTime();
        HttpResponse<String> answer = client.get(HUIJING + "/complaints");
        long took = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("用户名或密码不正确"), "the same message for everybody");
        return took;
    }

    /** A staff member of huijing with a password, set through the invitation mail's link. */
    private void invitePersonWithPassword(String name, String password) throws Exception {
        String email = name + "@example.com";
        assertEquals(201, PortalClient.basic(base, "huijing.admin", PASSWORD).postJson(HUIJING + "/people",
                "{\"username\":\"" + name + "\",\"email\":\"" + email
                        + "\",\"displayName\":\"猜测\",\"roles\":[\"STAFF\"]}")
                .statusCode());
        List<MimeMessage> mails = MailServer.awaitMail(email, "", 40);
        assertFalse(mails.isEmpty(), "no invitation mail to " + email);
        Matcher link = LINK.matcher(String.valueOf(mails.get(mails.size() - 1).getContent()));
        assertTrue(link.find());
        String token = link.group(1);
        PortalClient visitor = PortalClient.anonymous(base);
        String path = "/t/huijing-property/invitation?token=" + token;
        HttpResponse<String> page = visitor.get(path);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("invitation", "invitation");
        form.put("invitation:token", token);
        form.put("invitation:password", password);
        form.put("invitation:confirmation", password);
        form.put("invitation:submit", "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(page.body()));
        HttpResponse<String> chosen = visitor.postForm(path, form);
        assertTrue(chosen.statusCode() == 302 || chosen.statusCode() == 200, chosen.body());
        assertEquals(200, PortalClient.basic(base, name, password).always("X-Forwarded-For", "198.51.100.10")
                .get(HUIJING + "/complaints").statusCode(), "the password works");
    }

    private static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime(), 36);
    }
}
