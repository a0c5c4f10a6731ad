package io.kefu.admin.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Kefu's Keycloak is and how Kefu talks to it, from MicroProfile Config (environment variables in
 * production: {@code KEFU_IDENTITY_SOURCE=keycloak}, {@code KEFU_KEYCLOAK_URL}, {@code KEFU_KEYCLOAK_REALM},
 * {@code KEFU_KEYCLOAK_CLIENT_ID}, {@code KEFU_KEYCLOAK_CLIENT_SECRET}). The same client logs people in
 * (authorization code with PKCE) and, through its service account, provisions organizations and users.
 */
@ApplicationScoped
public class KeycloakSettings {

    public static final String SOURCE_KEYCLOAK = "keycloak";

    @Inject
    @ConfigProperty(name = "kefu.identity.source", defaultValue = "local")
    String source;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.url", defaultValue = "http://localhost:8180")
    String url;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.realm", defaultValue = "kefu")
    String realm;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.client-id", defaultValue = "kefu-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.client-secret")
    Optional<String> clientSecret;

    /** Master-realm admin for the one-time setup of the realm; unset in production once the realm exists. */
    @Inject
    @ConfigProperty(name = "kefu.keycloak.setup.admin")
    Optional<String> setupAdmin;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.setup.password")
    Optional<String> setupPassword;

    /** The portal addresses Keycloak may send people back to, comma-separated, e.g. {@code https://kefu.example/*}. */
    @Inject
    @ConfigProperty(name = "kefu.keycloak.setup.redirect-uris", defaultValue = "http://localhost:8080/*")
    String redirectUris;

    /** Whether the setup lets clients trade a password for a token (scripts and tests; off in production). */
    @Inject
    @ConfigProperty(name = "kefu.keycloak.setup.password-grant", defaultValue = "false")
    boolean passwordGrant;

    /** The portal's own address (as in e-mailed links); must be among the redirect addresses above. */
    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Keycloak's invitation and verification mails go out through the same server as Kefu's own mail. */
    @Inject
    @ConfigProperty(name = "kefu.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "kefu.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "kefu.smtp.from", defaultValue = "kefu@localhost")
    String smtpFrom;

    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public boolean enabled() {
        return SOURCE_KEYCLOAK.equalsIgnoreCase(source.strip());
    }

    public String url() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String realm() {
        return realm;
    }

    /** The realm's base address, which is also the issuer of its tokens. */
    public String issuer() {
        return url() + "/realms/" + realm;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "kefu.keycloak.client-secret (KEFU_KEYCLOAK_CLIENT_SECRET) is required with Keycloak"));
    }

    Optional<String> setupAdmin() {
        return setupAdmin.filter(s -> !s.isBlank());
    }

    Optional<String> setupPassword() {
        return setupPassword.filter(s -> !s.isBlank());
    }

    List<String> redirectUris() {
        return Arrays.stream(redirectUris.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean passwordGrant() {
        return passwordGrant;
    }

    Optional<String> smtpHost() {
        return smtpHost.filter(s -> !s.isBlank());
    }

    int smtpPort() {
        return smtpPort;
    }

    String smtpFrom() {
        return smtpFrom;
    }
}
