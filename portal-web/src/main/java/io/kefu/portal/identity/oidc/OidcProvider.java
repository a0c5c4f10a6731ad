package io.kefu.portal.identity.oidc;

import io.kefu.identity.boundary.ExternalPerson;
import io.kefu.admin.keycloak.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Kefu's side of the conversation with Keycloak's OpenID Connect endpoints: the addresses to send browsers
 * to, the code-for-token exchange, and verification of the tokens that come back or arrive as bearer tokens
 * (signature by the realm's published keys, issuer, expiry, audience). The realm's keys are cached; a token
 * signed with a key not seen yet makes one fresh fetch (Keycloak rotates keys), at most every 30 seconds.
 */
@ApplicationScoped
public class OidcProvider {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OidcProvider.class.getName());
    /** Clock difference tolerated between Keycloak and this node. */
    static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration KEY_REFRESH_PAUSE = Duration.ofSeconds(30);

    @Inject
    KeycloakSettings settings;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private volatile long keysFetchedAt;

    public boolean enabled() {
        return settings.enabled();
    }

    String clientId() {
        return settings.clientId();
    }

    private String endpoint(String name) {
        return settings.issuer() + "/protocol/openid-connect/" + name;
    }

    /** Where to send the browser to log in (or, with {@code register}, to Keycloak's registration form). */
    String authorizationUrl(String redirectUri, String state, String nonce, String challenge, boolean register,
            String locale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("response_type", "code");
        query.put("scope", "openid profile email");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        query.put("ui_locales", locale);
        return endpoint(register ? "registrations" : "auth") + "?" + form(query);
    }

    /** Keycloak's logout page, which ends its session and sends the browser back to {@code returnTo}. */
    public String logoutUrl(String idToken, String returnTo) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("post_logout_redirect_uri", returnTo);
        if (idToken != null) {
            query.put("id_token_hint", idToken);
        }
        return endpoint("logout") + "?" + form(query);
    }

    /** Trades the authorization code for tokens (the client authenticates with its secret; PKCE verifier). */
    Tokens exchange(String code, String redirectUri, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", verifier);
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(settings.clientId(),
                StandardCharsets.UTF_8) + ":" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("token")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        JsonObject answer = json(send(request));
        if (!answer.containsKey("id_token") || !answer.containsKey("access_token")) {
            throw new OidcFailure("token endpoint answered without tokens: " + answer.getString("error", "?"));
        }
        return new Tokens(answer.getString("id_token"), answer.getString("access_token"));
    }

    /** The tokens of one login. */
    record Tokens(String idToken, String accessToken) {
    }

    /**
     * The claims of an ID token from the login just made: signed by the realm, issued by it for this client,
     * not expired, carrying the nonce this browser was given.
     */
    JsonObject verifyIdToken(String idToken, String expectedNonce) {
        JsonObject claims = verified(idToken).orElseThrow(() -> new OidcFailure("ID token not valid"));
        if (!audienceContains(claims, settings.clientId())) {
            throw new OidcFailure("ID token for another client");
        }
        if (!expectedNonce.equals(claims.getString("nonce", ""))) {
            throw new OidcFailure("ID token nonce does not match");
        }
        return claims;
    }

    /**
     * The claims of a bearer token when it is an access token of this realm meant for Kefu (its audience or
     * authorized party is Kefu's client) and still valid; empty otherwise.
     */
    public Optional<JsonObject> verifyAccessToken(String accessToken) {
        return verified(accessToken).filter(claims -> audienceContains(claims, settings.clientId())
                || settings.clientId().equals(claims.getString("azp", "")))
                .filter(claims -> "Bearer".equalsIgnoreCase(claims.getString("typ", "Bearer")));
    }

    /** The person a verified token (ID or access) describes. */
    public static ExternalPerson person(JsonObject claims) {
        return new ExternalPerson(claims.getString("sub"),
                claims.getString("preferred_username", ""), claims.getString("email", null),
                claims.getBoolean("email_verified", false), displayName(claims));
    }

    /**
     * Keycloak's {@code name} is "given family", right for 王 Ann Lee and wrong for 陈晨, whom Chinese readers
     * know family name first and without a space: Chinese names are put back together that way.
     */
    static String displayName(JsonObject claims) {
        String given = claims.getString("given_name", "").strip();
        String family = claims.getString("family_name", "").strip();
        if (!given.isEmpty() && !family.isEmpty() && han(given) && han(family)) {
            return family + given;
        }
        return claims.getString("name", null);
    }

    private static boolean han(String text) {
        return text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private Optional<JsonObject> verified(String token) {
        Optional<Jwt> parsed = Jwt.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Jwt jwt = parsed.get();
        Optional<PublicKey> key;
        try {
            key = key(jwt.keyId());
        } catch (OidcFailure e) {
            // Keycloak unreachable while a new key was needed: the token cannot be checked, so it is not taken.
            LOG.warning(() -> "Could not fetch the realm's keys: " + e.getMessage());
            return Optional.empty();
        }
        if (key.isEmpty() || !jwt.signedBy(key.get())) {
            return Optional.empty();
        }
        JsonObject claims = jwt.claims();
        long now = clock.instant().getEpochSecond();
        boolean current = claims.containsKey("exp") && claims.getJsonNumber("exp").longValue() + SKEW.toSeconds() > now
                && (!claims.containsKey("nbf") || claims.getJsonNumber("nbf").longValue() - SKEW.toSeconds() <= now);
        boolean ours = settings.issuer().equals(claims.getString("iss", ""));
        return current && ours && !claims.getString("sub", "").isBlank() ? Optional.of(claims) : Optional.empty();
    }

    private static boolean audienceContains(JsonObject claims, String clientId) {
        JsonValue audience = claims.get("aud");
        if (audience instanceof JsonString single) {
            return clientId.equals(single.getString());
        }
        if (audience instanceof JsonArray many) {
            return many.stream().anyMatch(a -> a instanceof JsonString s && clientId.equals(s.getString()));
        }
        return false;
    }

    private Optional<PublicKey> key(String keyId) {
        PublicKey known = keys.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        long now = clock.millis();
        synchronized (keys) {
            if (!keys.containsKey(keyId) && now - keysFetchedAt > KEY_REFRESH_PAUSE.toMillis()) {
                keysFetchedAt = now;
                keys.putAll(fetchKeys());
            }
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    private Map<String, PublicKey> fetchKeys() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("certs"))).timeout(Duration.ofSeconds(10))
                .GET().build();
        Map<String, PublicKey> fetched = new HashMap<>();
        for (JsonValue value : json(send(request)).getJsonArray("keys")) {
            JsonObject jwk = value.asJsonObject();
            if ("RSA".equals(jwk.getString("kty", "")) && !"enc".equals(jwk.getString("use", "sig"))) {
                fetched.put(jwk.getString("kid", ""), rsaKey(jwk.getString("n"), jwk.getString("e")));
            }
        }
        return fetched;
    }

    static PublicKey rsaKey(String modulus, String exponent) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(modulus)), new BigInteger(1, decoder.decode(exponent))));
        } catch (GeneralSecurityException e) {
            throw new OidcFailure("realm key not usable: " + e.getMessage());
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new OidcFailure(request.uri().getPath() + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new OidcFailure("Keycloak not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcFailure("interrupted");
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
