package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak as the identity source, against a real Keycloak 26 started by the test run: the portal's startup
 * prepares the realm and the platform operator there; the REST API takes Keycloak's access tokens, verified
 * on every request, and nothing else.
 */
@EnabledIfSystemProperty(named = "kefu.it.kc.port", matches = ".+", disabledReason = "runs in the Keycloak run")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakIT {

    static final String OPERATOR = "platform.it";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void portalIsReady() {
        PortalClient.awaitReady(base);
    }

    static String operatorPassword() {
        return System.getProperty("kefu.it.admin.password");
    }

    @Test
    void startupPreparedTheRealmAndTheOperatorWhoseTokenOpensThePlatformApi() {
        assertTrue(KeycloakAccess.discovery().contains("\"issuer\":\"" + KeycloakServer.url() + "/realms/kefu\""));
        String token = KeycloakAccess.token(OPERATOR, operatorPassword());

        HttpResponse<String> tenants = PortalClient.bearer(base, token).get("/api/v1/platform/tenants");

        assertEquals(200, tenants.statusCode(), tenants.body());
        assertTrue(tenants.body().contains("huijing-property"), tenants.body());
        HttpResponse<String> me = PortalClient.bearer(base, token).get("/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(OPERATOR), me.body());
    }

    @Test
    void onlyKeycloakTokensMeantForKefuAreAccepted() {
        String token = KeycloakAccess.token(OPERATOR, operatorPassword());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertEquals(401, PortalClient.anonymous(base).get("/api/v1/platform/tenants").statusCode());
        HttpResponse<String> forged = PortalClient.bearer(base, tampered).get("/api/v1/platform/tenants");
        assertEquals(401, forged.statusCode(), "a token with a broken signature");
        assertTrue(forged.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, PortalClient.bearer(base, KeycloakAccess.masterAdminToken())
                .get("/api/v1/platform/tenants").statusCode(), "Keycloak's own admin token is not meant for Kefu");
        assertEquals(401, PortalClient.bearer(base, "not-a-token").get("/api/v1/platform/tenants").statusCode());

        HttpResponse<String> password = PortalClient.basic(base, OPERATOR, operatorPassword())
                .get("/api/v1/platform/tenants");
        assertEquals(401, password.statusCode(), "with Keycloak, passwords are Keycloak's");
        assertTrue(password.body().contains("Keycloak"), password.body());
    }
}
