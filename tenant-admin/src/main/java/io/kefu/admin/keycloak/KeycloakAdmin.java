package io.kefu.admin.keycloak;

import java.util.function.UnaryOperator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.token.TokenManager;

/**
 * The admin client for Kefu's realm, signed in as the portal client's service account (client credentials;
 * its token is renewed by the client itself). One per node, made on first use: nothing in it is state that
 * another node needs.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    KeycloakSettings settings;

    private volatile Keycloak client;

    public RealmResource realm() {
        return client().realm(settings.realm());
    }

    /**
     * Drops the service account's token so that the next call gets a new one: Keycloak refuses a token whose
     * signing key left the realm although it has not expired.
     */
    void renewToken() {
        TokenManager tokens = client().tokenManager();
        tokens.invalidate(tokens.getAccessTokenString());
    }

    private Keycloak client() {
        Keycloak current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build(settings.url(), settings.realm(), builder -> builder
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret()));
                }
                current = client;
            }
        }
        return current;
    }

    /** A client built on Payara's Jersey (see {@link JerseyAdminClients}); {@code credentials} says how it signs in. */
    static Keycloak build(String url, String realm, UnaryOperator<KeycloakBuilder> credentials) {
        JerseyAdminClients jersey = new JerseyAdminClients();
        Keycloak.setClientProvider(jersey);
        return credentials.apply(KeycloakBuilder.builder().serverUrl(url).realm(realm)
                .resteasyClient(jersey.newRestEasyClient(null, null, false))).build();
    }

    /**
     * The id Keycloak gave a created object (the last segment of {@code Location}); a refused creation becomes
     * an exception that names what Keycloak said, never a silent half-provisioned state.
     */
    static String createdId(Response response, String what) {
        try (response) {
            if (response.getStatus() != 201) {
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                throw new KeycloakFailure(what, response.getStatus(), body);
            }
            String path = response.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
