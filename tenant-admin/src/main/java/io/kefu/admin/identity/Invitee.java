package io.kefu.admin.identity;

import java.util.Locale;

/** Someone invited to work in a tenant, as a directory needs them: login name, where to write, what to call them. */
public record Invitee(String username, String email, String displayName, Locale locale) {
}
