package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a test needs from the test run's Keycloak, through its own REST API (no Kefu code): tokens by password
 * (the realm's client allows that grant in the test run only), and the master admin's view of the realm to
 * check what Kefu provisioned there.
 */
final class KeycloakAccess {

    static final String REALM = "kefu";
    static final String CLIENT = "kefu-portal";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakAccess() {
    }

    /** An access token of {@code username} for Kefu's client, by the password grant. */
    static String token(String username, String password) {
        HttpResponse<String> answer = tokenResponse(REALM, CLIENT, System.getProperty("kefu.it.kc.secret"), username,
                password);
        assertEquals(200, answer.statusCode(), "token for " + username + ": " + answer.body());
        return json(answer.body()).getString("access_token");
    }

    static HttpResponse<String> tokenResponse(String realm, String client, String secret, String username,
            String password) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return send(HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** A token of Keycloak's own master admin: valid, signed by Keycloak, but not meant for Kefu. */
    static String masterAdminToken() {
        HttpResponse<String> answer = tokenResponse("master", "admin-cli", null, KeycloakServer.ADMIN,
                System.getProperty("kefu.it.kc.admin.password"));
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body()).getString("access_token");
    }

    static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/"
                + REALM + path)).header("Authorization", "Bearer " + masterAdminToken());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build());
    }

    static Optional<JsonObject> organization(String alias) {
        HttpResponse<String> found = admin("GET", "/organizations?exact=true&search=" + encode(alias), null);
        assertEquals(200, found.statusCode(), found.body());
        return array(found.body()).stream().map(v -> v.asJsonObject())
                .filter(o -> alias.equals(o.getString("alias", ""))).findFirst();
    }

    static Optional<JsonObject> user(String username) {
        HttpResponse<String> found = admin("GET", "/users?exact=true&username=" + encode(username), null);
        assertEquals(200, found.statusCode(), found.body());
        return array(found.body()).stream().map(v -> v.asJsonObject()).findFirst();
    }

    static JsonArray organizationMembers(String organizationId) {
        HttpResponse<String> found = admin("GET", "/organizations/" + organizationId + "/members", null);
        assertEquals(200, found.statusCode(), found.body());
        return array(found.body());
    }

    /**
     * Does for an invited person what Keycloak's mail link lets them do (verify the e-mail, choose a password),
     * for tests about what happens afterwards; the browser test walks the real link.
     */
    static void completeInvitation(String username, String password) {
        String id = user(username).orElseThrow(() -> new AssertionError(username + " not in Keycloak")).getString("id");
        HttpResponse<String> updated = admin("PUT", "/users/" + id, "{\"requiredActions\":[],\"emailVerified\":true}");
        assertEquals(204, updated.statusCode(), updated.body());
        HttpResponse<String> reset = admin("PUT", "/users/" + id + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
        assertEquals(204, reset.statusCode(), reset.body());
    }

    static String discovery() {
        return send(HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/realms/" + REALM
                + "/.well-known/openid-configuration")).GET().build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
