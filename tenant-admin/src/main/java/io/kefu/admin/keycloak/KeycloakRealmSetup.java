package io.kefu.admin.keycloak;

import io.kefu.identity.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Prepares a fresh Keycloak for Kefu, once: the realm (organizations on, residents may register, e-mail
 * verified, Chinese and English), the portal's confidential client (authorization code with PKCE S256, its
 * service account allowed to manage users and organizations, an audience mapper so its access tokens name
 * it) and the realm's mail server. Runs at startup when master-realm credentials are configured
 * ({@code KEFU_KEYCLOAK_SETUP_ADMIN} / {@code _PASSWORD}); a realm that exists is left as it is, so a
 * restart never overwrites what an operator changed in Keycloak's console. {@code docs/KEYCLOAK.md}
 * describes the same steps for doing them by hand.
 */
@ApplicationScoped
public class KeycloakRealmSetup {

    private static final Logger LOG = Logger.getLogger(KeycloakRealmSetup.class.getName());
    /** What the portal's service account may do in the realm: users and organizations, nothing more. */
    static final List<String> SERVICE_ROLES = List.of("manage-users", "view-users", "query-users", "manage-realm",
            "view-realm");

    @Inject
    KeycloakSettings settings;

    /** True when it created the realm now; false when there was nothing to do. */
    public boolean ensureRealm() {
        if (!settings.enabled() || settings.setupAdmin().isEmpty() || settings.setupPassword().isEmpty()) {
            return false;
        }
        try (Keycloak master = KeycloakAdmin.build(settings.url(), "master", builder -> builder
                .grantType(OAuth2Constants.PASSWORD).clientId("admin-cli")
                .username(settings.setupAdmin().get()).password(settings.setupPassword().get()))) {
            if (exists(master)) {
                return false;
            }
            master.realms().create(realm());
            RealmResource realm = master.realm(settings.realm());
            String clientUuid = KeycloakAdmin.createdId(realm.clients().create(client()), "create the portal client");
            grantServiceRoles(realm, clientUuid);
            constrainUsernames(realm);
            LOG.info(() -> "Created the Keycloak realm " + settings.realm() + " with client " + settings.clientId());
            return true;
        }
    }

    private boolean exists(Keycloak master) {
        try {
            master.realm(settings.realm()).toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    RealmRepresentation realm() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(settings.realm());
        realm.setEnabled(true);
        realm.setOrganizationsEnabled(true);
        realm.setRegistrationAllowed(true);
        realm.setVerifyEmail(true);
        realm.setLoginWithEmailAllowed(true);
        realm.setDuplicateEmailsAllowed(false);
        realm.setResetPasswordAllowed(true);
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(java.util.Set.of("zh-CN", "en"));
        realm.setDefaultLocale("zh-CN");
        // Password guessing at Keycloak's login page meets Keycloak's own brute-force detection (Kefu never sees
        // those passwords): after 10 failures within an hour the account waits 1 minute, one more per further
        // failure, 5 minutes at most, and never for good, so an attacker cannot keep a person out for long;
        // logins faster than a second apart wait a minute. Like Kefu's local throttle, it answers an unknown
        // user and a wrong password alike.
        realm.setBruteForceProtected(true);
        realm.setPermanentLockout(false);
        realm.setFailureFactor(10);
        realm.setWaitIncrementSeconds(60);
        realm.setMaxFailureWaitSeconds(300);
        realm.setMaxDeltaTimeSeconds(3600);
        realm.setQuickLoginCheckMilliSeconds(1000L);
        realm.setMinimumQuickLoginWaitSeconds(60);
        settings.smtpHost().ifPresent(host -> {
            Map<String, String> smtp = new HashMap<>();
            smtp.put("host", host);
            smtp.put("port", Integer.toString(settings.smtpPort()));
            smtp.put("from", settings.smtpFrom());
            smtp.put("fromDisplayName", "Kefu 客服");
            realm.setSmtpServer(smtp);
        });
        return realm;
    }

    ClientRepresentation client() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(settings.clientId());
        client.setName("Kefu portal");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setSecret(settings.clientSecret());
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(settings.passwordGrant());
        client.setServiceAccountsEnabled(true);
        client.setRedirectUris(settings.redirectUris());
        Map<String, String> attributes = new HashMap<>();
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("post.logout.redirect.uris", String.join("##", settings.redirectUris()));
        client.setAttributes(attributes);
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>();
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("kefu-audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", settings.clientId(), "access.token.claim", "true",
                "id.token.claim", "false"));
        mappers.add(audience);
        client.setProtocolMappers(mappers);
        // Named explicitly: a client created with only optional scopes gets no default ones, and its tokens then
        // lack even "sub" (scope "basic") and the username and e-mail (scopes "profile", "email").
        client.setDefaultClientScopes(List.of("basic", "profile", "email", "roles", "web-origins", "acr"));
        client.setOptionalClientScopes(List.of("organization", "offline_access"));
        return client;
    }

    /** The message Keycloak's registration page shows for a name Kefu would refuse, in the realm's languages. */
    static final String USERNAME_MESSAGE = "kefuUsernameInvalid";
    static final Map<String, String> USERNAME_MESSAGES = Map.of(
            "zh-CN", "用户名须为 2 至 64 个字符：字母、数字以及 . _ @ -，以字母或数字开头（不可使用 resident、system、anonymous）。",
            "en", "A username has 2 to 64 characters: letters, digits and . _ @ -, starting with a letter or digit"
                    + " (resident, system and anonymous are taken).");

    /**
     * Keycloak accepts usernames Kefu refuses (spaces, Chinese characters, "system"), and such a person could
     * register and then never get an account in Kefu. The realm's user profile checks Kefu's own rule instead
     * ({@link UserAccount#USERNAME_RULE_ANY_CASE}), at registration and wherever Keycloak edits a username.
     */
    void constrainUsernames(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        UPAttribute username = profile.getAttribute("username");
        Map<String, Map<String, Object>> validations = new HashMap<>(username.getValidations());
        validations.put("pattern", Map.of("pattern", UserAccount.USERNAME_RULE_ANY_CASE,
                "error-message", USERNAME_MESSAGE));
        username.setValidations(validations);
        realm.users().userProfile().update(profile);
        USERNAME_MESSAGES.forEach((locale, text) -> realm.localization().saveRealmLocalizationText(locale,
                USERNAME_MESSAGE, text));
    }

    private void grantServiceRoles(RealmResource realm, String clientUuid) {
        String serviceUser = realm.clients().get(clientUuid).getServiceAccountUser().getId();
        String managementUuid = realm.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> roles = SERVICE_ROLES.stream()
                .map(name -> realm.clients().get(managementUuid).roles().get(name).toRepresentation())
                .toList();
        realm.users().get(serviceUser).roles().clientLevel(managementUuid).add(roles);
    }
}
