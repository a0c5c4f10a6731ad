package io.kefu.admin.identity;

import jakarta.enterprise.inject.Instance;
import io.kefu.admin.keycloak.KeycloakSettings;
import io.kefu.admin.keycloak.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the identity directory from configuration ({@code kefu.identity.source}, default {@code local},
 * or {@code keycloak}).
 * An unknown value fails on first use with a message naming the key, rather than silently inviting people
 * into a directory nobody logs in with.
 */
@ApplicationScoped
public class IdentitySource {

    @Inject
    @ConfigProperty(name = "kefu.identity.source", defaultValue = "local")
    String source;

    @Inject
    LocalDirectory local;

    @Inject
    Instance<KeycloakDirectory> keycloak;

    public IdentityDirectory directory() {
        String chosen = source == null ? "local" : source.strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("local")) {
            return local;
        }
        if (chosen.equals(KeycloakSettings.SOURCE_KEYCLOAK)) {
            return keycloak.get();
        }
        throw new IllegalStateException("Unknown kefu.identity.source '" + source + "' (expected: local, keycloak)");
    }
}
