package io.kefu.survey.boundary;

import io.kefu.survey.entity.SigningKey;
import io.kefu.survey.entity.SurveyLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current tenant's link-signing key. Made on first use in a transaction of its own and committed at once,
 * so a link signed in one request verifies in the next on any node, even if the first request then fails.
 */
@ApplicationScoped
@Transactional
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SigningKeys self;

    public SurveyLink.Signer signer() {
        Optional<SigningKey> key = stored();
        if (key.isEmpty()) {
            try {
                self.create();
            } catch (RuntimeException e) {
                // Another node made the key at the same moment (one per tenant): theirs is the key.
                LOG.log(Level.FINE, "Signing key made concurrently", e);
            }
            key = stored();
        }
        return key.orElseThrow().signer();
    }

    private Optional<SigningKey> stored() {
        return em.createNamedQuery(SigningKey.OF_TENANT, SigningKey.class).getResultStream().findFirst();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void create() {
        em.persist(SigningKey.generate(clock));
        em.flush();
    }
}
