package io.kefu.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void usernamesAreCaseInsensitive() {
        UserAccount account = UserAccount.withPassword(" Wang.Li ", "王丽", "", "s3cret-pass".toCharArray(), clock);
        assertEquals("wang.li", account.username());
        assertNull(account.email(), "a blank e-mail is no e-mail");
    }

    @Test
    void aDisabledAccountNeverAuthenticates() {
        UserAccount account = UserAccount.withPassword("wang", "王丽", null, "s3cret-pass".toCharArray(), clock);
        assertTrue(account.authenticates("s3cret-pass".toCharArray()));
        account.disable();
        assertFalse(account.authenticates("s3cret-pass".toCharArray()));
    }

    @Test
    void refusesShortPasswordsBadUsernamesAndBadEmails() {
        assertEquals("password", assertThrows(KefuException.class,
                () -> UserAccount.withPassword("wang", "王丽", null, "short".toCharArray(), clock)).field());
        assertEquals("username", assertThrows(KefuException.class,
                () -> UserAccount.withPassword("w ang", "王丽", null, "s3cret-pass".toCharArray(), clock)).field());
        assertEquals("email", assertThrows(KefuException.class,
                () -> UserAccount.withPassword("wang", "王丽", "not-an-email", "s3cret-pass".toCharArray(), clock))
                .field());
        assertEquals("displayName", assertThrows(KefuException.class,
                () -> UserAccount.withPassword("wang", " ", null, "s3cret-pass".toCharArray(), clock)).field());
    }

    @Test
    void namesTheHistoryUsesForTheResidentAndTheSystemAreReserved() {
        for (String reserved : new String[] {"resident", "System"}) {
            org.junit.jupiter.api.Assertions.assertThrows(io.kefu.problem.KefuException.class,
                    () -> UserAccount.normalizeUsername(reserved), reserved);
        }
    }

    @Test
    void anExternalAccountHasNoLocalPasswordAndStaysWithTheSubjectItWasLinkedTo() {
        UserAccount account = UserAccount.external("Zhang.San", "张三", "zs@example.com", "kc-subject-1", clock);
        assertFalse(account.authenticates("any-password-at-all".toCharArray()), "no local password");
        assertEquals(java.util.Optional.of("kc-subject-1"), account.externalSubject());
        account.linkSubject("kc-subject-1");
        KefuException refused = assertThrows(KefuException.class, () -> account.linkSubject("kc-subject-2"));
        assertEquals("user.subject.mismatch", refused.messageKey());
        assertEquals(java.util.Optional.of("kc-subject-1"), account.externalSubject());
    }

    /** Keycloak's registration gets the rule as a pattern: it must admit exactly the names Kefu keeps. */
    @org.junit.jupiter.api.Test
    void theRuleForTheIdentityProviderAdmitsExactlyWhatKefuKeeps() {
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile(UserAccount.USERNAME_RULE_ANY_CASE);
        for (String name : java.util.List.of("wang.fang", "Wang.Fang", "li_lei", "13800138000", "a@b.example",
                "x", "-dash", ".dot", "resident", "System", "ANONYMOUS", "residents", "has space", "名字",
                "a".repeat(64), "a".repeat(65), "tab\tname", "semi;colon")) {
            boolean kept;
            try {
                UserAccount.normalizeUsername(name);
                kept = true;
            } catch (io.kefu.problem.KefuException e) {
                kept = false;
            }
            org.junit.jupiter.api.Assertions.assertEquals(kept, rule.matcher(name).matches(), name);
        }
    }
}
