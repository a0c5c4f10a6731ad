package io.kefu.admin.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/** The realm Kefu creates guards its own login page against password guessing, without locking anybody out for good. */
class KeycloakRealmSetupTest {

    @Test
    void theRealmSlowsDownPasswordGuessingForMinutesNotForever() {
        KeycloakSettings settings = new KeycloakSettings();
        settings.realm = "kefu";
        settings.smtpHost = Optional.empty();
        KeycloakRealmSetup setup = new KeycloakRealmSetup();
        setup.settings = settings;
        RealmRepresentation realm = setup.realm();
        assertTrue(realm.isBruteForceProtected());
        assertFalse(realm.isPermanentLockout());
        assertEquals(10, realm.getFailureFactor());
        assertEquals(300, realm.getMaxFailureWaitSeconds());
        assertEquals(3600, realm.getMaxDeltaTimeSeconds());
    }
}
