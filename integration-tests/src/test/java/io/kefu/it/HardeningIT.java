package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hardened pages and sessions, as a browser, a script and an attacker meet them (OWASP ASVS 5.0): security
 * headers on every kind of answer, the session cookie, sessions bound to the cookie and renewed at sign-in, form
 * posts that cannot be forged from another site, no server session for anonymous visitors, error answers without
 * stack traces or product names, methods and long addresses answered properly, metrics closed, and a starting
 * node that shows no server pages. Two tests start nodes of their own as {@code run.sh} does ({@link PortalNode}).
 * The figures printed with {@code HARDENING} go into docs/RELIABILITY.md.
 */
@SharedPortal.Client
class HardeningIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String TENANT = "huijing-property";
    static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    static final Pattern NONCE_ATTRIBUTE = Pattern.compile("\\snonce=\"([^\"]+)\"");
    static final Pattern INLINE_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+=\"");
    /** What an error answer must never show: a stack trace, the server's products, their versions. */
    static final Pattern BETRAYS = Pattern.compile(
            "(?i)payara|glassfish|grizzly|jersey|mojarra|eclipselink|badassfish|servlet/\\d|6\\.2025"
                    + "|\\w+(exception|error): |\\sat [a-z]+\\.[\\w.$]+\\([\\w]+\\.java:\\d+\\)");

    @SharedPortal.Base
    URL base;

    @BeforeEach
    void portalIsReady() {
        PortalClient.awaitReady(base);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        PortalClient anonymous = PortalClient.anonymous(base);
        PortalClient script = PortalClient.basic(base, "huijing.staff", PASSWORD);
        PortalClient staff = PortalClient.loggedIn(base, TENANT, "huijing.staff", PASSWORD);
        String api = "/api/v1/tenants/" + TENANT;
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("landing page", anonymous.get("/t/" + TENANT + "/"));
        answers.put("intake page", anonymous.get("/t/" + TENANT + "/complaints/new"));
        answers.put("login page", anonymous.get("/t/" + TENANT + "/login"));
        answers.put("signed-in page (staff inbox)", staff.get("/t/" + TENANT + "/staff/"));
        answers.put("redirect to login", anonymous.get("/t/" + TENANT + "/staff/"));
        answers.put("error page 404", anonymous.get("/t/" + TENANT + "/no-such-page"));
        answers.put("error page 405", anonymous.send("/t/" + TENANT + "/", "DELETE"));
        answers.put("API answer (Basic)", script.get(api + "/departments"));
        answers.put("API answer (session)", staff.get(api + "/departments"));
        answers.put("API problem 401", anonymous.get(api + "/departments"));
        answers.put("API problem 404", script.get(api + "/complaints/209901-9999"));
        answers.put("static script", anonymous.get("/jakarta.faces.resource/core.js.xhtml?ln=primefaces"));
        answers.put("static stylesheet", anonymous.get("/webjars/primeflex/3.3.1/primeflex.min.css"));
        answers.put("health", anonymous.get("/health/ready"));
        answers.put("OpenAPI document", anonymous.get("/openapi"));

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue();
            String name = answer.getKey() + " (" + response.statusCode() + ")";
            expect(missing, name, response, "X-Content-Type-Options", "nosniff");
            expect(missing, name, response, "Referrer-Policy", "same-origin");
            expect(missing, name, response, "X-Frame-Options", "DENY");
            expect(missing, name, response, "Cross-Origin-Opener-Policy", "same-origin");
            String permissions = response.headers().firstValue("Permissions-Policy").orElse("");
            if (!permissions.contains("camera=()") || !permissions.contains("geolocation=()")) {
                missing.add(name + ": Permissions-Policy " + permissions);
            }
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            if (!policy.contains("frame-ancestors 'none'") || !policy.contains("object-src 'none'")
                    && !policy.startsWith("default-src 'none'")) {
                missing.add(name + ": Content-Security-Policy " + policy);
            }
            if (directive(policy, "script-src").contains("unsafe-inline")) {
                missing.add(name + ": inline scripts allowed: " + policy);
            }
            for (String betraying : List.of("Server", "X-Powered-By", "Strict-Transport-Security")) {
                response.headers().firstValue(betraying)
                        .ifPresent(v -> missing.add(name + ": " + betraying + ": " + v));
            }
            boolean page = response.statusCode() / 100 != 3 && !response.body().isEmpty()
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            if (page) {
                String nonce = directive(policy, "script-src").replaceAll(".*'nonce-([^']+)'.*", "$1");
                Matcher scripts = SCRIPT_TAG.matcher(response.body());
                int count = 0;
                while (scripts.find()) {
                    count++;
                    Matcher tagNonce = NONCE_ATTRIBUTE.matcher(scripts.group());
                    if (!tagNonce.find() || !tagNonce.group(1).equals(nonce)) {
                        missing.add(name + ": script without the page's nonce: " + scripts.group());
                    }
                }
                if (count == 0) {
                    missing.add(name + ": no scripts (is PrimeFaces on the page?)");
                }
                Matcher handler = INLINE_HANDLER.matcher(response.body());
                if (handler.find()) {
                    missing.add(name + ": inline event handler: " + handler.group());
                }
            }
        }
        for (String signedIn : List.of("signed-in page (staff inbox)", "API answer (Basic)", "API answer (session)")) {
            expect(missing, signedIn, answers.get(signedIn), "Cache-Control", "no-store");
        }
        assertNotEquals("no-store", answers.get("static script").headers().firstValue("Cache-Control").orElse(""),
                "static files stay cacheable");
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        System.out.println("HARDENING headers: " + answers.size() + " kinds of answer, each with CSP, nosniff, "
                + "Referrer-Policy, X-Frame-Options, Permissions-Policy, COOP; none with Server or X-Powered-By: "
                + answers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().statusCode())
                        .collect(Collectors.joining(", ")));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndRenewedAtEverySignIn() {
        PortalClient browser = PortalClient.anonymous(base);
        HttpResponse<String> login = browser.login(TENANT, "huijing.staff", PASSWORD);
        assertEquals(302, login.statusCode());
        String cookie = sessionCookie(login).orElseThrow(() -> new AssertionError("no session cookie at sign-in"));
        String attributes = cookie.toLowerCase(Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=lax"), cookie);
        assertFalse(attributes.contains("; secure"), "served over http here: " + cookie);
        // Sessions kept in the data grid come with Payara's version cookie: the same flags, and no secret in it.
        String version = versionCookie(login).orElseThrow(() -> new AssertionError("no session version cookie"));
        String versionAttributes = version.toLowerCase(Locale.ROOT);
        assertTrue(versionAttributes.contains("; httponly") && versionAttributes.contains("; samesite=lax")
                && !versionAttributes.contains("; secure"), version);
        assertTrue(version.matches("JSESSIONIDVERSION=[0-9a-f]+:[0-9]+;.*"),
                "a path and a counter, nothing of the session id: " + version);
        String first = browser.cookie("JSESSIONID").orElseThrow();
        String firstVersion = browser.cookie("JSESSIONIDVERSION").orElseThrow();

        // Signing in again (another account, same browser) must not keep the session id known before.
        assertEquals(302, browser.login(TENANT, "huijing.supervisor", PASSWORD).statusCode());
        String second = browser.cookie("JSESSIONID").orElseThrow();
        assertNotEquals(first, second, "a new session id at sign-in");
        HttpResponse<String> withOld = PortalClient.anonymous(base).get("/t/" + TENANT + "/staff/",
                "Cookie", "JSESSIONID=" + first + "; JSESSIONIDVERSION=" + firstVersion);
        assertEquals(302, withOld.statusCode(), "the id from before the sign-in is worth nothing");
        assertTrue(withOld.headers().firstValue("Location").orElse("").contains("/login"));
    }

    @Test
    void aSessionIdInTheAddressIsRefusedOnPagesAndTheApi() {
        PortalClient staff = PortalClient.loggedIn(base, TENANT, "huijing.staff", PASSWORD);
        String id = staff.cookie("JSESSIONID").orElseThrow();
        assertEquals(200, staff.get("/t/" + TENANT + "/staff/").statusCode(), "the session itself works");
        PortalClient stranger = PortalClient.anonymous(base);
        HttpResponse<String> page = stranger.get("/t/" + TENANT + "/staff/;jsessionid=" + id);
        assertEquals(400, page.statusCode(), "a page does not take the session from the address");
        assertFalse(page.body().contains("staff-greeting") || page.body().contains("王芳"),
                "nothing of the session's user shows: " + page.body());
        HttpResponse<String> api = stranger.get("/api/v1/tenants/" + TENANT + "/departments;jsessionid=" + id);
        assertEquals(400, api.statusCode(), "nor does the API: " + api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void formPostsWithoutTheirViewStateOrFromAnotherSiteChangeNothing() {
        PortalClient admin = PortalClient.loggedIn(base, TENANT, "huijing.admin", PASSWORD);
        PortalClient check = PortalClient.basic(base, "huijing.admin", PASSWORD);
        String page = "/t/" + TENANT + "/admin/";
        String viewState = PortalClient.viewState(admin.get(page).body());
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();

        Map<String, Optional<String>> attempts = new LinkedHashMap<>();
        attempts.put("no view state", Optional.empty());
        attempts.put("made-up view state", Optional.of("-1234567890:987654321"));
        attempts.put("stateless view state", Optional.of("stateless"));
        for (Map.Entry<String, Optional<String>> attempt : attempts.entrySet()) {
            String code = code();
            HttpResponse<String> answer = admin.postForm(page, department(code, attempt.getValue()));
            assertFalse(departmentExists(check, code), attempt.getKey() + " added a department");
            assertFalse(answer.statusCode() == 200 && answer.body().contains(code),
                    attempt.getKey() + " shows the department as added");
        }

        String forged = code();
        HttpResponse<String> crossSite = admin.postForm(page, department(forged, Optional.of(viewState)),
                "Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.statusCode(), "a post from another site's page is refused");
        assertFalse(departmentExists(check, forged), "the cross-site post added a department");
        HttpResponse<String> nullOrigin = admin.postForm(page, department(code(), Optional.of(viewState)),
                "Origin", "null");
        assertEquals(403, nullOrigin.statusCode(), "an opaque origin (sandboxed frame) is another site too");

        String genuine = code();
        admin.postForm(page, department(genuine, Optional.of(viewState)), "Origin", origin, "Sec-Fetch-Site",
                "same-origin");
        assertTrue(departmentExists(check, genuine), "the same post from the page itself works (the test can see "
                + "a department being added)");
        System.out.println("HARDENING csrf: 5 forged page posts (no, made-up, stateless view state; other site; "
                + "opaque origin) changed nothing; the genuine post worked");
    }

    @Test
    void anonymousVisitorsOfLandingIntakeAndTrackingGetNoSession() throws Exception {
        HttpResponse<String> filed = PortalClient.anonymous(base).postJson("/api/v1/tenants/" + TENANT
                + "/complaints", "{\"kind\":\"REPAIR\",\"description\":\"路灯不亮\",\"contactPhone\":\"13800138000\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String tracking = URI.create(PortalClient.json(filed).getString("trackingUrl")).getPath();
        Map<String, Integer> hits = new LinkedHashMap<>();
        hits.put("/t/" + TENANT + "/", 1000);
        hits.put("/t/" + TENANT + "/complaints/new", 1000);
        // Tracking looks are rate-limited per address (120 an hour): 100 leave room for the other tests.
        hits.put(tracking, 100);
        HttpClient cookieless = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<String> figures = new ArrayList<>();
            for (Map.Entry<String, Integer> page : hits.entrySet()) {
                AtomicInteger sessions = new AtomicInteger();
                AtomicInteger ok = new AtomicInteger();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < page.getValue(); i++) {
                    done.add(pool.submit(() -> {
                        HttpResponse<String> response = cookieless.send(HttpRequest.newBuilder(URI.create(
                                base.toString()).resolve(page.getKey().substring(1))).header("Accept-Language", "zh-CN")
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                        if (sessionCookie(response).isPresent()) {
                            sessions.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get();
                }
                assertEquals(page.getValue(), ok.get(), "every hit of " + page.getKey() + " answered 200");
                assertEquals(0, sessions.get(), "sessions created by " + page.getValue() + " anonymous hits of "
                        + page.getKey());
                figures.add(page.getValue() + " hits of " + page.getKey().replace(tracking, "/t/" + TENANT
                        + "/track/{token}") + ": " + sessions.get() + " sessions");
            }
            System.out.println("HARDENING sessions: " + String.join("; ", figures));
        } finally {
            pool.shutdownNow();
        }
        // Stateless, the intake form still files (and shows the number), from a session-less client.
        PortalClient resident = PortalClient.anonymous(base);
        HttpResponse<String> form = resident.get("/t/" + TENANT + "/complaints/new");
        assertEquals("stateless", PortalClient.viewState(form.body()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("intake", "intake");
        fields.put("intake:kind_input", "REPAIR");
        fields.put("intake:description", "楼道灯坏了");
        fields.put("intake:contactPhone", "13700137000");
        fields.put("intake:submit", "");
        fields.put("jakarta.faces.ViewState", PortalClient.viewState(form.body()));
        HttpResponse<String> confirmation = resident.postForm("/t/" + TENANT + "/complaints/new", fields);
        assertTrue(Pattern.compile("id=\"case-number\">\\d{6}-\\d{4}<").matcher(confirmation.body()).find(),
                confirmation.body());
        assertTrue(sessionCookie(confirmation).isEmpty(), "filing made no session either");
    }

    @Test
    void errorAnswersShowNoStackTraceProductOrVersion() {
        PortalClient anonymous = PortalClient.anonymous(base);
        PortalClient script = PortalClient.basic(base, "huijing.staff", PASSWORD);
        String api = "/api/v1/tenants/" + TENANT;
        String long20k = "x=" + "a".repeat(20_000);
        Map<String, HttpResponse<String>> errors = new LinkedHashMap<>();
        errors.put("page 400 (session id in the address)", anonymous.get("/t/" + TENANT + "/;jsessionid=x"));
        errors.put("API 400 (session id in the address)", anonymous.get(api + "/departments;jsessionid=x"));
        errors.put("page 404", anonymous.get("/t/" + TENANT + "/no-such-page"));
        errors.put("page 404 outside tenants", anonymous.get("/no-such-page.xhtml"));
        errors.put("API 404", script.get(api + "/complaints/209901-9999"));
        errors.put("API 404 (unknown path)", script.get("/api/v1/no-such-thing"));
        errors.put("page 405", anonymous.send("/t/" + TENANT + "/", "PUT"));
        errors.put("API 405", script.send(api + "/departments", "DELETE"));
        errors.put("page 414", anonymous.get("/t/" + TENANT + "/?" + long20k));
        errors.put("API 414", script.get(api + "/departments?" + long20k));
        errors.put("WADL", anonymous.get("/openapi/application.wadl"));
        errors.put("OpenAPI", anonymous.get("/openapi"));
        // A post whose view the server cannot restore ends on the 500 page (with an incident id, no trace).
        PortalClient admin = PortalClient.loggedIn(base, TENANT, "huijing.admin", PASSWORD);
        HttpResponse<String> broken = admin.postForm("/t/" + TENANT + "/admin/", department(code(),
                Optional.of("stateless")));
        String location = broken.headers().firstValue("Location").orElse("");
        errors.put("page after a failed post (" + broken.statusCode() + ")", location.isEmpty() ? broken
                : admin.get(URI.create(location).getPath()));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, HttpResponse<String>> error : errors.entrySet()) {
            HttpResponse<String> response = error.getValue();
            Matcher betrays = BETRAYS.matcher(response.body());
            if (betrays.find()) {
                problems.add(error.getKey() + " " + response.statusCode() + " shows \"" + betrays.group() + "\"");
            }
            for (String header : List.of("Server", "X-Powered-By")) {
                response.headers().firstValue(header).ifPresent(v -> problems.add(error.getKey() + ": " + v));
            }
            if (error.getKey().startsWith("API")) {
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    problems.add(error.getKey() + " is no problem document: " + response.statusCode());
                }
            } else if (error.getKey().startsWith("page") && response.body().isBlank()) {
                problems.add(error.getKey() + " is empty");
            }
        }
        assertEquals(400, errors.get("page 400 (session id in the address)").statusCode());
        assertEquals(405, errors.get("page 405").statusCode());
        assertEquals(414, errors.get("page 414").statusCode());
        assertEquals(414, errors.get("API 414").statusCode());
        assertEquals(404, errors.get("WADL").statusCode(), "Jersey's WADL names Jersey and its version");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        System.out.println("HARDENING errors: " + errors.size() + " error answers without stack trace, product or "
                + "version: " + errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().statusCode())
                        .collect(Collectors.joining(", ")));
    }

    @Test
    void pagesAnswerOnlyTheirMethodsAndLongAddressesGetAProperAnswer() throws IOException {
        PortalClient anonymous = PortalClient.anonymous(base);
        for (String page : List.of("/t/" + TENANT + "/", "/t/" + TENANT + "/complaints/new", "/login.xhtml")) {
            for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS")) {
                HttpResponse<String> answer = anonymous.send(page, method);
                assertEquals(405, answer.statusCode(), method + " " + page);
                assertEquals("GET, HEAD, POST", answer.headers().firstValue("Allow").orElse(""), method + " " + page);
            }
        }
        HttpResponse<String> api = PortalClient.basic(base, "huijing.staff", PASSWORD)
                .send("/api/v1/tenants/" + TENANT + "/departments", "DELETE");
        assertEquals(405, api.statusCode());
        assertTrue(api.headers().firstValue("Allow").orElse("").contains("GET"), "the API names its methods too");

        // A 10 KB query string is answered like any other, and the connection stays open for the next request.
        String target = "/t/" + TENANT + "/?q=" + "k".repeat(10 * 1024);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String path : List.of(target, "/health/live")) {
                out.write(("HEAD " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String shown = path.substring(0, Math.min(40, path.length()));
                String status = in.readLine();
                assertNotNull(status, "connection closed before answering " + shown);
                assertEquals("HTTP/1.1 200 OK", status, shown);
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    assertFalse(line.equalsIgnoreCase("Connection: close"), "kept alive");
                }
            }
        }
    }

    @Test
    void metricsAreClosedWithoutTheOperatorsTokenAndHealthIsOpen() {
        PortalClient visitor = PortalClient.anonymous(base);
        for (String path : List.of("/metrics", "/metrics/base", "/metrics/vendor", "/metrics/application")) {
            HttpResponse<String> answer = visitor.get(path);
            assertEquals(404, answer.statusCode(), path + " without a configured token: " + answer.body());
            assertFalse(answer.body().contains("# TYPE"), path);
        }
        HttpResponse<String> operator = PortalClient.basic(base, "platform.it", System.getProperty(
                "kefu.it.admin.password")).get("/metrics");
        assertEquals(404, operator.statusCode(), "an account's password opens no metrics either");
        assertEquals(200, visitor.get("/health/ready").statusCode(), "load balancers need no secret");
        assertEquals(200, visitor.get("/health/live").statusCode());
    }

    /**
     * A node started as {@code run.sh} does, watched from its first second: until it serves, a client finds the
     * port closed or gets a 503 with {@code Retry-After}, never the server's own 404/500 pages. Then, configured
     * for https behind a proxy, with short session limits and a metrics token: HSTS, {@code Secure} cookies, the
     * idle and the absolute session timeout, and metrics for the token only.
     */
    @Test
    void aStartingNodeShowsNoServerPagesAndAnHttpsNodeLimitsItsSessions() throws Exception {
        String token = "scrape-" + Long.toString(System.nanoTime(), 36) + "-token-for-tests";
        Duration idle = Duration.ofSeconds(6);
        Duration absolute = Duration.ofSeconds(16);
        try (PortalNode node = PortalNode.start("https-node", List.of("-Dkefu.public.url=https://kefu.example.test",
                "-Dkefu.session.idle-timeout=" + idle, "-Dkefu.session.absolute-timeout=" + absolute,
                "-Dkefu.metrics.token=" + token))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            List<String> wrong = new ArrayList<>();
            long begin = System.nanoTime();
            long deadline = begin + Duration.ofMinutes(6).toNanos();
            boolean ready = false;
            while (!ready) {
                assertTrue(System.nanoTime() < deadline, "not ready within 6 minutes, see " + node.log());
                assertTrue(node.isAlive(), "the node ended, see " + node.log());
                for (String path : List.of("/api/v1/tenants/" + TENANT + "/departments", "/t/" + TENANT + "/")) {
                    String outcome;
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.uri(path))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        outcome = startupOutcome(path, answer, wrong);
                        ready |= path.startsWith("/api") && answer.statusCode() == 401;
                    } catch (ConnectException closed) {
                        outcome = "port closed";
                    } catch (IOException noAnswer) {
                        outcome = "no answer (" + noAnswer.getClass().getSimpleName() + ")";
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                if (!ready) {
                    Thread.sleep(150);
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers while starting, the first: "
                    + String.join("\n", wrong.subList(0, Math.min(3, wrong.size()))));
            System.out.println("HARDENING startup: ready after "
                    + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s; what clients got meanwhile: "
                    + outcomes);

            HttpResponse<String> landing = http.send(HttpRequest.newBuilder(node.uri("/t/" + TENANT + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("max-age=31536000; includeSubDomains",
                    landing.headers().firstValue("Strict-Transport-Security").orElse(""), "HSTS behind https");

            HttpResponse<String> language = http.send(HttpRequest.newBuilder(node.uri("/lang?to=en&back=/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(language.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("kefu-lang=")
                    && c.toLowerCase(Locale.ROOT).contains("; secure")), "the language cookie is Secure too: "
                    + language.headers().allValues("Set-Cookie"));

            HttpResponse<String> login = signIn(http, node, "huijing.staff");
            String cookie = sessionCookie(login).orElseThrow(() -> new AssertionError("no session cookie"));
            String attributes = cookie.toLowerCase(Locale.ROOT);
            assertTrue(attributes.contains("; secure") && attributes.contains("; httponly")
                    && attributes.contains("; samesite=lax"), cookie);
            String version = versionCookie(login).orElseThrow(() -> new AssertionError("no session version cookie"))
                    .toLowerCase(Locale.ROOT);
            assertTrue(version.contains("; secure") && version.contains("; httponly")
                    && version.contains("; samesite=lax"), version);
            String session = browserCookies(login);
            assertEquals(200, staffDesk(http, node, session), "signed in");

            // Idle: time has to pass without any request, so this waits rather than polls.
            Thread.sleep(idle.plusMillis(2500).toMillis());
            assertEquals(302, staffDesk(http, node, session), "idle longer than " + idle + ": signed out");

            // Absolute: kept busy every second, the session still ends once its sign-in is that old.
            String busy = browserCookies(signIn(http, node, "huijing.staff"));
            long signedIn = System.nanoTime();
            Duration lasted = null;
            while (lasted == null) {
                Duration age = Duration.ofNanos(System.nanoTime() - signedIn);
                assertTrue(age.compareTo(absolute.plus(idle).plusSeconds(5)) < 0, "still signed in after " + age);
                if (staffDesk(http, node, busy) == 302) {
                    lasted = age;
                } else {
                    Thread.sleep(1000);
                }
            }
            assertTrue(lasted.compareTo(absolute.minusSeconds(2)) >= 0, "ended too early: " + lasted);
            System.out.println("HARDENING session limits: idle " + idle + " ended an unused session; absolute "
                    + absolute + " ended a busy session after " + lasted.toMillis() + " ms");

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(node.uri("/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("# TYPE"), "Prometheus text");
            HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(node.uri("/metrics"))
                    .header("Authorization", "Bearer " + token + "x").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrongToken.statusCode());
            assertEquals(401, http.send(HttpRequest.newBuilder(node.uri("/metrics/base")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    /**
     * A node whose schema cannot be migrated (here: a foreign, broken history table in its database) never serves:
     * the API answers a problem document, pages a plain page in the visitor's language, both 503 with
     * {@code Retry-After}, and readiness stays DOWN.
     */
    @Test
    void aNodeThatIsNotReadyAnswers503WithRetryAfter() throws Exception {
        String port = System.getProperty("kefu.it.pg.port");
        assertNotNull(port, "this test needs the run's PostgreSQL (kefu.it.pg.port)");
        String database = "kefu_unready_" + Long.toString(System.nanoTime(), 36);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database + " OWNER " + PostgresServer.USER);
        }
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                PostgresServer.USER, PostgresServer.PASSWORD); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE flyway_schema_history (broken INTEGER)");
        }
        try (PortalNode node = PortalNode.start("unready-node", List.of(
                "-Dkefu.db.url=jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "-Dkefu.db.user=" + PostgresServer.USER, "-Dkefu.db.password=" + PostgresServer.PASSWORD))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> api = awaitAnswer(http, node, "/api/v1/tenants/" + TENANT + "/departments", "en");
            assertEquals(503, api.statusCode(), api.body());
            assertEquals("10", api.headers().firstValue("Retry-After").orElse(""));
            assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(PortalClient.json(api).getString("detail").contains("starting"), api.body());

            HttpResponse<String> page = awaitAnswer(http, node, "/t/" + TENANT + "/complaints/new", "zh-CN");
            assertEquals(503, page.statusCode());
            assertEquals("10", page.headers().firstValue("Retry-After").orElse(""));
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("正在启动"), page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertFalse(BETRAYS.matcher(page.body() + api.body()).find());

            HttpResponse<String> health = awaitAnswer(http, node, "/health/ready", "en");
            assertEquals(503, health.statusCode(), "readiness DOWN for load balancers: " + health.body());
            System.out.println("HARDENING not ready: API 503 problem+json, page 503 text/html, both Retry-After 10; "
                    + "/health/ready " + health.statusCode());
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", ""); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + database + ": " + e);
            }
        }
    }

    /**
     * The main pages in a real browser under the Content-Security-Policy, with every CSP violation the browser
     * reports collected (a listener installed before any page script): landing, intake with a photo, tracking
     * with an ajax form, staff inbox and case page with an action in a dialog, an admin page with an ajax form, a
     * residents import (its progress poll starts from a script in an ajax update), logout. None may be refused;
     * an inline script injected at the end must be (the collector works).
     */
    @Test
    void theMainPagesWorkUnderTheContentSecurityPolicy() throws IOException {
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1280,900", Map.of());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String root = base.toString().replaceAll("/$", "");
        int[] step = {0};
        java.util.function.Consumer<String> shot = name -> Chromium.screenshot(browser,
                PostgresServer.expectedDatabase(), String.format("HardeningIT-%02d-%s.png", ++step[0], name));
        try {
            ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "document.addEventListener('securitypolicyviolation', function (e) {"
                    + " var seen = JSON.parse(sessionStorage.getItem('kefu-csp') || '[]');"
                    + " seen.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI + ' '"
                    + " + (e.sample || ''));"
                    + " sessionStorage.setItem('kefu-csp', JSON.stringify(seen)); });"));

            browser.get(root + "/t/" + TENANT + "/");
            wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "汇景物业"));
            shot.accept("landing");
            browser.findElement(By.id("file-case")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:description")));
            type(browser, "intake:description", "电梯按钮失灵，按了没有反应");
            type(browser, "intake:location", "3栋电梯");
            type(browser, "intake:contactPhone", "13900139000");
            Path photo = Files.createTempFile("kefu-csp-photo", ".png");
            Files.write(photo, java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
                    + "AAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
            browser.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
            shot.accept("intake");
            browser.findElement(By.id("intake:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
            String number = browser.findElement(By.id("case-number")).getText();
            assertTrue(number.matches("\\d{6}-\\d{4}"), number);
            shot.accept("filed");

            browser.findElement(By.id("tracking-link")).click();
            wait.until(ExpectedConditions.textToBe(By.id("case-number"), number));
            type(browser, "track:text", "晚上八点以后在家");
            browser.findElement(By.id("track:send")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("track:messages"), "留言已加入"));
            shot.accept("tracking-ajax");

            logIn(browser, wait, root + "/t/" + TENANT + "/staff/", "huijing.staff");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-counts")));
            shot.accept("inbox");
            browser.get(root + "/t/" + TENANT + "/staff/cases/" + number);
            wait.until(ExpectedConditions.textToBe(By.id("case-number"), number));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".action-ACCEPT"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case:perform"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("status"), "已受理"));
            shot.accept("case-accepted");

            logIn(browser, wait, root + "/t/" + TENANT + "/admin/", "huijing.admin");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("departments-form:departments")));
            String code = code();
            type(browser, "add-department:code", code);
            type(browser, "add-department:nameZh", "安全检查部");
            type(browser, "add-department:nameEn", "Safety Checks");
            browser.findElement(By.id("add-department:add")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments-form:departments"), code));
            shot.accept("admin-ajax");
            // The residents import starts its progress poll from a script inside an ajax update.
            browser.get(root + "/t/" + TENANT + "/admin/residents");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import input[type=file]")));
            Path residents = Files.createTempFile("kefu-residents", ".csv");
            Files.writeString(residents, "building,unit,area,name,phone,email,grade\r\nCSP"
                    + (System.nanoTime() % 100000) + ",101,,韩先生,13900001111,,\r\n");
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(residents.toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='import-summary']"),
                    "已导入 1 行"));
            shot.accept("residents-import");
            browser.findElement(By.id("session:logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant-name")));
            shot.accept("logged-out");

            List<String> violations = violations(browser);
            assertTrue(violations.isEmpty(), "CSP violations:\n" + String.join("\n", violations));

            Object ran = ((JavascriptExecutor) browser).executeScript("var s = document.createElement('script');"
                    + " s.textContent = 'window.kefuInjected = true;'; document.body.appendChild(s);"
                    + " return window.kefuInjected === true;");
            assertEquals(Boolean.FALSE, ran, "an injected inline script must not run");
            wait.until(d -> !violations(d).isEmpty());
            System.out.println("HARDENING browser: landing, intake with a photo, tracking (ajax), staff inbox, case "
                    + "page (dialog action), admin page (ajax), residents import (progress poll), logout: 0 CSP "
                    + "violations; an injected inline script was blocked and reported");
        } finally {
            shot.accept("final");
            browser.quit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void expect(List<String> missing, String name, HttpResponse<String> response, String header,
            String value) {
        String actual = response.headers().firstValue(header).orElse(null);
        if (!value.equals(actual)) {
            missing.add(name + ": " + header + " " + actual);
        }
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    /** Payara's session version cookie: sent with every session kept in the data grid, and needed to find it. */
    static Optional<String> versionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONIDVERSION="))
                .findFirst();
    }

    /** The Cookie header a browser sends after this answer: each cookie it set, without attributes. */
    private static String browserCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private static String code() {
        return "sec-" + Long.toString(System.nanoTime(), 36);
    }

    /** The admin home page's form that adds a department, as a browser posts it (PeopleIT posts it too). */
    static Map<String, String> department(String code, Optional<String> viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("add-department", "add-department");
        form.put("add-department:code", code);
        form.put("add-department:nameZh", "伪造部门");
        form.put("add-department:nameEn", "Forged");
        form.put("add-department:add", "");
        viewState.ifPresent(v -> form.put("jakarta.faces.ViewState", v));
        return form;
    }

    private static boolean departmentExists(PortalClient admin, String code) {
        HttpResponse<String> departments = admin.get("/api/v1/tenants/" + TENANT + "/departments");
        assertEquals(200, departments.statusCode());
        return departments.body().contains("\"" + code + "\"");
    }

    /** What a starting node answered: a 503 must say when to come back and show no server page. */
    private static String startupOutcome(String path, HttpResponse<String> answer, List<String> wrong) {
        int status = answer.statusCode();
        boolean api = path.startsWith("/api");
        if (status == 503) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (answer.headers().firstValue("Retry-After").isEmpty()
                    || !type.startsWith(api ? "application/problem+json" : "text/html")
                    || BETRAYS.matcher(answer.body()).find()) {
                wrong.add(path + ": 503 " + type + " " + answer.headers().map() + " " + answer.body());
            }
            return "503 with Retry-After";
        }
        if (status == (api ? 401 : 200)) {
            return "served";
        }
        wrong.add(path + ": " + status + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
        return "wrong " + status;
    }

    private static HttpResponse<String> awaitAnswer(HttpClient http, PortalNode node, String path, String language)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (true) {
            assertTrue(node.isAlive(), "the node ended, see " + node.log());
            try {
                return http.send(HttpRequest.newBuilder(node.uri(path)).header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                assertTrue(System.nanoTime() < deadline, "no answer within 6 minutes, see " + node.log());
                Thread.sleep(200);
            }
        }
    }

    /** Signs in through the login form with a hand-kept cookie (a {@code Secure} one, over http); its Set-Cookie. */
    private static HttpResponse<String> signIn(HttpClient http, PortalNode node, String username)
            throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(node.uri("/t/" + TENANT + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "login=login&login%3Anext=&login%3Ausername=" + username + "&login%3Apassword=" + PASSWORD
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + URLEncoder.encode(PortalClient.viewState(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(node.uri("/t/" + TENANT + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "sign-in of " + username);
        return login;
    }

    private static int staffDesk(HttpClient http, PortalNode node, String cookie)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(node.uri("/t/" + TENANT + "/staff/")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String page, String username) {
        browser.get(page);
        if (browser.findElements(By.id("login:username")).isEmpty()) {
            // Signed in as somebody else: sign out first, as a person switching accounts does.
            wait.until(ExpectedConditions.elementToBeClickable(By.id("session:logout"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link")));
            browser.get(page);
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        type(browser, "login:username", username);
        type(browser, "login:password", PASSWORD);
        browser.findElement(By.id("login:submit")).click();
    }

    private static void type(WebDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(WebDriver browser) {
        Object seen = ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(sessionStorage.getItem('kefu-csp') || '[]');");
        return seen instanceof List<?> list ? (List<String>) list : List.of();
    }
}
