package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak as the identity source, against a real Keycloak 26 started by the test run: the portal's startup
 * prepares the realm and the platform operator there; the REST API takes Keycloak's access tokens, verified
 * on every request, and nothing else; opening a tenant makes its organization and invites its first admin
 * through Keycloak; Kefu decides what a token holder may do in a tenant, so disabling works on the next
 * request and one tenant's people and admins reach nothing of another's.
 */
@EnabledIfSystemProperty(named = "kefu.it.kc.port", matches = ".+", disabledReason = "runs in the Keycloak run")
@ExtendWith({ArquillianExtension.class, MailServer.class})
@RunAsClient
class KeycloakIT {

    static final String OPERATOR = "platform.it";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void portalIsReady() {
        PortalClient.awaitReady(base);
    }

    static String operatorPassword() {
        return System.getProperty("kefu.it.admin.password");
    }

    @Test
    void startupPreparedTheRealmAndTheOperatorWhoseTokenOpensThePlatformApi() {
        assertTrue(KeycloakAccess.discovery().contains("\"issuer\":\"" + KeycloakServer.url() + "/realms/kefu\""));
        String token = KeycloakAccess.token(OPERATOR, operatorPassword());

        HttpResponse<String> tenants = PortalClient.bearer(base, token).get("/api/v1/platform/tenants");

        assertEquals(200, tenants.statusCode(), tenants.body());
        assertTrue(tenants.body().contains("huijing-property"), tenants.body());
        HttpResponse<String> me = PortalClient.bearer(base, token).get("/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(OPERATOR), me.body());
    }

    @Test
    void onlyKeycloakTokensMeantForKefuAreAccepted() {
        String token = KeycloakAccess.token(OPERATOR, operatorPassword());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertEquals(401, PortalClient.anonymous(base).get("/api/v1/platform/tenants").statusCode());
        HttpResponse<String> forged = PortalClient.bearer(base, tampered).get("/api/v1/platform/tenants");
        assertEquals(401, forged.statusCode(), "a token with a broken signature");
        assertTrue(forged.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, PortalClient.bearer(base, KeycloakAccess.masterAdminToken())
                .get("/api/v1/platform/tenants").statusCode(), "Keycloak's own admin token is not meant for Kefu");
        assertEquals(401, PortalClient.bearer(base, "not-a-token").get("/api/v1/platform/tenants").statusCode());

        HttpResponse<String> password = PortalClient.basic(base, OPERATOR, operatorPassword())
                .get("/api/v1/platform/tenants");
        assertEquals(401, password.statusCode(), "with Keycloak, passwords are Keycloak's");
        assertTrue(password.body().contains("Keycloak"), password.body());
    }

    /**
     * Behind a proxy that ends TLS the portal sees its inner address: the addresses Keycloak sends browsers back
     * to are built from the public one ({@code kefu.public.url}, {@code http://127.0.0.1:port} in this run), not
     * from the address the request came in on (here {@code localhost}).
     */
    @Test
    void theLoginSendsKeycloakThePublicCallbackAddressNotTheRequestOne() throws Exception {
        PortalClient inner = PortalClient.anonymous(new URL("http://localhost:" + base.getPort() + "/"));

        HttpResponse<String> login = inner.get("/oidc/login?tenant=huijing-property");

        assertEquals(302, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(KeycloakServer.url() + "/realms/kefu/protocol/openid-connect/auth?"), location);
        String publicCallback = URLEncoder.encode(publicUrl() + "/oidc/callback", StandardCharsets.UTF_8);
        assertTrue(location.contains("redirect_uri=" + publicCallback), location);
        assertTrue(location.contains("code_challenge_method=S256") && location.contains("nonce="), location);
    }

    /**
     * A key taken out of the realm (rotated out or revoked) stops opening Kefu without a restart: Kefu keeps the
     * realm's key set only for {@code kefu.keycloak.keys.cache-seconds} (5 s in this run). The realm gets a new
     * signing key and loses the one that signed a token Kefu has just accepted.
     */
    @Test
    void aTokenSignedByAKeyRemovedFromTheRealmIsRefusedWithoutARestart() {
        String token = KeycloakAccess.token(OPERATOR, operatorPassword());
        assertEquals(200, PortalClient.bearer(base, token).get("/api/v1/me").statusCode());
        String keys = KeycloakAccess.admin("GET", "/keys", null).body();
        String signer = KeycloakAccess.json(keys).getJsonArray("keys").getValuesAs(jakarta.json.JsonObject.class)
                .stream().filter(k -> k.getString("kid", "").equals(keyId(token)))
                .findFirst().orElseThrow(() -> new AssertionError(header(token) + " not among " + keys))
                .getString("providerId");
        String realmId = KeycloakAccess.json(KeycloakAccess.admin("GET", "", null).body()).getString("id");
        HttpResponse<String> added = KeycloakAccess.admin("POST", "/components", "{\"name\":\"kefu-it-rotated\","
                + "\"providerId\":\"rsa-generated\",\"providerType\":\"org.keycloak.keys.KeyProvider\","
                + "\"parentId\":\"" + realmId + "\",\"config\":{\"priority\":[\"500\"],\"enabled\":[\"true\"],"
                + "\"active\":[\"true\"],\"algorithm\":[\"RS256\"]}}");
        assertEquals(201, added.statusCode(), added.body());

        assertEquals(204, KeycloakAccess.admin("DELETE", "/components/" + signer, null).statusCode(),
                "the key that signed the token leaves the realm");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        while ((status = PortalClient.bearer(base, token).get("/api/v1/me").statusCode()) == 200) {
            assertTrue(System.nanoTime() < deadline, "a token of a key removed from the realm still opens Kefu");
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        assertEquals(401, status);
        assertEquals(200, PortalClient.bearer(base, KeycloakAccess.token(OPERATOR, operatorPassword()))
                .get("/api/v1/me").statusCode(), "tokens of the realm's new key work at once");
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
    }

    private static String keyId(String token) {
        return KeycloakAccess.json(header(token)).getString("kid");
    }

    /** The portal's public address in this run, as the build configures it. */
    static String publicUrl() {
        return System.getProperty("kefu.it.public.url");
    }

    static final String PASSWORD = "Kc-Test-2026!";

    /** A tenant opened by the operator with a first admin who has completed Keycloak's invitation. */
    record Opened(String slug, String admin, String adminToken) {
    }

    Opened open(String slug) {
        String admin = slug + ".admin";
        HttpResponse<String> opened = PortalClient.bearer(base, KeycloakAccess.token(OPERATOR, operatorPassword()))
                .postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"" + slug + "物业\","
                        + "\"nameEn\":\"" + slug + " Property\",\"kind\":\"PROPERTY\",\"adminUsername\":\"" + admin
                        + "\",\"adminEmail\":\"" + admin + "@example.com\",\"adminDisplayName\":\"周管理\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        KeycloakAccess.completeInvitation(admin, PASSWORD);
        return new Opened(slug, admin, KeycloakAccess.token(admin, PASSWORD));
    }

    /** Invites a person into the tenant through Kefu's API and lets them finish Keycloak's invitation. */
    String invite(Opened tenant, String username, String role) {
        HttpResponse<String> invited = PortalClient.bearer(base, tenant.adminToken()).postJson("/api/v1/tenants/"
                + tenant.slug() + "/people", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"displayName\":\"吴员工\",\"roles\":[\"" + role + "\"]}");
        assertEquals(201, invited.statusCode(), invited.body());
        KeycloakAccess.completeInvitation(username, PASSWORD);
        return KeycloakAccess.token(username, PASSWORD);
    }

    @Test
    void openingATenantMakesItsOrganizationAndInvitesItsFirstAdminThroughKeycloak() throws Exception {
        String slug = "kc-east";
        HttpResponse<String> opened = PortalClient.bearer(base, KeycloakAccess.token(OPERATOR, operatorPassword()))
                .postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"东区物业\","
                        + "\"nameEn\":\"East Property\",\"kind\":\"PROPERTY\",\"adminUsername\":\"east.admin\","
                        + "\"adminEmail\":\"east.admin@example.com\",\"adminDisplayName\":\"周管理\"}");
        assertEquals(201, opened.statusCode(), opened.body());

        jakarta.json.JsonObject organization = KeycloakAccess.organization(slug)
                .orElseThrow(() -> new AssertionError("no organization " + slug + " in Keycloak"));
        assertTrue(KeycloakAccess.organizationMembers(organization.getString("id")).stream()
                .anyMatch(m -> "east.admin".equals(m.asJsonObject().getString("username"))));
        jakarta.json.JsonObject admin = KeycloakAccess.user("east.admin").orElseThrow();
        assertTrue(admin.getJsonArray("requiredActions").toString().contains("UPDATE_PASSWORD"), admin.toString());
        assertTrue(admin.getJsonArray("requiredActions").toString().contains("VERIFY_EMAIL"), admin.toString());
        assertTrue(MailServer.link("east.admin@example.com", "action-token", 30).startsWith(KeycloakServer.url()),
                "Keycloak mailed the invitation with its own link");

        KeycloakAccess.completeInvitation("east.admin", PASSWORD);
        String token = KeycloakAccess.token("east.admin", PASSWORD);
        HttpResponse<String> people = PortalClient.bearer(base, token).get("/api/v1/tenants/" + slug + "/people");
        assertEquals(200, people.statusCode(), people.body());
        assertTrue(people.body().contains("east.admin"), people.body());
        assertEquals(409, PortalClient.bearer(base, KeycloakAccess.token(OPERATOR, operatorPassword()))
                .postJson("/api/v1/platform/tenants", "{\"slug\":\"kc-east2\",\"nameZh\":\"东区二\","
                        + "\"nameEn\":\"East 2\",\"kind\":\"PROPERTY\",\"adminUsername\":\"east2.admin\","
                        + "\"adminEmail\":\"east.admin@example.com\",\"adminDisplayName\":\"重复\"}").statusCode(),
                "Keycloak already has this e-mail: refused, and the tenant is not left half-opened");
        assertEquals(404, PortalClient.bearer(base, KeycloakAccess.token(OPERATOR, operatorPassword()))
                .get("/api/v1/platform/tenants/kc-east2").statusCode());
        assertTrue(KeycloakAccess.organization("kc-east2").isEmpty(), "its organization is removed again");
    }

    @Test
    void aDisabledPersonIsRefusedOnTheNextRequestAndCannotGetANewToken() {
        Opened north = open("kc-north");
        String staffToken = invite(north, "north.staff", "STAFF");
        PortalClient staff = PortalClient.bearer(base, staffToken);
        assertEquals(200, staff.get("/api/v1/tenants/kc-north/complaints").statusCode());

        HttpResponse<String> disabled = PortalClient.bearer(base, north.adminToken())
                .postJson("/api/v1/tenants/kc-north/people/north.staff/disable", "{}");
        assertEquals(200, disabled.statusCode(), disabled.body());

        assertEquals(403, staff.get("/api/v1/tenants/kc-north/complaints").statusCode(),
                "the same, unexpired token is refused on the very next request");
        assertEquals(false, KeycloakAccess.user("north.staff").orElseThrow().getBoolean("enabled"),
                "no membership left anywhere: the Keycloak login is disabled too");
        assertTrue(KeycloakAccess.tokenResponse(KeycloakAccess.REALM, KeycloakAccess.CLIENT,
                System.getProperty("kefu.it.kc.secret"), "north.staff", PASSWORD).statusCode() >= 400);

        assertEquals(200, PortalClient.bearer(base, north.adminToken())
                .postJson("/api/v1/tenants/kc-north/people/north.staff/enable", "{}").statusCode());
        assertEquals(true, KeycloakAccess.user("north.staff").orElseThrow().getBoolean("enabled"));
        assertEquals(200, PortalClient.bearer(base, KeycloakAccess.token("north.staff", PASSWORD))
                .get("/api/v1/tenants/kc-north/complaints").statusCode());
    }

    @Test
    void tokensAndAdminsOfOneTenantReachNothingOfAnother() {
        Opened south = open("kc-south");
        Opened west = open("kc-west");
        String southStaff = invite(south, "south.staff", "STAFF");
        invite(west, "west.staff", "STAFF");
        PortalClient southAdmin = PortalClient.bearer(base, south.adminToken());

        assertEquals(403, PortalClient.bearer(base, southStaff).get("/api/v1/tenants/kc-west/complaints").statusCode());
        assertEquals(403, PortalClient.bearer(base, southStaff).get("/api/v1/tenants/huijing-property/complaints")
                .statusCode(), "a valid token alone opens no tenant");
        assertEquals(403, southAdmin.get("/api/v1/tenants/kc-west/people").statusCode(), "list");
        assertEquals(403, southAdmin.get("/api/v1/tenants/kc-west/people/west.staff").statusCode(), "read");
        assertEquals(403, southAdmin.postJson("/api/v1/tenants/kc-west/people", "{\"username\":\"intruder\","
                + "\"email\":\"intruder@example.com\",\"displayName\":\"X\",\"roles\":[\"TENANT_ADMIN\"]}")
                .statusCode(), "invite");
        assertEquals(403, southAdmin.postJson("/api/v1/tenants/kc-west/people/west.staff/disable", "{}").statusCode());
        assertEquals(403, southAdmin.putJson("/api/v1/tenants/kc-west/people/west.staff/roles",
                "{\"roles\":[\"RESIDENT\"]}").statusCode());
        assertEquals(404, southAdmin.get("/api/v1/tenants/kc-south/people/west.staff").statusCode(),
                "another tenant's person under our own address");
        assertEquals(404, southAdmin.postJson("/api/v1/tenants/kc-south/people/west.staff/disable", "{}")
                .statusCode());
        assertEquals(404, southAdmin.putJson("/api/v1/tenants/kc-south/people/west.staff/roles",
                "{\"roles\":[\"STAFF\"]}").statusCode());

        assertTrue(KeycloakAccess.user("intruder").isEmpty(), "nothing was provisioned in Keycloak");
        assertEquals(true, KeycloakAccess.user("west.staff").orElseThrow().getBoolean("enabled"));
        assertEquals(200, PortalClient.bearer(base, KeycloakAccess.token("west.staff", PASSWORD))
                .get("/api/v1/tenants/kc-west/complaints").statusCode(), "west's staff untouched");
    }

    /** A person removed from a tenant leaves its Keycloak organization; with no tenant left, Keycloak's login too. */
    @Test
    void aRemovedPersonLeavesTheOrganizationAndWithNoTenantLeftCannotSignIn() {
        Opened north = open("kc-leave");
        // The heir has joined (their first request links their Keycloak login): only then can they take work.
        assertEquals(200, PortalClient.bearer(base, invite(north, "leave.heir", "STAFF"))
                .get("/api/v1/tenants/kc-leave/complaints").statusCode());
        invite(north, "leave.staff", "STAFF");
        String organization = KeycloakAccess.organization("kc-leave").orElseThrow().getString("id");
        assertTrue(KeycloakAccess.organizationMembers(organization).toString().contains("leave.staff"));

        HttpResponse<String> removed = PortalClient.bearer(base, north.adminToken())
                .postJson("/api/v1/tenants/kc-leave/people/leave.staff/removal", "{\"successor\":\"leave.heir\"}");
        assertEquals(200, removed.statusCode(), removed.body());

        assertTrue(!KeycloakAccess.organizationMembers(organization).toString().contains("\"leave.staff\""),
                "out of the organization");
        assertEquals(false, KeycloakAccess.user("leave.staff").orElseThrow().getBoolean("enabled"),
                "no tenant left: Keycloak's login is disabled too");
        assertTrue(KeycloakAccess.organizationMembers(organization).toString().contains("leave.heir"));
    }

    /**
     * Keycloak's registration refuses a username Kefu would refuse (the realm's user profile carries Kefu's rule),
     * with the realm's own message in the page's language, instead of making a person who could never get an
     * account in Kefu; a name Kefu keeps registers.
     */
    @Test
    void keycloakRegistrationRefusesUsernamesKefuRefuses() throws Exception {
        // Names Keycloak's own checks let through and Kefu keeps for itself or refuses.
        for (String bad : List.of("system", "anonymous", "-dash", "_under")) {
            HttpResponse<String> refused = KeycloakAccess.admin("POST", "/users", "{\"username\":\"" + bad
                    + "\",\"email\":\"" + bad.replaceAll("[^a-z]", "") + "@bad.example\",\"firstName\":\"X\","
                    + "\"lastName\":\"Y\",\"enabled\":true}");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("kefuUsernameInvalid"), refused.body());
        }
        OidcBrowser browser = new OidcBrowser(publicUrl());
        String page = browser.registrationPage("huijing-property", "zh-CN");
        HttpResponse<String> answer = browser.submit(page, "kc-register-form", Map.of("username", "system",
                "email", "wang.fang@register.example", "firstName", "芳", "lastName", "王", "password", PASSWORD,
                "password-confirm", PASSWORD));
        assertEquals(200, answer.statusCode(), "the registration page again, with the error");
        assertTrue(answer.body().contains("用户名须为 2 至 64 个字符"), answer.body());
        assertTrue(KeycloakAccess.user("system").isEmpty(), "nobody was registered");

        HttpResponse<String> registered = browser.submit(answer.body(), "kc-register-form", Map.of("username",
                "Wang.Fang", "email", "wang.fang@register.example", "firstName", "芳", "lastName", "王",
                "password", PASSWORD, "password-confirm", PASSWORD));
        assertTrue(registered.statusCode() == 200 || registered.statusCode() == 302, registered.body());
        assertTrue(KeycloakAccess.user("wang.fang").isPresent(), "a name Kefu keeps registers (in lower case)");
    }

