package io.kefu.portal.identity.oidc;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * What the claims of a bearer token must say, on top of the library's checks (issuer, subject, expiry and
 * not-before within the tolerated skew, by the injected clock): it is meant for Kefu — Kefu's client among its
 * audiences or as its authorized party, as Keycloak issues them — and it is an access token, not an ID or
 * refresh token (Keycloak's {@code typ} claim).
 */
final class AccessTokenClaims extends DefaultJWTClaimsVerifier<SecurityContext> {

    private final String clientId;
    private final Clock clock;

    AccessTokenClaims(String issuer, String clientId, Duration skew, Clock clock) {
        super(null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"), null);
        setMaxClockSkew((int) skew.toSeconds());
        this.clientId = clientId;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId) && !clientId.equals(claims.getClaim("azp"))) {
            throw new BadJWTException("not meant for " + clientId);
        }
        Object type = claims.getClaim("typ");
        if (type != null && !"Bearer".equalsIgnoreCase(type.toString())) {
            throw new BadJWTException("not an access token: " + type);
        }
        if (claims.getSubject().isBlank()) {
            throw new BadJWTException("no subject");
        }
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }
}
