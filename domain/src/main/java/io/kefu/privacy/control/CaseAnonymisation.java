package io.kefu.privacy.control;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Complaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Removes a case's personal data and every copy of it the portal made: the case's contact fields, the contact
 * copied into its callbacks, its private tracking links and filing receipts (they open the case as its resident),
 * the mails sent to the contact about it, and, when asked, its attachments. Joins the caller's transaction: the
 * retention job runs one case per transaction, an erasure all of a customer's cases in one.
 */
@ApplicationScoped
public class CaseAnonymisation {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Anonymises {@code complaint} (managed, of the current tenant); deletes its attachments too when asked. */
    @Transactional(TxType.MANDATORY)
    public void anonymise(Complaint complaint, boolean deleteAttachments) {
        String email = complaint.contactEmail();
        complaint.anonymise(clock);
        em.createNamedQuery(CallbackTask.OF_CASE, CallbackTask.class).setParameter("complaint", complaint)
                .getResultStream().forEach(CallbackTask::anonymise);
        em.createQuery("DELETE FROM TrackingKey k WHERE k.complaint = :complaint")
                .setParameter("complaint", complaint).executeUpdate();
        em.createQuery("DELETE FROM FilingReceipt r WHERE r.complaint = :complaint")
                .setParameter("complaint", complaint).executeUpdate();
        if (email != null) {
            // Mails are not linked to their case: every mail to a case's contact names its number.
            String number = "%" + complaint.number() + "%";
            em.createQuery("DELETE FROM OutboundMail m WHERE m.tenantId = :tenant AND m.recipient = :recipient "
                    + "AND (m.subject LIKE :number OR m.body LIKE :number)")
                    .setParameter("tenant", complaint.tenantId()).setParameter("recipient", email)
                    .setParameter("number", number).executeUpdate();
        }
        if (deleteAttachments) {
            em.createQuery("DELETE FROM Attachment a WHERE a.complaint = :complaint")
                    .setParameter("complaint", complaint).executeUpdate();
        }
    }
}
