package io.kefu.identity.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final UserAccount PERSON = UserAccount.invited("p.q", "P Q", "p@example.com", Clock.systemUTC());

    @Test
    void aMembershipIsActiveUntilDisabledAndCanBeResumed() {
        Membership membership = new Membership(PERSON, 1, Role.STAFF, Clock.systemUTC());
        assertTrue(membership.isActive());
        membership.deactivate();
        assertFalse(membership.isActive());
        membership.activate();
        assertTrue(membership.isActive());
    }

    @Test
    void aRoleAddedToADisabledPersonStartsDisabled() {
        assertFalse(new Membership(PERSON, 1, Role.SUPERVISOR, false, Clock.systemUTC()).isActive());
    }
}
