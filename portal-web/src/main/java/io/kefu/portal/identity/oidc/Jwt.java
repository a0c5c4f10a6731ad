package io.kefu.portal.identity.oidc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed JSON Web Token as Keycloak issues them (RS256), split and decoded, its signature checked against
 * a given key. Claims are only trusted after {@link #signedBy}; the header is read before, to find the key.
 */
final class Jwt {

    private final String signedPart;
    private final byte[] signature;
    private final JsonObject header;
    private final JsonObject claims;

    private Jwt(String signedPart, byte[] signature, JsonObject header, JsonObject claims) {
        this.signedPart = signedPart;
        this.signature = signature;
        this.header = header;
        this.claims = claims;
    }

    /** Empty when the text is not three Base64url parts of JSON. */
    static Optional<Jwt> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return Optional.of(new Jwt(parts[0] + "." + parts[1], decoder.decode(parts[2]),
                    json(decoder.decode(parts[0])), json(decoder.decode(parts[1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObject json(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    String keyId() {
        return header.getString("kid", "");
    }

    String algorithm() {
        return header.getString("alg", "");
    }

    boolean signedBy(PublicKey key) {
        if (!"RS256".equals(algorithm())) {
            // Never "none", never HMAC with the public key as secret: only what Keycloak signs with.
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    JsonObject claims() {
        return claims;
    }
}
