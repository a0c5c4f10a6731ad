package io.kefu.portal.identity.oidc;

/** A login through Keycloak that cannot be completed: the person sees a translated page, the log the reason. */
class OidcFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OidcFailure(String message) {
        super(message);
    }
}
