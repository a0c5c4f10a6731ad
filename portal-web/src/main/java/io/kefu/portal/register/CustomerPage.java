package io.kefu.portal.register;

import io.kefu.confidentiality.boundary.RecordSight;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.boundary.Member;
import io.kefu.portal.identity.Access;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.CustomerRecords;
import io.kefu.resident.control.CustomerRecord;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One customer record (/t/{tenant}/staff/customer?key=…): what the office keeps about the customer, their entries
 * on the register and their whole history, newest first, a page at a time; staff edit the record, supervisors
 * (and the tenant admin) also its confidentiality level. The record is read through {@link CustomerRecords#open}
 * only, like the API reads it.
 */
@Named
@ViewScoped
public class CustomerPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int HISTORY_SIZE = 20;

    @Inject
    RecordSight sight;

    @Inject
    Office office;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    private String key;
    private int historyPage;
    /** Plain values (see {@link CustomerRecord}): safe in the replicated session. */
    private CustomerRecord record;
    /** Whether the record is shown masked: the reader is below its level and holds no grant. */
    private boolean masked;
    private long tenantId;
    private CustomerKind kind;
    private String name;
    private boolean vip;
    private String handler;
    private String notes;
    private Confidentiality level;

    /** The view action of the first GET: the record, or a 404 when there is none with this key here. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            return;
        }
        tenantId = tenant.get().id();
        try {
            show(sight.open(key, historyPage, HISTORY_SIZE, ReadChannel.PAGE));
        } catch (KefuException e) {
            if (e.failure() != Failure.NOT_FOUND) {
                throw e;
            }
            record = null;
            faces.getExternalContext().setResponseStatus(404);
        }
    }

    private void show(RecordSight.Shown shown) {
        CustomerRecord opened = shown.record();
        masked = shown.masked();
        record = opened;
        kind = opened.kind();
        name = opened.name();
        vip = opened.vip();
        handler = opened.handler();
        notes = opened.notes();
        level = opened.confidentiality();
    }

    /** Saves the record as edited; every field at fault is shown at once and nothing is saved. */
    public void save() {
        if (!sameRecord()) {
            return;
        }
        RecordSight.Shown saved = sight.edit(key, new CustomerRecords.Edit(record.version(), kind, name, vip,
                handler, notes, level), getMayClassify(), HISTORY_SIZE, ReadChannel.PAGE);
        historyPage = 0;
        show(saved);
        FacesFailures.info("customer.saved");
    }

    public void nextHistory() {
        turn(historyPage + 1);
    }

    public void previousHistory() {
        turn(Math.max(0, historyPage - 1));
    }

    private void turn(int page) {
        if (!sameRecord()) {
            return;
        }
        historyPage = page;
        RecordSight.Shown shown = sight.open(key, historyPage, HISTORY_SIZE, ReadChannel.PAGE);
        masked = shown.masked();
        record = shown.record();
    }

    /** A post of this view under another tenant's address does nothing there. */
    private boolean sameRecord() {
        if (record != null && tenant.get().id() == tenantId) {
            return true;
        }
        FacesFailures.show(KefuException.conflict("concurrent.change"), null);
        return false;
    }

    public boolean isMasked() {
        return masked;
    }

    /** Supervisors and the tenant admin set the confidentiality level; staff see it. */
    public boolean getMayClassify() {
        return access.isSupervisor() || access.isTenantAdmin();
    }

    public List<Member> getAssignable() {
        return office.assignable();
    }

    /** The handler's display name, or the username of someone no longer among the assignable people. */
    public String handlerName(String username) {
        return office.assignable().stream().filter(m -> m.username().equals(username)).findFirst()
                .map(Member::displayName).orElse(username);
    }

    /** A callback's outcome when it has one, else its status, in the page's language. */
    public String callbackResult(String code) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String outcome = FacesFailures.text(faces, "callback.outcome." + code);
        return outcome.equals("callback.outcome." + code) ? FacesFailures.text(faces, "callback.status." + code)
                : outcome;
    }

    public CustomerKind[] getKinds() {
        return CustomerKind.values();
    }

    public Confidentiality[] getLevels() {
        return Confidentiality.values();
    }

    public CustomerRecord getRecord() {
        return record;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public CustomerKind getKind() {
        return kind;
    }

    public void setKind(CustomerKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isVip() {
        return vip;
    }

    public void setVip(boolean vip) {
        this.vip = vip;
    }

    public String getHandler() {
        return handler;
    }

    public void setHandler(String handler) {
        this.handler = handler;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Confidentiality getLevel() {
        return level;
    }

    public void setLevel(Confidentiality level) {
        this.level = level;
    }
}
