package io.kefu.portal.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    private static final String NONCE = "ZGQzMzNkMzUtYTBjNi00OTk1LTk1NDMtMjIyNjQwOGY4MmE2";

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing in " + policy));
    }

    @Test
    void pageScriptsNeedTheNonceAndNeverRunInline() {
        String page = new ContentSecurityPolicy(Optional.empty()).page(NONCE);
        String scripts = directive(page, "script-src");
        assertEquals("script-src 'self' 'nonce-" + NONCE + "'", scripts);
        assertFalse(page.contains("unsafe-eval"));
        assertEquals("frame-ancestors 'none'", directive(page, "frame-ancestors"));
        assertEquals("object-src 'none'", directive(page, "object-src"));
        assertEquals("form-action 'self'", directive(page, "form-action"));
    }

    @Test
    void logoutMayEndAtKeycloakWhenItIsTheIdentitySource() {
        String page = new ContentSecurityPolicy(Optional.of("https://sso.example.com")).page(NONCE);
        assertEquals("form-action 'self' https://sso.example.com", directive(page, "form-action"));
    }

    @Test
    void answersThatAreNoPagesRunNothingAndAreNeverFramed() {
        String resources = new ContentSecurityPolicy(Optional.empty()).resources();
        assertEquals("default-src 'none'", directive(resources, "default-src"));
        assertFalse(resources.contains("script-src"));
        assertEquals("frame-ancestors 'none'", directive(resources, "frame-ancestors"));
    }

    @Test
    void takesTheNonceFromThePolicyPrimeFacesWrites() {
        assertEquals(Optional.of(NONCE), ContentSecurityPolicy.nonceIn("script-src 'self' 'nonce-" + NONCE + "';"));
        assertEquals(Optional.empty(), ContentSecurityPolicy.nonceIn("script-src 'self'"));
        assertEquals(Optional.empty(), ContentSecurityPolicy.nonceIn(null));
        assertTrue(ContentSecurityPolicy.nonceIn("script-src 'nonce-a'b'").isEmpty(), "no quote can slip in");
    }
}
