package io.kefu.portal.confidentiality;

import io.kefu.complaint.entity.Complaint;
import io.kefu.confidentiality.boundary.AccessGrants;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.faces.FacesFailures;
import io.kefu.portal.staff.CasePage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The case page's contact as the reader may see it, and its access block: when the case's customer record is
 * above the reader's clearance, the contact is masked and the reader can ask a supervisor for access or break the
 * glass with a stated reason. Each request that shows the contact unmasked is one read in the read log.
 */
@Named
@RequestScoped
public class CaseAccess {

    @Inject
    CasePage page;

    @Inject
    Disclosure disclosure;

    @Inject
    AccessGrants grants;

    @Inject
    Clock clock;

    private Sight sight;
    private Contact contact;
    private String reason;

    /** The case's contact, masked below the reader's clearance; reading it unmasked is logged once per request. */
    public Contact getContact() {
        if (contact == null) {
            Complaint complaint = page.getCase();
            if (complaint == null) {
                return new Contact(null, null, null, null);
            }
            sight = disclosure.read(complaint.customerId(), complaint.number().toString(), ReadChannel.PAGE);
            contact = sight.apply(Contact.of(complaint));
        }
        return contact;
    }

    public boolean isMasked() {
        return getContact().isMasked();
    }

    /** Why the contact is shown: {@code GRANT}, {@code BREAK_GLASS} (with its end) or null. */
    public Sight getSight() {
        getContact();
        return sight;
    }

    /** The reader's latest request for this record while it waits for a supervisor. */
    public Optional<AccessGrant> getPending() {
        Complaint complaint = page.getCase();
        if (complaint == null || complaint.customerId() == null || !isMasked()) {
            return Optional.empty();
        }
        return grants.mine(complaint.customerId()).stream()
                .filter(g -> g.state() == AccessGrant.State.REQUESTED).findFirst();
    }

    /** When the reader's grant or break-glass read that shows the contact ends. */
    public OffsetDateTime getOpenUntil() {
        Sight s = getSight();
        if (s == null || s.grantKey() == null) {
            return null;
        }
        return grants.get(s.grantKey()).endsAt();
    }

    public void request() {
        ask(false);
    }

    public void breakGlass() {
        ask(true);
    }

    private void ask(boolean now) {
        Complaint complaint = page.getCase();
        if (complaint == null || complaint.customerId() == null) {
            return;
        }
        String key = grants.keyOf(complaint.customerId());
        if (now) {
            grants.breakGlass(key, complaint.number().toString(), reason);
        } else {
            grants.request(key, complaint.number().toString(), reason);
        }
        reason = null;
        contact = null;
        sight = null;
        FacesFailures.info(now ? "access.breakGlass.done" : "access.request.done");
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
