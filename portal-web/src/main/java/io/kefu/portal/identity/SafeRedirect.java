package io.kefu.portal.identity;

/**
 * Redirect targets that come from the client ({@code next} after login, {@code back} after a language
 * switch) are accepted only as paths on this site, so the portal can never be used as an open redirect.
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** The path itself when it is a local path; {@code /} for anything else (absolute, protocol-relative, odd). */
    public static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return candidate;
    }
}
