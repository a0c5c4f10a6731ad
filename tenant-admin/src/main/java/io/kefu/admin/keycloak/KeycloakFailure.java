package io.kefu.admin.keycloak;

/**
 * Keycloak refused or failed a provisioning call. Thrown inside the boundary's transaction, so the Kefu side
 * of the change (membership, invitation) is rolled back with it.
 */
public class KeycloakFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public KeycloakFailure(String what, int status, String detail) {
        super("Keycloak refused to " + what + " (HTTP " + status + ")" + (detail == null || detail.isBlank() ? ""
                : ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail)));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
