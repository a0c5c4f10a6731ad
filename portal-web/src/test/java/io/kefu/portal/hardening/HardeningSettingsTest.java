package io.kefu.portal.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HardeningSettingsTest {

    private static HardeningSettings settings(String publicUrl) {
        HardeningSettings settings = new HardeningSettings();
        settings.publicUrl = publicUrl;
        settings.identitySource = "local";
        settings.keycloakUrl = "http://localhost:8180";
        settings.idleTimeout = Duration.ofMinutes(30);
        settings.absoluteTimeout = Duration.ofHours(12);
        settings.metricsToken = Optional.empty();
        return settings;
    }

    @Test
    void originsAreWrittenAsBrowsersSendThem() {
        assertEquals(Optional.of("https://kefu.example.com"),
                HardeningSettings.origin("HTTPS://Kefu.Example.com:443/x"));
        assertEquals(Optional.of("http://localhost:8080"), HardeningSettings.origin("http://localhost:8080/"));
        assertEquals(Optional.of("http://127.0.0.1"), HardeningSettings.origin("http://127.0.0.1:80"));
        assertEquals(Optional.empty(), HardeningSettings.origin("not a url"));
    }

    @Test
    void httpsOnlyWhenThePublicAddressIsHttps() {
        assertTrue(settings("https://kefu.example.com").isHttps());
        assertFalse(settings("http://localhost:8080").isHttps());
    }

    @Test
    void keycloakIsAFormTargetOnlyWhenItIsTheIdentitySource() {
        HardeningSettings settings = settings("http://localhost:8080");
        assertEquals(Optional.empty(), settings.identityProviderOrigin());
        settings.identitySource = "keycloak";
        settings.keycloakUrl = "https://sso.example.com/";
        assertEquals(Optional.of("https://sso.example.com"), settings.identityProviderOrigin());
    }

    @Test
    void aShortMetricsTokenKeepsMetricsClosed() {
        HardeningSettings settings = settings("http://localhost:8080");
        settings.metricsToken = Optional.of("short");
        assertEquals(Optional.empty(), settings.metricsToken());
        settings.metricsToken = Optional.of(" a-long-enough-scrape-token ");
        assertEquals(Optional.of("a-long-enough-scrape-token"), settings.metricsToken());
    }

    @Test
    void timeoutsMustBePositive() {
        HardeningSettings settings = settings("http://localhost:8080");
        settings.idleTimeout = Duration.ZERO;
        assertThrows(IllegalStateException.class, settings::idleTimeout);
        settings.absoluteTimeout = Duration.ofSeconds(-1);
        assertThrows(IllegalStateException.class, settings::absoluteTimeout);
    }
}
