package io.kefu.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @Test
    void keepsLocalPaths() {
        assertEquals("/t/huijing-property/staff/?x=1", SafeRedirect.localPath("/t/huijing-property/staff/?x=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)",
            "/a\r\nSet-Cookie: x=1", ""})
    void sendsEverythingElseHome(String candidate) {
        assertEquals("/", SafeRedirect.localPath(candidate));
    }

    @Test
    void decodesBasicCredentials() {
        Optional<String[]> pair = PortalAuthentication.decodeBasic("aHVpamluZy5zdGFmZjpwYTpzcw==");
        assertEquals("huijing.staff", pair.orElseThrow()[0]);
        assertEquals("pa:ss", pair.orElseThrow()[1], "the password may contain a colon");
        assertEquals(Optional.empty(), PortalAuthentication.decodeBasic("%%%"));
        assertEquals(Optional.empty(), PortalAuthentication.decodeBasic("bm9jb2xvbg=="));
    }
}
