package io.kefu.portal.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossSiteWritesTest {

    private static final Optional<AuthenticatedBy> SESSION = Optional.of(AuthenticatedBy.SESSION);
    private static final Optional<AuthenticatedBy> BASIC = Optional.of(AuthenticatedBy.BASIC);
    private static final Optional<AuthenticatedBy> BEARER = Optional.of(AuthenticatedBy.BEARER);

    @Test
    void aSessionWriteWithoutTheHeaderIsRefusedWhateverItsMethod() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(CrossSiteWrites.refused(method, SESSION, null, null), method);
            assertTrue(CrossSiteWrites.refused(method, SESSION, " ", "same-origin"), method);
        }
    }

    @Test
    void aSessionWriteWithTheHeaderFromOurOwnPagesGoesAhead() {
        assertFalse(CrossSiteWrites.refused("POST", SESSION, "XMLHttpRequest", "same-origin"));
        assertFalse(CrossSiteWrites.refused("POST", SESSION, "XMLHttpRequest", null),
                "older browsers send no Sec-Fetch");
    }

    @Test
    void whatTheBrowserSaysCameFromAnotherSiteIsRefusedEvenWithTheHeader() {
        assertTrue(CrossSiteWrites.refused("POST", SESSION, "XMLHttpRequest", "cross-site"));
        assertTrue(CrossSiteWrites.refused("POST", SESSION, "XMLHttpRequest", "same-site"));
        assertTrue(CrossSiteWrites.refused("POST", BASIC, null, "Cross-Site"), "credentials the browser re-sends");
    }

    @Test
    void scriptsReadsAndAnonymousWritesAreLeftAlone() {
        assertFalse(CrossSiteWrites.refused("POST", BASIC, null, null));
        assertFalse(CrossSiteWrites.refused("DELETE", BEARER, null, "cross-site"), "a token is never sent by itself");
        assertFalse(CrossSiteWrites.refused("POST", Optional.empty(), null, "cross-site"), "a filing form elsewhere");
        assertFalse(CrossSiteWrites.refused("GET", SESSION, null, "cross-site"));
        assertFalse(CrossSiteWrites.refused("HEAD", SESSION, null, null));
    }
}
