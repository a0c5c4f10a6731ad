package io.kefu.admin.provisioning.boundary;

/**
 * The person who will administer a new tenant: invited as its first TENANT_ADMIN when it opens. The username
 * defaults to the e-mail address, the display name to the username.
 */
public record FirstAdmin(String username, String email, String displayName) {

    public String usernameOrEmail() {
        return username == null || username.isBlank() ? email : username;
    }

    public String displayNameOrUsername() {
        return displayName == null || displayName.isBlank() ? usernameOrEmail() : displayName;
    }
}
