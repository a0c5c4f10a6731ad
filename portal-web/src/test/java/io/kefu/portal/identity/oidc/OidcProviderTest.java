package io.kefu.portal.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpServer;
import io.kefu.admin.keycloak.KeycloakSettings;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token verification against a realm that publishes its keys the way Keycloak does (a JWKS document over HTTP,
 * served here by a tiny local server whose keys the tests rotate and revoke): only RS256 tokens signed by a key
 * the realm publishes now, from its issuer, for Kefu, not expired, are believed; and the login address carries
 * what the authorization code flow with PKCE needs.
 */
class OidcProviderTest {

    /** Now, to the second: the ID token validator checks expiry and issue time by the system clock. */
    private static final long NOW = Instant.now().getEpochSecond();
    private static final String KID = "realm-key-1";

    private HttpServer realm;
    private ExecutorService realmThreads;
    private KeyPair key;
    private OidcProvider provider;
    private String issuer;
    private final AtomicInteger keyFetches = new AtomicInteger();
    /** The keys the realm publishes now, by key id. */
    private final Map<String, KeyPair> published = new ConcurrentHashMap<>();
    /** While set, the realm's key endpoint answers only once it is counted down: a slow Keycloak. */
    private volatile CountDownLatch slowKeys;

    @BeforeEach
    void startRealm() throws Exception {
        key = rsaKey();
        published.put(KID, key);
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realmThreads = Executors.newCachedThreadPool();
        realm.setExecutor(realmThreads);
        realm.createContext("/realms/kefu/protocol/openid-connect/certs", exchange -> {
            keyFetches.incrementAndGet();
            CountDownLatch slow = slowKeys;
            if (slow != null) {
                try {
                    slow.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        realm.start();
        issuer = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/kefu";
        provider = new OidcProvider();
        provider.settings = new KeycloakSettings() {
            @Override
            public String issuer() {
                return issuer;
            }

            @Override
            public String clientId() {
                return "kefu-portal";
            }
        };
        provider.clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        provider.realmKeys = new RealmKeys();
        provider.realmKeys.settings = provider.settings;
        provider.realmKeys.cacheSeconds = 300;
    }

    @AfterEach
    void stopRealm() {
        if (slowKeys != null) {
            slowKeys.countDown();
        }
        realm.stop(0);
        realmThreads.shutdownNow();
    }

    private String claims(String extra) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"person-1\",\"typ\":\"Bearer\",\"azp\":\"kefu-portal\","
                + "\"aud\":[\"kefu-portal\",\"account\"],\"iat\":" + NOW + ",\"exp\":" + (NOW + 300) + extra + "}";
    }

    @Test
    void acceptsAnAccessTokenSignedByTheRealmForKefu() {
        assertEquals("person-1", provider.verifyAccessToken(sign(KID, claims(""), key.getPrivate()))
                .orElseThrow().subject());
    }

    @Test
    void refusesATokenWithAChangedClaim() {
        String token = sign(KID, claims(""), key.getPrivate());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64(claims("").replace("person-1", "someone-else")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(provider.verifyAccessToken(forged).isEmpty());
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheRealmsKeyId() throws Exception {
        KeyPair other = rsaKey();
        assertTrue(provider.verifyAccessToken(sign(KID, claims(""), other.getPrivate())).isEmpty());
    }

    @Test
    void refusesUnsignedTokens() {
        String header = b64(("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}").getBytes(StandardCharsets.UTF_8));
        String body = b64(claims("").getBytes(StandardCharsets.UTF_8));
        assertTrue(provider.verifyAccessToken(header + "." + body + ".").isEmpty());
    }

    @Test
    void refusesExpiredTokensBeyondTheAllowedSkew() {
        String expired = claims("").replace("\"exp\":" + (NOW + 300), "\"exp\":" + (NOW - 31));
        assertTrue(provider.verifyAccessToken(sign(KID, expired, key.getPrivate())).isEmpty());
        String justWithinSkew = claims("").replace("\"exp\":" + (NOW + 300), "\"exp\":" + (NOW - 10));
        assertTrue(provider.verifyAccessToken(sign(KID, justWithinSkew, key.getPrivate())).isPresent());
    }

    @Test
    void refusesTokensOfAnotherIssuerOrForAnotherClient() {
        String otherIssuer = claims("").replace("/realms/kefu", "/realms/master");
        assertTrue(provider.verifyAccessToken(sign(KID, otherIssuer, key.getPrivate())).isEmpty());
        String otherClient = claims("").replace("\"azp\":\"kefu-portal\"", "\"azp\":\"admin-cli\"")
                .replace("[\"kefu-portal\",\"account\"]", "[\"account\"]");
        assertTrue(provider.verifyAccessToken(sign(KID, otherClient, key.getPrivate())).isEmpty());
    }

    @Test
    void anIdTokenIsNoBearerToken() {
        String idToken = claims("").replace("\"typ\":\"Bearer\"", "\"typ\":\"ID\"");
        assertTrue(provider.verifyAccessToken(sign(KID, idToken, key.getPrivate())).isEmpty());
    }

    @Test
    void anIdTokenMustCarryTheNonceOfThisLogin() {
        String idToken = sign(KID, claims(",\"nonce\":\"n-1\"").replace("\"typ\":\"Bearer\"", "\"typ\":\"ID\""),
                key.getPrivate());
        assertEquals("person-1", provider.verifyIdToken(idToken, new Nonce("n-1")).subject());
        assertThrows(OidcFailure.class, () -> provider.verifyIdToken(idToken, new Nonce("n-2")));
    }

    @Test
    void unknownKeyIdsFetchTheRealmsKeysOnlyAFewTimesInAWhile() {
        for (int i = 0; i < 5; i++) {
            assertTrue(provider.verifyAccessToken(sign("rotated-" + i, claims(""), key.getPrivate())).isEmpty());
        }
        // The first look loads the set and, not finding the key id, asks once more; then the rate limit holds.
        assertTrue(keyFetches.get() <= 2, "made-up key ids must not make Kefu hammer Keycloak: " + keyFetches.get());
    }

    @Test
    void aKeyTheRealmRotatesInIsTakenAtOnce() throws Exception {
        assertTrue(provider.verifyAccessToken(sign(KID, claims(""), key.getPrivate())).isPresent());
        KeyPair rotated = rsaKey();
        published.put("realm-key-2", rotated);

        assertTrue(provider.verifyAccessToken(sign("realm-key-2", claims(""), rotated.getPrivate())).isPresent(),
                "a token signed by the realm's new key, long before the cached set expires");
    }

    @Test
    void aKeyRemovedFromTheRealmIsNoLongerTrustedWithoutARestart() throws Exception {
        provider.realmKeys.cacheSeconds = 2;
        KeyPair revoked = rsaKey();
        published.put("realm-key-revoked", revoked);
        String token = sign("realm-key-revoked", claims(""), revoked.getPrivate());
        assertTrue(provider.verifyAccessToken(token).isPresent(), "trusted while the realm publishes it");

        published.remove("realm-key-revoked");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (provider.verifyAccessToken(token).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "a key the realm no longer publishes is still trusted");
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertTrue(provider.verifyAccessToken(sign(KID, claims(""), key.getPrivate())).isPresent(),
                "the realm's remaining key still is");
    }

    @Test
    void tokensWithCachedKeysDoNotWaitForAKeyFetchUnderWay() throws Exception {
        String known = sign(KID, claims(""), key.getPrivate());
        assertTrue(provider.verifyAccessToken(known).isPresent());
        slowKeys = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            int before = keyFetches.get();
            Future<Boolean> unknown = other.submit(() -> provider.verifyAccessToken(sign("not-yet-published",
                    claims(""), key.getPrivate())).isPresent());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (keyFetches.get() == before) {
                assertTrue(System.nanoTime() < deadline, "the unknown key id made no fetch");
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }

            long started = System.nanoTime();
            assertTrue(provider.verifyAccessToken(known).isPresent());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2_000,
                    "a token with a cached key waited for Keycloak");
            slowKeys.countDown();
            assertFalse(unknown.get(20, TimeUnit.SECONDS), "an unpublished key stays untrusted");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void theLoginAddressCarriesPkceS256StateNonceAndTheGivenCallback() {
        // The verifier and challenge of RFC 7636, appendix B.
        URI login = provider.authorizationUrl(URI.create("https://kefu.example.com/oidc/callback"),
                new State("s-1"), new Nonce("n-1"), new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                false, "zh-CN");
        String query = login.getRawQuery();
        assertTrue(login.toString().startsWith(issuer + "/protocol/openid-connect/auth?"), login.toString());
        assertTrue(query.contains("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), query);
        assertTrue(query.contains("code_challenge_method=S256"), query);
        assertTrue(query.contains("state=s-1") && query.contains("nonce=n-1"), query);
        assertTrue(query.contains("redirect_uri=https%3A%2F%2Fkefu.example.com%2Foidc%2Fcallback"), query);
        assertTrue(query.contains("response_type=code") && query.contains("client_id=kefu-portal"), query);
        assertTrue(query.contains("ui_locales=zh-CN"), query);
    }

    @Test
    void chineseNamesAreWrittenFamilyNameFirstWithoutASpace() {
        assertEquals("陈晨", OidcProvider.displayName(new JWTClaimsSet.Builder().claim("given_name", "晨")
                .claim("family_name", "陈").claim("name", "晨 陈").build()));
        assertEquals("Ann Lee", OidcProvider.displayName(new JWTClaimsSet.Builder()
                .claim("given_name", "Ann").claim("family_name", "Lee").claim("name", "Ann Lee").build()));
    }

    private String jwks() {
        return published.entrySet().stream().map(e -> {
            RSAPublicKey publicKey = (RSAPublicKey) e.getValue().getPublic();
            return "{\"kid\":\"" + e.getKey() + "\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                    + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                    + b64(unsigned(publicKey.getPublicExponent())) + "\"}";
        }).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String sign(String kid, String claims, PrivateKey privateKey) {
        try {
            String signed = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
