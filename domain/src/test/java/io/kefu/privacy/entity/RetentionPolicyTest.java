package io.kefu.privacy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void keepsThirtySixMonthsAndTheAttachmentsUntilTheTenantDecides() {
        RetentionPolicy policy = RetentionPolicy.defaults();
        assertEquals(36, policy.months());
        assertEquals(AttachmentRule.KEEP, policy.attachments());
        assertEquals(Instant.parse("2023-12-04T10:00:00Z"), policy.cutoff(Instant.parse("2026-12-04T10:00:00Z")));
    }

    @Test
    void refusesEveryFieldAtFaultAndChangesNothing() {
        RetentionPolicy policy = RetentionPolicy.defaults();
        KefuException refused = assertThrows(KefuException.class, () -> policy.change(5, "SHRED"));
        assertEquals(List.of("months", "attachments"),
                refused.fieldFailures().stream().map(KefuException::field).toList());
        assertEquals(36, policy.months());
        assertEquals(AttachmentRule.KEEP, policy.attachments());
        assertThrows(KefuException.class, () -> policy.change(121, "KEEP"));
        assertThrows(KefuException.class, () -> policy.change(null, "KEEP"));
    }

    @Test
    void takesTheBoundsAndEitherRule() {
        RetentionPolicy policy = RetentionPolicy.defaults();
        policy.change(6, "delete");
        assertEquals(6, policy.months());
        assertEquals(AttachmentRule.DELETE, policy.attachments());
        policy.change(120, "KEEP");
        assertEquals(120, policy.months());
    }
}
