package io.kefu.identity.boundary;

/**
 * A person as the identity provider vouched for them in a verified token: its stable id ({@code sub}), the
 * username and e-mail they have there, whether the provider has verified that e-mail, and a name to show.
 */
public record ExternalPerson(String subject, String username, String email, boolean emailVerified,
        String displayName) {
}
