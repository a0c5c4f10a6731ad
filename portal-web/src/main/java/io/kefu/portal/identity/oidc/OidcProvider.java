package io.kefu.portal.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.kefu.admin.keycloak.KeycloakSettings;
import io.kefu.identity.boundary.ExternalPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Kefu's side of the conversation with Keycloak's OpenID Connect endpoints, spoken through Connect2id's
 * libraries: the authorization request (code flow, PKCE S256, state, nonce) and the code-for-token exchange by
 * {@code oauth2-oidc-sdk}, which also validates the ID token (signature, issuer, audience, authorized party,
 * expiry, issue time, nonce); bearer tokens by {@code nimbus-jose-jwt}'s JWT processor (RS256 only).
 *
 * <p>Both check signatures against the realm's published keys, as {@link RealmKeys} keeps them: a key Keycloak
 * stops publishing is no longer trusted once its cache is refreshed, without a restart.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    /** Clock difference tolerated between Keycloak and this node. */
    static final Duration SKEW = Duration.ofSeconds(30);
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;

    @Inject
    KeycloakSettings settings;

    @Inject
    Clock clock;

    @Inject
    RealmKeys realmKeys;

    public boolean enabled() {
        return settings.enabled();
    }

    String clientId() {
        return settings.clientId();
    }

    private URI endpoint(String name) {
        return URI.create(settings.issuer() + "/protocol/openid-connect/" + name);
    }

    /** Where to send the browser to log in (or, with {@code register}, to Keycloak's registration form). */
    URI authorizationUrl(URI redirectUri, State state, Nonce nonce, CodeVerifier verifier, boolean register,
            String locale) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), new ClientID(settings.clientId()), redirectUri)
                .endpointURI(endpoint(register ? "registrations" : "auth"))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        try {
            request.uiLocales(List.of(LangTag.parse(locale)));
        } catch (LangTagException e) {
            // Keycloak then shows its default language: not worth failing a login for.
            LOG.fine(() -> "Not a language tag: " + locale);
        }
        return request.build().toURI();
    }

    /** Keycloak's logout page, which ends its session and sends the browser back to {@code returnTo}. */
    public String logoutUrl(String idToken, String returnTo) {
        JWT hint = null;
        if (idToken != null) {
            try {
                hint = JWTParser.parse(idToken);
            } catch (java.text.ParseException e) {
                LOG.fine("Stored ID token unreadable; logging out without the hint");
            }
        }
        return new LogoutRequest(endpoint("logout"), hint, null, new ClientID(settings.clientId()),
                URI.create(returnTo), null, null).toURI().toString();
    }

    /** Trades the authorization code for tokens (the client authenticates with its secret; PKCE verifier). */
    Tokens exchange(String code, URI redirectUri, CodeVerifier verifier) {
        TokenRequest request = new TokenRequest(endpoint("token"),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new OidcFailure("Keycloak not reachable: " + e.getMessage());
        } catch (ParseException e) {
            throw new OidcFailure("token endpoint answered something else than tokens: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            throw new OidcFailure("token endpoint refused: " + response.toErrorResponse().getErrorObject());
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)
                || tokens.getOIDCTokens().getIDToken() == null) {
            throw new OidcFailure("token endpoint answered without an ID token");
        }
        return new Tokens(tokens.getOIDCTokens().getIDTokenString(),
                tokens.getOIDCTokens().getAccessToken().getValue());
    }

    /** The tokens of one login. */
    record Tokens(String idToken, String accessToken) {
    }

    /**
     * The person an ID token from the login just made names: signed by the realm, issued by it for this client,
     * current, carrying the nonce this browser was given.
     */
    ExternalPerson verifyIdToken(String idToken, Nonce expectedNonce) {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(settings.issuer()),
                new ClientID(settings.clientId()),
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys.source()), null);
        validator.setMaxClockSkew((int) SKEW.toSeconds());
        try {
            IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken), expectedNonce);
            return person(claims.toJWTClaimsSet());
        } catch (BadJOSEException | JOSEException | java.text.ParseException | ParseException e) {
            throw new OidcFailure("ID token not valid: " + e.getMessage());
        }
    }

    /**
     * The person a bearer token names when it is an access token of this realm meant for Kefu (its audience or
     * authorized party is Kefu's client) and still valid; empty otherwise.
     */
    public Optional<ExternalPerson> verifyAccessToken(String accessToken) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys.source()));
        processor.setJWTClaimsSetVerifier(new AccessTokenClaims(settings.issuer(), settings.clientId(), SKEW, clock));
        try {
            return Optional.of(person(processor.process(accessToken, null)));
        } catch (BadJOSEException | java.text.ParseException | RateLimitReachedException e) {
            // Forged, expired, not for Kefu, or signed with a key id Keycloak does not publish (asked recently).
            return Optional.empty();
        } catch (JOSEException e) {
            // Keycloak unreachable while a key was needed: the token cannot be checked, so it is not taken.
            LOG.warning(() -> "Could not check a bearer token against the realm's keys: " + e);
            return Optional.empty();
        }
    }

    /** The person a verified token (ID or access) describes. */
    static ExternalPerson person(JWTClaimsSet claims) {
        return new ExternalPerson(claims.getSubject(), text(claims, "preferred_username", ""),
                text(claims, "email", null), Boolean.TRUE.equals(bool(claims, "email_verified")),
                displayName(claims));
    }

    /**
     * Keycloak's {@code name} is "given family", right for 王 Ann Lee and wrong for 陈晨, whom Chinese readers
     * know family name first and without a space: Chinese names are put back together that way.
     */
    static String displayName(JWTClaimsSet claims) {
        String given = text(claims, "given_name", "").strip();
        String family = text(claims, "family_name", "").strip();
        if (!given.isEmpty() && !family.isEmpty() && han(given) && han(family)) {
            return family + given;
        }
        return text(claims, "name", null);
    }

    private static boolean han(String text) {
        return text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String text(JWTClaimsSet claims, String name, String fallback) {
        try {
            String value = claims.getStringClaim(name);
            return value == null ? fallback : value;
        } catch (java.text.ParseException e) {
            return fallback;
        }
    }

    private static Boolean bool(JWTClaimsSet claims, String name) {
        try {
            return claims.getBooleanClaim(name);
        } catch (java.text.ParseException e) {
            return null;
        }
    }
}