    /**
     * The same new person's first login finishing twice at the same moment (two tabs, a double click): both
     * requests find no account, both make one, and the database lets only one in. The other signs in to that
     * account, not into a 500. The test makes the race certain: it holds the account table against inserts until
     * both callbacks wait there, then lets them go.
     */
    @Test
    void twoSimultaneousFirstLoginsOfANewPersonBothSignInToOneAccount() throws Exception {
        String username = "twin." + java.util.UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = KeycloakAccess.admin("POST", "/users", "{\"username\":\"" + username
                + "\",\"email\":\"" + username + "@example.com\",\"emailVerified\":true,\"enabled\":true,"
                + "\"firstName\":\"双\",\"lastName\":\"李\",\"credentials\":[{\"type\":\"password\",\"value\":\""
                + PASSWORD + "\",\"temporary\":false}]}");
        assertEquals(201, created.statusCode(), created.body());
        OidcBrowser first = new OidcBrowser(publicUrl());
        OidcBrowser second = new OidcBrowser(publicUrl());
        java.net.URI firstCallback = first.loginUntilCallback("huijing-property", username, PASSWORD);
        java.net.URI secondCallback = second.loginUntilCallback("huijing-property", username, PASSWORD);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.sql.Connection gate = PostgresServer.kefuDatabase();
                java.sql.Connection watch = PostgresServer.kefuDatabase();
                java.sql.Statement sql = gate.createStatement()) {
            gate.setAutoCommit(false);
            // Reads go on (both find no account); inserts into user_account wait for this transaction.
            sql.execute("LOCK TABLE user_account IN SHARE ROW EXCLUSIVE MODE");
            java.util.concurrent.Future<HttpResponse<String>> a = pool.submit(() -> first.get(firstCallback));
            java.util.concurrent.Future<HttpResponse<String>> b = pool.submit(() -> second.get(secondCallback));
            awaitWaitingInserts(watch, 2, Duration.ofSeconds(30));
            gate.rollback();
            for (HttpResponse<String> callback : List.of(a.get(30, java.util.concurrent.TimeUnit.SECONDS),
                    b.get(30, java.util.concurrent.TimeUnit.SECONDS))) {
                assertEquals(302, callback.statusCode(), "signed in, not an error: " + callback.body());
                assertTrue(callback.headers().firstValue("Location").orElseThrow().contains("/t/huijing-property/"),
                        callback.headers().toString());
            }
            try (java.sql.ResultSet rows = watch.createStatement().executeQuery("SELECT COUNT(*) FROM user_account"
                    + " WHERE username = '" + username + "'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "one account");
            }
            try (java.sql.ResultSet rows = watch.createStatement().executeQuery("SELECT COUNT(*) FROM membership m"
                    + " JOIN user_account u ON u.id = m.user_id WHERE u.username = '" + username + "'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "one resident membership");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, first.get(java.net.URI.create(publicUrl() + "/t/huijing-property/my/cases")).statusCode());
        assertEquals(200, second.get(java.net.URI.create(publicUrl() + "/t/huijing-property/my/cases")).statusCode());
    }

    /** Waits until {@code count} statements wait for a lock on user_account (the callbacks at their insert). */
    private static void awaitWaitingInserts(java.sql.Connection watch, int count, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try (java.sql.ResultSet rows = watch.createStatement().executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO user_account%'")) {
                rows.next();
                if (rows.getInt(1) >= count) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < end, "the callbacks never reached the account insert");
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
