package io.kefu.admin.identity;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentitySourceTest {

    private static IdentitySource configured(String value) {
        IdentitySource source = new IdentitySource();
        source.source = value;
        source.local = new LocalDirectory();
        return source;
    }

    @Test
    void theLocalAccountsAreTheDefault() {
        IdentitySource source = configured("local");
        assertSame(source.local, source.directory());
        assertSame(configured(" LOCAL ").local.getClass(), configured(" LOCAL ").directory().getClass());
    }

    @Test
    void anUnknownSourceFailsNamingTheKey() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> configured("ldap").directory());
        assertTrue(failure.getMessage().contains("kefu.identity.source"));
    }
}
