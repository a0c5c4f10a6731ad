package io.kefu.portal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final String PEER = "10.0.0.5";

    @Test
    void withoutTrustTheForwardedHeaderIsIgnored() {
        assertEquals(PEER, ClientAddress.resolve(PEER, List.of("203.0.113.9"), false, 1));
    }

    @Test
    void behindOneProxyTheClientIsTheHopItAppendedNotWhatTheClientWroteInFront() {
        assertEquals("203.0.113.9", ClientAddress.resolve(PEER, List.of("1.2.3.4, 5.6.7.8, 203.0.113.9"), true, 1));
        assertEquals("203.0.113.9", ClientAddress.resolve(PEER, List.of("203.0.113.9"), true, 1));
    }

    @Test
    void behindTwoProxiesTheSecondHopFromTheRightIsTheClient() {
        assertEquals("203.0.113.9",
                ClientAddress.resolve(PEER, List.of("6.6.6.6, 203.0.113.9, 198.51.100.1"), true, 2));
        // A request that skipped the outer proxy: every hop present is still one of ours.
        assertEquals("198.51.100.1", ClientAddress.resolve(PEER, List.of("198.51.100.1"), true, 2));
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertEquals("203.0.113.9", ClientAddress.resolve(PEER, List.of("6.6.6.6", "203.0.113.9"), true, 1));
    }

    @Test
    void aMissingOrMeaninglessHopFallsBackToThePeer() {
        assertEquals(PEER, ClientAddress.resolve(PEER, List.of(), true, 1));
        assertEquals(PEER, ClientAddress.resolve(PEER, List.of(" , "), true, 1));
        assertEquals(PEER, ClientAddress.resolve(PEER, List.of("1.2.3.4, unknown"), true, 1));
        assertEquals(PEER, ClientAddress.resolve(PEER, List.of("evil.example.com"), true, 1));
    }

    @Test
    void ipv6AddressesAreLimitedByTheirSlash64AndIpv4ByTheAddress() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.limitKey("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.limitKey("2001:0db8:0001:0002:ffff:1:2:3"));
        assertEquals("203.0.113.9", ClientAddress.limitKey("203.0.113.9"));
        assertEquals("::ffff:203.0.113.9", ClientAddress.limitKey("::ffff:203.0.113.9"), "an IPv4 address in disguise");
    }
}
