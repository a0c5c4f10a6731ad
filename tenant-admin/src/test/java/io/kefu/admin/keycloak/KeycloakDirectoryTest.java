package io.kefu.admin.keycloak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Keycloak's profile wants a first and a last name; Kefu has one display name. */
class KeycloakDirectoryTest {

    @Test
    void aChineseNameIsSplitAfterTheFamilyName() {
        assertArrayEquals(new String[] {"芳", "王"}, KeycloakDirectory.splitName("王芳"));
        assertArrayEquals(new String[] {"小明", "李"}, KeycloakDirectory.splitName("李小明"));
    }

    @Test
    void aWesternNameIsSplitAtTheLastSpace() {
        assertArrayEquals(new String[] {"Ann Mary", "Lee"}, KeycloakDirectory.splitName("Ann Mary Lee"));
    }

    @Test
    void aSingleWordIsUsedForBothRatherThanInventingAName() {
        assertArrayEquals(new String[] {"Reception", "Reception"}, KeycloakDirectory.splitName("Reception"));
    }
}
