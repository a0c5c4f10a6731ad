package io.kefu.portal.identity;

import io.kefu.admin.keycloak.KeycloakDirectory;
import io.kefu.admin.keycloak.KeycloakRealmSetup;
import io.kefu.admin.keycloak.KeycloakSettings;
import io.kefu.identity.boundary.Accounts;
import io.kefu.schema.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A fresh installation has nobody who could create the first tenant. When {@code KEFU_BOOTSTRAP_ADMIN_USERNAME}
 * and {@code KEFU_BOOTSTRAP_ADMIN_PASSWORD} are set and no platform operator exists yet, one is created at
 * startup (the way Keycloak bootstraps its admin). Once any operator exists the settings are ignored.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "kefu.bootstrap.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "kefu.bootstrap.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "kefu.bootstrap.admin.email")
    Optional<String> email;

    @Inject
    KeycloakSettings keycloak;

    @Inject
    KeycloakRealmSetup realmSetup;

    @Inject
    KeycloakDirectory directory;

    void onStartup(@Observes SchemaMigrated schema) {
        // A fresh Keycloak gets Kefu's realm first (only when setup credentials are configured).
        realmSetup.ensureRealm();
        if (username.isEmpty() || password.isEmpty() || accounts.anyPlatformAdmin()) {
            return;
        }
        if (accounts.exists(username.get())) {
            LOG.warning(() -> "Bootstrap operator " + username.get() + " exists but is no operator; not changed");
            return;
        }
        if (keycloak.enabled()) {
            // With Keycloak the operator logs in there: same name and password, tied to Keycloak's id of them.
            // Made there first, so a Keycloak that is down leaves no operator behind and the next start tries
            // again; a Keycloak user of that name with another e-mail is somebody else and is never adopted.
            String address = email.orElse(username.get() + "@operators.kefu.invalid");
            try {
                String subject = directory.ensureOperator(username.get(), address, password.get().toCharArray());
                accounts.createPlatformAdmin(username.get(), "Platform operator", address,
                        password.get().toCharArray(), subject);
            } catch (RuntimeException e) {
                LOG.severe(() -> "No bootstrap platform operator: " + e.getMessage());
                return;
            }
        } else {
            accounts.createPlatformAdmin(username.get(), "Platform operator", password.get().toCharArray());
        }
        LOG.info(() -> "Created the bootstrap platform operator " + username.get());
    }
}
