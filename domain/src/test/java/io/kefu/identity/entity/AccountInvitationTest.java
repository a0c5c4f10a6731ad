package io.kefu.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountInvitationTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    private static UserAccount invited() {
        return UserAccount.invited("new.staff", "New Staff", "new@example.com", NOW);
    }

    @Test
    void anInvitedAccountCannotLogInUntilThePasswordIsSet() {
        UserAccount account = invited();
        assertFalse(account.hasPassword());
        assertFalse(account.authenticates("anything-at-all".toCharArray()));
        AccountInvitation.issue(account, 1, NOW).invitation().redeem("a good password".toCharArray(), NOW);
        assertTrue(account.authenticates("a good password".toCharArray()));
    }

    @Test
    void storesOnlyTheHashOfAnUnguessableToken() {
        AccountInvitation.Issued issued = AccountInvitation.issue(invited(), 1, NOW);
        assertTrue(AccountInvitation.looksLikeToken(issued.token()));
        assertNotEquals(issued.token(), AccountInvitation.hash(issued.token()));
        assertEquals(64, AccountInvitation.hash(issued.token()).length());
        assertNotEquals(issued.token(), AccountInvitation.issue(invited(), 1, NOW).token());
    }

    @Test
    void worksOnlyOnce() {
        AccountInvitation invitation = AccountInvitation.issue(invited(), 1, NOW).invitation();
        invitation.redeem("first password".toCharArray(), NOW);
        KefuException again = assertThrows(KefuException.class,
                () -> invitation.redeem("second password".toCharArray(), NOW));
        assertEquals(Failure.NOT_FOUND, again.failure());
        assertTrue(invitation.user().authenticates("first password".toCharArray()));
    }

    @Test
    void expiresAfterSevenDays() {
        AccountInvitation invitation = AccountInvitation.issue(invited(), 1, NOW).invitation();
        Clock almost = Clock.offset(NOW, Duration.ofDays(7).minusMinutes(1));
        Clock after = Clock.offset(NOW, Duration.ofDays(7));
        assertTrue(invitation.isUsable(almost));
        assertFalse(invitation.isUsable(after));
        assertThrows(KefuException.class, () -> invitation.redeem("a good password".toCharArray(), after));
    }

    @Test
    void aTooShortPasswordLeavesTheLinkUsable() {
        AccountInvitation invitation = AccountInvitation.issue(invited(), 1, NOW).invitation();
        assertThrows(KefuException.class, () -> invitation.redeem("short".toCharArray(), NOW));
        assertTrue(invitation.isUsable(NOW));
    }

    @Test
    void anInvitationNeedsAnAddressToBeSentTo() {
        assertThrows(KefuException.class, () -> UserAccount.invited("x.y", "X", " ", NOW));
    }
}
