package io.kefu.portal.confidentiality;

import io.kefu.confidentiality.boundary.AccessGrants;
import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.entity.Role;
import io.kefu.portal.identity.Access;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The supervisors' access grants page (/t/{tenant}/staff/grants): requests waiting (grant for some hours or
 * refuse with a note), grants and break-glass reads in force (revoke), and access given without a request.
 */
@Named
@ViewScoped
public class GrantsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessGrants grants;

    @Inject
    Access access;

    private transient List<AccessGrant> pending;
    private transient List<AccessGrant> active;
    private transient Map<Long, String> keys;
    private int hours = 8;
    private String note;
    private String customer;
    private String username;
    private String reason;

    public void load() throws IOException {
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR))) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
        }
    }

    public List<AccessGrant> getPending() {
        if (pending == null) {
            pending = grants.pending();
        }
        return pending;
    }

    public List<AccessGrant> getActive() {
        if (active == null) {
            active = grants.active();
        }
        return active;
    }

    /** The key of the grant's record, as staff name it. */
    public String customerKey(AccessGrant grant) {
        if (keys == null) {
            keys = new HashMap<>();
        }
        return keys.computeIfAbsent(grant.customerId(), grants::keyOf);
    }

    public void grant(String key) {
        decide(() -> grants.grant(key, hours, note), "grants.done.grant");
    }

    public void refuse(String key) {
        decide(() -> grants.refuse(key, note), "grants.done.refuse");
    }

    public void revoke(String key) {
        decide(() -> grants.revoke(key), "grants.done.revoke");
    }

    public void give() {
        decide(() -> grants.give(customer, username, null, reason, hours), "grants.done.give");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            customer = null;
            username = null;
            reason = null;
        }
    }

    private void decide(Supplier<AccessGrant> decision, String done) {
        decision.get();
        note = null;
        pending = null;
        active = null;
        FacesFailures.info(done);
    }

    public int getHours() {
        return hours;
    }

    public void setHours(int hours) {
        this.hours = hours;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
