package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person or program talking to the running portal over HTTP: as an API client with Basic credentials, or
 * as a browser-like session that logs in through the real login form (with its view state) and keeps cookies.
 */
public final class PortalClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** The page's script nonce (PrimeFaces' script adds it to every form it posts). */
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private final URI base;
    /** The script nonce of the page last fetched. */
    private String pageNonce;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String basic;
    private String language = "zh-CN";
    private final Map<String, String> always = new LinkedHashMap<>();

    private PortalClient(URL base) {
        this.base = URI.create(base.toString());
        // HTTP/1.1 as browsers speak it without TLS: the server's cleartext HTTP/2 upgrade answered some plain
        // requests with 431 or a reset stream.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Waits until the portal answers {@code /health/ready} with 200 (at most a minute): Arquillian reports a
     * deployment as soon as Payara says "ready", which can be a moment before requests are served.
     */
    public static void awaitReady(URL base) {
        PortalClient probe = new PortalClient(base);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                if (probe.get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("portal not ready at " + base);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static PortalClient anonymous(URL base) {
        return new PortalClient(base);
    }

    /** An API client that sends a Keycloak access token with every request. */
    public static PortalClient bearer(URL base, String accessToken) {
        PortalClient client = new PortalClient(base);
        client.basic = "Bearer " + accessToken;
        return client;
    }

    public static PortalClient basic(URL base, String username, String password) {
        PortalClient client = new PortalClient(base);
        client.basic = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client;
    }

    /** Logs in through the login form of a tenant (or of the platform when {@code tenant} is null). */
    public static PortalClient loggedIn(URL base, String tenant, String username, String password) {
        PortalClient client = new PortalClient(base);
        HttpResponse<String> login = client.login(tenant, username, password);
        assertEquals(302, login.statusCode(), "login of " + username + " should redirect");
        return client;
    }

    public HttpResponse<String> login(String tenant, String username, String password) {
        String path = tenant == null ? "/login.xhtml" : "/t/" + tenant + "/login";
        HttpResponse<String> page = get(path);
        assertEquals(200, page.statusCode(), "login page " + path);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:next", "");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return postForm(path, form);
    }

    public PortalClient language(String tag) {
        this.language = tag;
        return this;
    }

    /** A header sent with every later request of this client, e.g. the X-Forwarded-For a proxy adds. */
    public PortalClient always(String name, String value) {
        always.put(name, value);
        return this;
    }

    /** Any request: a text body of the given type (none when {@code contentType} is null), extra headers as pairs. */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET with extra headers, given as name, value, name, value… */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path).headers(headers).GET().build());
    }

    /** A GET whose answer is kept as bytes: a PDF, a workbook. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest request = request(path).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A JSON POST with extra headers, given as name, value, name, value… */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path).headers(headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST of raw bytes, e.g. a multipart/form-data body built by the test. */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A request without a body, e.g. DELETE. */
    public HttpResponse<String> send(String path, String method) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Any request: a method, bytes of the given content type or none ({@code null}), extra headers as name, value… */
    public HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder builder = request(path);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Posts a form as a browser does: with the script nonce of the page last fetched (PrimeFaces' script adds it to
     * every form; a stateful view refuses a post without it).
     */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, new String[0]);
    }

    /** A form post with extra headers, given as name, value, name, value… */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        if (pageNonce != null && sent.containsKey("jakarta.faces.ViewState")) {
            sent.putIfAbsent("primefaces.nonce", pageNonce);
        }
        String body = sent.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no view state in page");
        }
        return matcher.group(1).replace("&#58;", ":");
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest
                .newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", language);
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        always.forEach(builder::header);
        return builder;
    }

    /**
     * Opens a stream of server-sent events (the live desk) with this client's credentials or session cookie: the
     * answer comes once the headers are in, its lines as the server sends them; closing the body ends the stream.
     */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path) {
        HttpRequest request = request(path).timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The script nonce of the page last fetched, which a form post carries as {@code primefaces.nonce}. */
    public String pageNonce() {
        return pageNonce;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher nonce = NONCE.matcher(response.body());
            if (nonce.find()) {
                pageNonce = nonce.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
