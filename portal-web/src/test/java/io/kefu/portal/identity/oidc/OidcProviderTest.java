package io.kefu.portal.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.kefu.admin.keycloak.KeycloakSettings;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token verification against a realm that publishes its key the way Keycloak does (a JWKS document over HTTP,
 * served here by a tiny local server): only RS256 tokens signed by the realm's key, from its issuer, for Kefu,
 * not expired, are believed.
 */
class OidcProviderTest {

    private static final long NOW = 1_800_000_000L;
    private static final String KID = "realm-key-1";

    private HttpServer realm;
    private KeyPair key;
    private OidcProvider provider;
    private String issuer;
    private final AtomicInteger keyFetches = new AtomicInteger();

    @BeforeEach
    void startRealm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/realms/kefu/protocol/openid-connect/certs", exchange -> {
            keyFetches.incrementAndGet();
            RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
            byte[] body = ("{\"keys\":[{\"kid\":\"" + KID + "\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                    + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
                    + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        realm.start();
        String url = "http://127.0.0.1:" + realm.getAddress().getPort();
        issuer = url + "/realms/kefu";
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
    }

    @AfterEach
    void stopRealm() {
        realm.stop(0);
    }

    private String claims(String extra) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"person-1\",\"typ\":\"Bearer\",\"azp\":\"kefu-portal\","
                + "\"aud\":[\"kefu-portal\",\"account\"],\"exp\":" + (NOW + 300) + extra + "}";
    }

    @Test
    void acceptsAnAccessTokenSignedByTheRealmForKefu() {
        assertEquals("person-1", provider.verifyAccessToken(sign(KID, claims(""), key.getPrivate()))
                .orElseThrow().getString("sub"));
    }

    @Test
    void refusesATokenWithAChangedClaim() {
        String token = sign(KID, claims(""), key.getPrivate());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64(claims(",\"sub\":\"someone-else\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertTrue(provider.verifyAccessToken(forged).isEmpty());
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheRealmsKeyId() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
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
        assertEquals("person-1", provider.verifyIdToken(idToken, "n-1").getString("sub"));
        assertThrows(OidcFailure.class, () -> provider.verifyIdToken(idToken, "n-2"));
    }

    @Test
    void unknownKeyIdsFetchTheRealmsKeysAtMostOnceInAWhile() {
        for (int i = 0; i < 5; i++) {
            assertTrue(provider.verifyAccessToken(sign("rotated-" + i, claims(""), key.getPrivate())).isEmpty());
        }
        assertEquals(1, keyFetches.get(), "made-up key ids must not make Kefu hammer Keycloak");
    }

    @Test
    void thePkceChallengeIsTheBase64urlSha256OfTheVerifier() {
        // The example of RFC 7636, appendix B.
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcLoginServlet.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void chineseNamesAreWrittenFamilyNameFirstWithoutASpace() {
        assertEquals("陈晨", OidcProvider.displayName(jakarta.json.Json.createObjectBuilder().add("given_name", "晨")
                .add("family_name", "陈").add("name", "晨 陈").build()));
        assertEquals("Ann Lee", OidcProvider.displayName(jakarta.json.Json.createObjectBuilder()
                .add("given_name", "Ann").add("family_name", "Lee").add("name", "Ann Lee").build()));
    }

    private static String sign(String kid, String claims, PrivateKey privateKey) {
        try {
            String signed = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
