package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal as its users and operators meet it over HTTP: health on the configured database, error pages and
 * problem documents without internals, login and logout, the language switch, the platform operator's tenant
 * lifecycle (open, suspend, resume) and bad input that stores nothing.
 */
@SharedPortal.Client
class PortalIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String OPERATOR = "platform.it";

    @SharedPortal.Base
    URL base;

    @BeforeEach
    void portalIsReady() {
        PortalClient.awaitReady(base);
    }

    @Test
    void readinessNamesTheConfiguredDatabase() throws IOException {
        HttpResponse<String> ready = PortalClient.anonymous(base).get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        // Checks come in no fixed order (the data grid's is beside the database's since issue 13).
        JsonObject check = PortalClient.json(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        assertTrue(check.getJsonObject("data").getString("database").startsWith(PostgresServer.expectedDatabase()),
                check.toString());
        assertEquals(latestMigration(), check.getJsonObject("data").getString("schemaVersion"));
    }

    /** The newest migration in the sources (V15__x.sql is "15", V15_1__x.sql "15.1"): every one of them ran. */
    private static String latestMigration() {
        try (Stream<Path> files = Files.list(Path.of("../domain/src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+(_\\d+)?__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).split("_"))
                    .max(Comparator.<String[]>comparingInt(v -> Integer.parseInt(v[0]))
                            .thenComparingInt(v -> v.length > 1 ? Integer.parseInt(v[1]) : 0))
                    .map(v -> String.join(".", v)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void openApiIsServedAndMetricsAreTheOperators() {
        PortalClient client = PortalClient.anonymous(base);
        HttpResponse<String> metrics = client.get("/metrics");
        assertEquals(404, metrics.statusCode(), "only with the operator's token (HardeningIT)");
        HttpResponse<String> openapi = client.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/tenants/{tenant}/departments"), "the API is documented");

        // Path parameters are text or numbers, also those bound to a value class (a code): never an object.
        JsonObject paths = PortalClient.json(client.get("/openapi", "Accept", "application/json"))
                .getJsonObject("paths");
        List<String> objects = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                JsonArray parameters = operation.getValue().getValueType() == JsonValue.ValueType.OBJECT
                        ? operation.getValue().asJsonObject().getJsonArray("parameters") : null;
                for (JsonValue value : parameters == null ? List.<JsonValue>of() : parameters) {
                    JsonObject parameter = value.asJsonObject();
                    JsonObject schema = parameter.getJsonObject("schema");
                    if ("path".equals(parameter.getString("in", "")) && schema != null
                            && "object".equals(schema.getString("type", ""))) {
                        objects.add(operation.getKey() + " " + path.getKey() + " " + parameter.getString("name"));
                    }
                }
            }
        }
        assertEquals(List.of(), objects, "path parameters the API document describes as objects");
    }

    @Test
    void theApiServesOnlyKefusOwnResources() {
        PortalClient client = PortalClient.anonymous(base);
        assertEquals(404, client.get("/api/admin/realms").statusCode(),
                "the Keycloak admin client's interfaces in the war are no endpoints of ours");
        assertEquals(404, client.get("/api/realms/kefu/protocol/openid-connect/certs").statusCode());
        assertFalse(client.get("/openapi").body().contains("/admin/realms"), "nor in the API's description");
    }

    @Test
    void landingPagesSpeakTheTenantsLanguage() {
        PortalClient visitor = PortalClient.anonymous(base);
        HttpResponse<String> huijing = visitor.get("/t/huijing-property/");
        assertEquals(200, huijing.statusCode());
        assertTrue(huijing.body().contains("lang=\"zh-CN\"") && huijing.body().contains("汇景物业"));
        HttpResponse<String> riverside = visitor.get("/t/riverside-mall/");
        assertEquals(200, riverside.statusCode());
        assertTrue(riverside.body().contains("lang=\"en\"") && riverside.body().contains("Riverside Mall"));
        assertEquals(302, visitor.get("/t/huijing-property").statusCode(), "canonical address ends with a slash");
    }

    @Test
    void theLanguageSwitchSticksAndOnlyReturnsToLocalPages() {
        PortalClient visitor = PortalClient.anonymous(base);
        HttpResponse<String> switched = visitor.get("/lang?to=en&back=/t/huijing-property/");
        assertEquals(302, switched.statusCode());
        assertTrue(switched.headers().firstValue("Location").orElseThrow().endsWith("/t/huijing-property/"));
        HttpResponse<String> page = visitor.get("/t/huijing-property/");
        assertTrue(page.body().contains("lang=\"en\"") && page.body().contains("Huijing Property"));
        assertTrue(visitor.get("/t/riverside-mall/").body().contains("lang=\"en\""));
        visitor.get("/lang?to=zh-CN&back=/");
        assertTrue(visitor.get("/t/riverside-mall/").body().contains("滨江购物中心"), "the choice sticks");

        for (String evil : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
            HttpResponse<String> redirect = visitor.get("/lang?to=en&back=" + java.net.URLEncoder.encode(evil,
                    java.nio.charset.StandardCharsets.UTF_8));
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertFalse(location.contains("evil.example"), location);
        }
    }

    @Test
    void unknownTenantsAndPagesAreFriendlyNotFound() {
        PortalClient visitor = PortalClient.anonymous(base);
        for (String path : List.of("/t/no-such-tenant/", "/t/Bad_Slug/", "/t/huijing-property/no-such-page",
                "/t/huijing-property/../../etc/passwd")) {
            HttpResponse<String> page = visitor.get(path);
            assertEquals(404, page.statusCode(), path);
            assertNoInternals(page);
        }
        HttpResponse<String> en = visitor.language("en").get("/api/v1/tenants/no-such-tenant/departments");
        assertEquals(404, en.statusCode());
        assertTrue(en.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("Not found", PortalClient.json(en).getString("title"));
        HttpResponse<String> zh = visitor.language("zh-CN").get("/api/v1/tenants/no-such-tenant/departments");
        assertEquals("未找到", PortalClient.json(zh).getString("title"));
    }

    @Test
    void onlyThePlatformOperatorEntersThePlatformPages() {
        PortalClient anonymous = PortalClient.anonymous(base);
        assertTrue(anonymous.get("/platform/").headers().firstValue("Location").orElseThrow()
                .contains("/login.xhtml?next="));
        PortalClient tenantAdmin = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD);
        HttpResponse<String> refused = tenantAdmin.get("/platform/");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("riverside-mall"), "no tenant list for a tenant admin");
        assertEquals(403, PortalClient.basic(base, "huijing.admin", PASSWORD).get("/api/v1/platform/tenants")
                .statusCode());
        assertEquals(200, PortalClient.basic(base, OPERATOR, System.getProperty("kefu.it.admin.password"))
                .get("/api/v1/platform/tenants").statusCode());
    }

    @Test
    void tenantPagesWithoutADeclaredAreaAreNotFound() {
        PortalClient staff = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        assertEquals(404, staff.get("/t/huijing-property/reports/").statusCode());
        assertEquals(404, staff.get("/t/huijing-property/login/extra").statusCode());
    }

    @Test
    void loginRenewsTheSessionAndLogoutEndsIt() {
        PortalClient browser = PortalClient.anonymous(base);
        HttpResponse<String> staff = browser.get("/t/huijing-property/staff/");
        assertEquals(302, staff.statusCode());
        assertTrue(staff.headers().firstValue("Location").orElseThrow().contains("/t/huijing-property/login?next="));

        browser.get("/t/huijing-property/login");
        assertTrue(browser.cookie("JSESSIONID").isEmpty(), "no session before login, so none to fixate "
                + "(renewal of an existing one: HardeningIT)");
        HttpResponse<String> login = browser.login("huijing-property", "huijing.staff", PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(browser.cookie("JSESSIONID").isPresent(), "a session from the login on");

        HttpResponse<String> home = browser.get("/t/huijing-property/staff/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("王芳"));

        java.util.Map<String, String> logout = new java.util.LinkedHashMap<>();
        logout.put("session", "session");
        logout.put("session:logout", "");
        logout.put("jakarta.faces.ViewState", PortalClient.viewState(home.body()));
        HttpResponse<String> out = browser.postForm("/t/huijing-property/staff/", logout);
        assertEquals(302, out.statusCode());
        assertEquals(302, browser.get("/t/huijing-property/staff/").statusCode(), "logged out");
    }

    @Test
    void anExpiredFormSendsTheUserBackToItsPage() {
        PortalClient browser = PortalClient.anonymous(base);
        browser.get("/t/huijing-property/login");
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", "huijing.staff");
        form.put("login:password", PASSWORD);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", "-123:456");
        HttpResponse<String> refused = browser.postForm("/t/huijing-property/login", form);
        assertEquals(302, refused.statusCode());
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/expired.xhtml"), location);
        HttpResponse<String> expired = browser.get("/expired.xhtml",
                "Referer", base.toString().replaceAll("/$", "") + "/t/huijing-property/login");
        assertTrue(expired.body().contains("页面已过期"), expired.body());
        assertTrue(expired.body().contains("href=\"/t/huijing-property/login\""), "a link back to the same page");
        assertNoInternals(expired);
        assertEquals(302, browser.get("/t/huijing-property/staff/").statusCode(), "nothing was submitted");
    }

    @Test
    void wrongPasswordsAreRefusedWithoutSayingWhy() {
        PortalClient browser = PortalClient.anonymous(base);
        HttpResponse<String> wrong = browser.login("huijing-property", "huijing.staff", "not-the-password");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("用户名或密码不正确"));
        HttpResponse<String> unknown = browser.login("huijing-property", "nobody.here", "not-the-password");
        assertTrue(unknown.body().contains("用户名或密码不正确"));

        HttpResponse<String> api = PortalClient.basic(base, "huijing.staff", "wrong").get("/api/v1/me");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(401,
                PortalClient.anonymous(base).get("/api/v1/tenants/huijing-property/departments").statusCode());
    }

    @Test
    void theOperatorOpensSuspendsAndResumesATenant() {
        PortalClient operator = PortalClient.basic(base, OPERATOR, System.getProperty("kefu.it.admin.password"));
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> opened = operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"测试物业\",\"nameEn\":\"Test Property\",\"kind\":\"PROPERTY\","
                + "\"timeZone\":\"Asia/Shanghai\",\"defaultLocale\":\"zh-CN\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        assertTrue(opened.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/platform/tenants/" + slug));
        HttpResponse<String> landing = PortalClient.anonymous(base).get("/t/" + slug + "/");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("测试物业") && landing.body().contains("维修报修"),
                "the new tenant's workspace was seeded");

        assertEquals("SUSPENDED", PortalClient.json(operator.postJson("/api/v1/platform/tenants/" + slug + "/suspend",
                "{}")).getString("status"));
        HttpResponse<String> suspendedPage = PortalClient.anonymous(base).get("/t/" + slug + "/");
        assertEquals(403, suspendedPage.statusCode());
        assertTrue(suspendedPage.body().contains("已暂停服务"));
        assertEquals(403, PortalClient.anonymous(base).get("/api/v1/tenants/" + slug).statusCode());
        assertEquals(409, operator.postJson("/api/v1/platform/tenants/" + slug + "/suspend", "{}").statusCode());

        operator.postJson("/api/v1/platform/tenants/" + slug + "/resume", "{}");
        assertEquals(200, PortalClient.anonymous(base).get("/t/" + slug + "/").statusCode());
    }

    @Test
    void theOperatorsActsAndUsageReadsAreInThePlatformAuditLogForOperatorsOnly() {
        String password = System.getProperty("kefu.it.admin.password");
        PortalClient operator = PortalClient.basic(base, OPERATOR, password);
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"审计物业\",\"nameEn\":\"Audit Property\",\"kind\":\"PROPERTY\","
                + "\"adminEmail\":\"first.admin@" + slug + ".example\",\"adminUsername\":\"" + slug + ".admin\"}")
                .statusCode());
        assertEquals(200, operator.get("/api/v1/platform/tenants/" + slug).statusCode());
        assertEquals(200, operator.postJson("/api/v1/platform/tenants/" + slug + "/suspend", "{}").statusCode());
        assertEquals(409, operator.postJson("/api/v1/platform/tenants/" + slug + "/suspend", "{}").statusCode());
        assertEquals(200, operator.postJson("/api/v1/platform/tenants/" + slug + "/resume", "{}").statusCode());
        assertEquals(200, operator.get("/api/v1/platform/tenants").statusCode());

        JsonObject page = PortalClient.json(operator.get("/api/v1/platform/audit?tenant=" + slug + "&size=10"));
        List<String> acts = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("action")).toList();
        // Newest first; the refused second suspension changed nothing and left nothing.
        assertEquals(List.of("TENANT_RESUMED", "TENANT_SUSPENDED", "USAGE_READ", "TENANT_OPENED"), acts);
        assertEquals(4, page.getInt("total"));
        JsonObject opened = page.getJsonArray("items").getJsonObject(3);
        assertEquals(OPERATOR, opened.getString("actor"));
        assertTrue(opened.getString("details").contains("nameEn=Audit Property")
                && opened.getString("details").contains(slug + ".admin <first.admin@" + slug + ".example>"),
                opened.toString());
        JsonObject everyTenant = PortalClient.json(operator.get("/api/v1/platform/audit?action=usage_read&size=200"));
        assertTrue(everyTenant.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> !e.containsKey("tenant") && e.getString("details").startsWith("tenants=")),
                "the list of every tenant's usage is one read of all tenants");
        assertEquals(422, operator.get("/api/v1/platform/audit?action=DELETED_EVERYTHING").statusCode());

        // Nobody else reads it: tenant admins and staff of any tenant, by API and by page.
        assertEquals(403, PortalClient.basic(base, "huijing.admin", PASSWORD).get("/api/v1/platform/audit")
                .statusCode());
        assertEquals(403, PortalClient.basic(base, "riverside.supervisor", PASSWORD).get("/api/v1/platform/audit")
                .statusCode());
        assertEquals(401, PortalClient.anonymous(base).get("/api/v1/platform/audit").statusCode());
        HttpResponse<String> refused = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PASSWORD)
                .get("/platform/audit.xhtml");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains(slug));

        // The operator's page shows the same entries, translated.
        PortalClient session = PortalClient.loggedIn(base, null, OPERATOR, password).language("en");
        HttpResponse<String> shown = session.get("/platform/audit.xhtml");
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("Platform audit log") && shown.body().contains(slug)
                && shown.body().contains("Tenant suspended") && shown.body().contains("Usage figures read"),
                shown.body());
        HttpResponse<String> chinese = PortalClient.loggedIn(base, null, OPERATOR, password).language("zh-CN")
                .get("/platform/audit.xhtml");
        assertTrue(chinese.body().contains("平台审计日志") && chinese.body().contains("暂停租户"), chinese.body());
    }

    @Test
    void badTenantInputIsRefusedFieldByFieldAndNothingIsStored() {
        PortalClient operator = PortalClient.basic(base, OPERATOR, System.getProperty("kefu.it.admin.password"))
                .language("en");
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"Bad Slug\",\"nameZh\":\"x\","
                + "\"nameEn\":\"x\",\"kind\":\"PROPERTY\"}"), 422, "slug");
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"x\","
                + "\"nameEn\":\"x\",\"kind\":\"PROPERTY\",\"timeZone\":\"Mars/Olympus\"}"), 422, "timeZone");
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"x\","
                + "\"nameEn\":\"\",\"kind\":\"PROPERTY\"}"), 422, "nameEn");
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"x\","
                + "\"nameEn\":\"x\",\"kind\":\"CASINO\"}"), 422, "kind");
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\""
                + "长".repeat(101) + "\",\"nameEn\":\"x\",\"kind\":\"RETAIL\"}"), 422, "nameZh");
        assertEquals(400, operator.postJson("/api/v1/platform/tenants", "{\"slug\": ").statusCode());
        assertEquals(404, operator.get("/api/v1/platform/tenants/" + slug).statusCode(), "nothing half-saved");
        assertField(operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"huijing-property\",\"nameZh\":\"x\","
                + "\"nameEn\":\"x\",\"kind\":\"PROPERTY\"}"), 409, "slug");

        assertEquals(403, PortalClient.basic(base, "huijing.admin", PASSWORD).postJson("/api/v1/platform/tenants",
                "{\"slug\":\"" + slug + "\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"kind\":\"PROPERTY\"}").statusCode());
        assertEquals(404, operator.get("/api/v1/platform/tenants/" + slug).statusCode());
    }

    @Test
    void departmentsAreEditedWithOptimisticLockingAndCheckedInput() {
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD).language("en");
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson("/api/v1/tenants/riverside-mall/departments",
                "{\"code\":\"" + code + "\",\"nameZh\":\"测试部\",\"nameEn\":\"<script>alert(1)</script>\"}");
        assertEquals(201, created.statusCode(), created.body());
        long version = PortalClient.json(created).getJsonNumber("version").longValue();

        HttpResponse<String> renamed = admin.putJson("/api/v1/tenants/riverside-mall/departments/" + code,
                "{\"nameZh\":\"测试部\",\"nameEn\":\"Testing\",\"version\":" + version + "}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        HttpResponse<String> stale = admin.putJson("/api/v1/tenants/riverside-mall/departments/" + code,
                "{\"nameZh\":\"测试部\",\"nameEn\":\"Lost update\",\"version\":" + version + "}");
        assertEquals(409, stale.statusCode());
        assertEquals("Testing", PortalClient.json(admin.get("/api/v1/tenants/riverside-mall/departments/" + code))
                .getString("nameEn"));

        assertField(admin.postJson("/api/v1/tenants/riverside-mall/departments",
                "{\"code\":\"Bad Code'; DROP TABLE department; --\",\"nameZh\":\"x\",\"nameEn\":\"x\"}"), 422, "code");
        assertField(admin.postJson("/api/v1/tenants/riverside-mall/departments",
                "{\"code\":\"" + code + "\",\"nameZh\":\"x\",\"nameEn\":\"x\"}"), 409, "code");
        assertEquals(403, PortalClient.basic(base, "riverside.staff", PASSWORD)
                .postJson("/api/v1/tenants/riverside-mall/departments",
                        "{\"code\":\"staff-try\",\"nameZh\":\"x\",\"nameEn\":\"x\"}").statusCode());
    }

    @Test
    void storedTextIsEscapedOnPages() {
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String code = "xss-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, admin.postJson("/api/v1/tenants/huijing-property/departments", "{\"code\":\"" + code
                + "\",\"nameZh\":\"<img src=x onerror=alert(1)>\",\"nameEn\":\"x\"}").statusCode());
        PortalClient staff = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        String page = staff.get("/t/huijing-property/staff/").body();
        assertFalse(page.contains("<img src=x onerror=alert(1)>"));
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonObject problem = PortalClient.json(response);
        assertTrue(problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field) && !e.getString("message").isBlank()),
                response.body());
    }

    private static void assertNoInternals(HttpResponse<String> page) {
        String body = page.body().toLowerCase(Locale.ROOT);
        for (String leak : List.of("payara", "glassfish", "eclipselink", "caused by", "java.lang.", "at io.kefu.",
                ".java:")) {
            int at = body.indexOf(leak);
            assertFalse(at >= 0, () -> "page " + page.uri() + " shows '" + leak + "': "
                    + body.substring(Math.max(0, at - 200), Math.min(body.length(), at + 100)));
        }
        for (String header : List.of("Server", "X-Powered-By")) {
            page.headers().firstValue(header).ifPresent(v -> assertFalse(v.toLowerCase(Locale.ROOT).contains("payara"),
                    header + ": " + v));
        }
    }
}
