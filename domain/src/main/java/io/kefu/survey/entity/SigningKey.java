package io.kefu.survey.entity;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The secret that signs a tenant's survey links: 256 random bits, made the first time the tenant needs one and
 * kept in the database, so that every node verifies what another signed and a restart invalidates nothing.
 * Each tenant has its own: a link signed for one tenant is not valid in another.
 */
@Entity
@Table(name = "survey_signing_key")
@NamedQuery(name = SigningKey.OF_TENANT, query = "SELECT k FROM SigningKey k")
public class SigningKey extends TenantOwned {

    public static final String OF_TENANT = "SigningKey.ofTenant";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "secret", nullable = false, updatable = false, length = 64)
    private String secret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected SigningKey() {
        // for JPA
    }

    public static SigningKey generate(Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        SigningKey key = new SigningKey();
        key.secret = Base64.getEncoder().encodeToString(bytes);
        key.createdAt = Clocks.utcNow(clock);
        return key;
    }

    public SurveyLink.Signer signer() {
        return new SurveyLink.Signer(Base64.getDecoder().decode(secret));
    }
}
