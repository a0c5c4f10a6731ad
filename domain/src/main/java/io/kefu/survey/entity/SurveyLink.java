package io.kefu.survey.entity;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a survey link: {@code {invitation}.{expiry}.{signature}}, the signature an HMAC-SHA256 of the
 * first two parts with the tenant's key. It names the invitation and when the link stops working; nobody can
 * change either without the key. Whether it was used is the invitation's business, not the token's.
 */
public record SurveyLink(long invitationId, Instant expiresAt) {

    /** Digits, dot, seconds, dot, 43 characters of URL-safe Base64: nothing else is even looked at. */
    public static final Pattern TOKEN = Pattern.compile("^(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$");

    /** Signs and verifies with one tenant's key. */
    public record Signer(byte[] key) {

        public String sign(SurveyLink link) {
            String payload = link.invitationId() + "." + link.expiresAt().getEpochSecond();
            return payload + "." + mac(payload);
        }

        /**
         * The link a token names when its signature is right and it has not expired at {@code now}. A token
         * that is malformed or signed with another key is not found (404); an expired one is gone (410).
         */
        public SurveyLink verify(String token, Instant now) {
            Matcher matcher = token == null ? null : TOKEN.matcher(token);
            if (matcher == null || !matcher.matches()) {
                throw KefuException.notFound("survey.link.invalid");
            }
            String payload = matcher.group(1) + "." + matcher.group(2);
            if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                    matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
                throw KefuException.notFound("survey.link.invalid");
            }
            SurveyLink link = new SurveyLink(Long.parseLong(matcher.group(1)),
                    Instant.ofEpochSecond(Long.parseLong(matcher.group(2))));
            if (!now.isBefore(link.expiresAt())) {
                throw new KefuException(Failure.GONE, "survey.link.expired");
            }
            return link;
        }

        private String mac(String payload) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
