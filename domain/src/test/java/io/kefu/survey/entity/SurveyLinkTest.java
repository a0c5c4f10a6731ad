package io.kefu.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Survey links name their invitation and expiry, and nobody without the tenant's key can change either. */
class SurveyLinkTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-24T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SurveyLink.Signer huijing = SigningKey.generate(clock).signer();
    private final SurveyLink.Signer riverside = SigningKey.generate(clock).signer();

    @Test
    void aSignedLinkVerifiesUntilItExpires() {
        String token = huijing.sign(new SurveyLink(42, EXPIRES));
        assertTrue(SurveyLink.TOKEN.matcher(token).matches(), token);
        assertEquals(new SurveyLink(42, EXPIRES), huijing.verify(token, NOW));
        assertEquals(42, huijing.verify(token, EXPIRES.minusSeconds(1)).invitationId());
        KefuException expired = assertThrows(KefuException.class, () -> huijing.verify(token, EXPIRES));
        assertEquals(Failure.GONE, expired.failure());
        assertEquals("survey.link.expired", expired.messageKey());
    }

    @Test
    void aChangedInvitationOrExpiryIsRefused() {
        String token = huijing.sign(new SurveyLink(42, EXPIRES));
        String[] parts = token.split("\\.");
        assertNotFound(() -> huijing.verify("43." + parts[1] + "." + parts[2], NOW));
        assertNotFound(() -> huijing.verify(parts[0] + "." + (EXPIRES.getEpochSecond() + 86_400) + "." + parts[2],
                NOW));
        char last = parts[2].charAt(42);
        String flipped = parts[2].substring(0, 42) + (last == 'A' ? 'B' : 'A');
        assertNotFound(() -> huijing.verify(parts[0] + "." + parts[1] + "." + flipped, NOW));
    }

    @Test
    void anotherTenantsKeyDoesNotVerifyTheLink() {
        String token = riverside.sign(new SurveyLink(42, EXPIRES));
        assertNotFound(() -> huijing.verify(token, NOW));
    }

    @Test
    void garbageIsNotEvenLookedAt() {
        for (String token : new String[] {null, "", "42", "42.1.abc", "../../etc/passwd", "x.y.z"}) {
            assertNotFound(() -> huijing.verify(token, NOW));
        }
    }

    private static void assertNotFound(org.junit.jupiter.api.function.Executable verify) {
        KefuException e = assertThrows(KefuException.class, verify);
        assertEquals(Failure.NOT_FOUND, e.failure());
        assertEquals("survey.link.invalid", e.messageKey());
    }
}
