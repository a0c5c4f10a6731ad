package io.kefu.portal.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's network address, the one every limit and log of Kefu uses (public intake, tracking, login
 * throttling, the audit log).
 *
 * <p>Without a proxy it is the connection's peer. Behind our own load balancers
 * ({@code KEFU_TRUST_FORWARDED_FOR=true}) it is read from {@code X-Forwarded-For}, but only from the hops our
 * proxies appended: each proxy appends the address it was connected from, so the last
 * {@code KEFU_FORWARDED_FOR_HOPS} entries are ours and everything left of them was written by the client
 * (taking the first entry, as Kefu once did, let anybody be any address). With one proxy that is the last
 * entry; with a CDN in front of the load balancer, two.
 */
@ApplicationScoped
public class ClientAddress {

    /** What a proxy writes: an IPv4 or IPv6 literal. Anything else ("unknown", a name) is not trusted. */
    private static final Pattern LITERAL = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    @Inject
    @ConfigProperty(name = "kefu.trust.forwarded.for", defaultValue = "false")
    boolean trustForwardedFor;

    /** How many proxies of ours append to X-Forwarded-For before a request reaches Kefu. */
    @Inject
    @ConfigProperty(name = "kefu.forwarded.for.hops", defaultValue = "1")
    int proxyHops;

    /** The client's address as the nearest trustworthy machine saw it. */
    public String of(HttpServletRequest request) {
        List<String> headers = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For"));
        return resolve(request.getRemoteAddr(), headers, trustForwardedFor, proxyHops);
    }

    /** The key limits count by: {@link #limitKey(String)} of {@link #of}. */
    public String limitKey(HttpServletRequest request) {
        return limitKey(of(request));
    }

    static String resolve(String peer, List<String> forwardedHeaders, boolean trust, int hops) {
        if (!trust || hops < 1) {
            return peer;
        }
        // Several header lines are one list in order (RFC 9110), as if joined by commas.
        List<String> hopsSeen = new ArrayList<>();
        for (String header : forwardedHeaders) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    hopsSeen.add(entry.strip());
                }
            }
        }
        if (hopsSeen.isEmpty()) {
            return peer;
        }
        // Fewer entries than proxies: the request skipped the outer ones, and the leftmost is still one of ours.
        String client = hopsSeen.get(Math.max(0, hopsSeen.size() - hops));
        return LITERAL.matcher(client).matches() ? client : peer;
    }

    /**
     * The address limits count by. An IPv4 address as it is; an IPv6 address by its /64 network, because one
     * subscriber usually holds a whole /64 and could otherwise be a new client on every request.
     */
    public static String limitKey(String address) {
        if (address == null || !address.contains(":") || !LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // A literal (checked above) is parsed, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
