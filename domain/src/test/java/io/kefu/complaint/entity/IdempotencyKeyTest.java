package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final Intake LEAK = new Intake(CaseKind.REPAIR, "repairs", "厨房水管漏水", "5栋301", "李先生",
            "13800138000", null, null, false);

    @Test
    void noKeyMeansNoIdempotency() {
        assertNull(IdempotencyKey.ofNullable(null));
        assertNull(IdempotencyKey.ofNullable("  "));
    }

    @Test
    void refusesKeysThatAreShortLongOrNotPlainAscii() {
        for (String bad : List.of("short", "x".repeat(129), "密钥密钥密钥密钥密钥密钥密钥密钥", "with space in the middle")) {
            KefuException refused = assertThrows(KefuException.class, () -> IdempotencyKey.ofNullable(bad), bad);
            assertEquals("Idempotency-Key", refused.field());
        }
    }

    @Test
    void sealedTokenOpensOnlyWithItsOwnKey() {
        IdempotencyKey key = IdempotencyKey.ofNullable(UUID.randomUUID().toString());
        String sealed = key.seal("tracking-token-123");
        assertFalse(sealed.contains("tracking-token-123"), "the token is not readable in the database");
        assertEquals("tracking-token-123", key.open(sealed));
        IdempotencyKey other = IdempotencyKey.ofNullable(UUID.randomUUID().toString());
        assertThrows(IllegalStateException.class, () -> other.open(sealed));
    }

    @Test
    void hashAndLockDependOnTheKeyOnly() {
        String value = UUID.randomUUID().toString();
        assertEquals(IdempotencyKey.ofNullable(value).hash(), IdempotencyKey.ofNullable(value).hash());
        assertEquals(IdempotencyKey.ofNullable(value).lockNumber(), IdempotencyKey.ofNullable(value).lockNumber());
        assertNotEquals(IdempotencyKey.ofNullable(value).hash(),
                IdempotencyKey.ofNullable(UUID.randomUUID().toString()).hash());
        assertFalse(IdempotencyKey.ofNullable(value).hash().contains(value));
        assertTrue(IdempotencyKey.generate().length() >= IdempotencyKey.MIN_LENGTH);
    }

    @Test
    void requestHashTellsDifferentRequestsApart() {
        String first = FilingReceipt.requestHash("huijing.staff", "PHONE", LEAK, List.of());
        assertEquals(first, FilingReceipt.requestHash("huijing.staff", "PHONE", LEAK, List.of()));
        assertNotEquals(first, FilingReceipt.requestHash("huijing.staff", "VISIT", LEAK, List.of()));
        assertNotEquals(first, FilingReceipt.requestHash("other.staff", "PHONE", LEAK, List.of()));
        Intake moved = new Intake(CaseKind.REPAIR, "repairs", "厨房水管漏水", "5栋30", "1李先生", "13800138000", null,
                null, false);
        assertNotEquals(first, FilingReceipt.requestHash("huijing.staff", "PHONE", moved, List.of()),
                "moving a character between fields is another request");
        Upload photo = new Upload("a.png", "one".getBytes(StandardCharsets.UTF_8));
        Upload other = new Upload("a.png", "two".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(FilingReceipt.requestHash(null, "ONLINE", LEAK, List.of(photo)),
                FilingReceipt.requestHash(null, "ONLINE", LEAK, List.of(other)));
    }
}
