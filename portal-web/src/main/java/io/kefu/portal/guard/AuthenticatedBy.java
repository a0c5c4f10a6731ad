package io.kefu.portal.guard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * How the caller of a request proved who they are. It matters beyond login: a browser adds a session cookie
 * (and Basic credentials it once prompted for) to requests that other sites make it send, a bearer token
 * never; the cross-site check of API writes depends on it.
 */
public enum AuthenticatedBy {
    /** The login session's cookie. */
    SESSION,
    /** {@code Authorization: Basic}, checked on this request. */
    BASIC,
    /** {@code Authorization: Bearer}, an access token verified on this request. */
    BEARER;

    private static final String ATTRIBUTE = AuthenticatedBy.class.getName();

    public void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** How this request's caller was authenticated; empty for anonymous requests. */
    public static Optional<AuthenticatedBy> of(HttpServletRequest request) {
        return Optional.ofNullable((AuthenticatedBy) request.getAttribute(ATTRIBUTE));
    }
}
