package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for the Keycloak login: the portal's OIDC redirect, Keycloak's login and
 * registration forms, the way back, one cookie jar for both sites and no redirect followed by itself, so a test
 * can stop at the callback and send it when it chooses.
 */
final class OidcBrowser {

    private final String portal;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new PlainCookies())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String language = "zh-CN";

    OidcBrowser(String portal) {
        this.portal = portal;
    }

    /** Logs in at Keycloak through the tenant's page; the portal's callback address, not yet visited. */
    URI loginUntilCallback(String tenant, String username, String password) {
        String page = keycloakPage("/oidc/login?tenant=" + tenant);
        Map<String, String> fields = Map.of("username", username, "password", password, "credentialId", "");
        HttpResponse<String> sent = submit(page, "kc-form-login", fields);
        // A realm with organizations asks for the username first and for the password on the next page.
        if (sent.statusCode() == 200 && sent.body().contains("id=\"password\"")) {
            sent = submit(sent.body(), "kc-form-login", fields);
        }
        assertEquals(302, sent.statusCode(), "Keycloak accepted the login: " + sent.body());
        URI callback = URI.create(sent.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(portal + "/oidc/callback?"), callback.toString());
        return callback;
    }

    /** Keycloak's registration page, reached from the tenant's "register" link, in {@code language}. */
    String registrationPage(String tenant, String language) {
        this.language = language;
        return keycloakPage("/oidc/login?tenant=" + tenant + "&register=true");
    }

    /** Posts the form {@code formId} of {@code page} to its action with {@code fields}. */
    HttpResponse<String> submit(String page, String formId, Map<String, String> fields) {
        Matcher form = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(page);
        assertTrue(form.find(), "no form " + formId + " in " + page);
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(URI address) {
        return send(HttpRequest.newBuilder(address).GET().build());
    }

    private String keycloakPage(String portalPath) {
        HttpResponse<String> toKeycloak = get(URI.create(portal + portalPath));
        assertEquals(302, toKeycloak.statusCode(), toKeycloak.body());
        HttpResponse<String> page = get(URI.create(toKeycloak.headers().firstValue("Location").orElseThrow()));
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies as a browser keeps them for a local address: Keycloak marks its login cookies Secure even over http
     * on 127.0.0.1 (a browser counts that as a secure context), which Java's CookieManager would never send back.
     * Kept per host and name; a cookie sent with Max-Age=0 is dropped.
     */
    private static final class PlainCookies extends CookieHandler {

        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie.getValue());
                            }
                        }
                    }
                }
            });
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
