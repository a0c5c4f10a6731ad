package io.kefu.admin.privacy;

import io.kefu.export.Xlsx;
import io.kefu.faces.FacesFailures;
import io.kefu.privacy.boundary.CustomerData;
import io.kefu.privacy.boundary.RetentionPolicies;
import io.kefu.privacy.control.CustomerDataFiles;
import io.kefu.privacy.control.CustomerDossier;
import io.kefu.privacy.entity.AttachmentRule;
import io.kefu.privacy.entity.RetentionPolicy;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.Optional;
import java.util.ResourceBundle;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Privacy and retention (/t/{tenant}/admin/privacy): the retention policy saved as a whole at the version it was
 * read; a customer found by record key or phone, their data downloaded, or erased once the admin has typed the
 * record's key again. View-scoped and bound to the tenant it was opened for.
 */
@Named
@ViewScoped
public class PrivacyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RetentionPolicies policies;

    @Inject
    CustomerData data;

    @Inject
    CurrentTenant currentTenant;

    private Integer months;
    private String attachments;
    private long version;
    private String query;
    private String key;
    private CustomerDossier.Record record;
    private boolean confirming;
    private String confirmation;

    @PostConstruct
    void load() {
        RetentionPolicy policy = policies.policy();
        months = policy.months();
        attachments = policy.attachments().name();
        version = policy.version();
    }

    public void savePolicy() {
        version = policies.change(months, attachments, version).version();
        FacesFailures.info("admin.saved");
    }

    public void find() {
        confirming = false;
        confirmation = null;
        Optional<String> found = data.find(query);
        key = found.orElse(null);
        record = found.map(data::record).orElse(null);
        if (record == null) {
            FacesFailures.info("privacy.customer.none");
        }
    }

    /** The first step of an erasure: the admin is asked to type the record's key. */
    public void askErasure() {
        confirming = key != null;
        confirmation = null;
    }

    public void cancelErasure() {
        confirming = false;
        confirmation = null;
    }

    public void erase() {
        if (key == null) {
            return;
        }
        if (confirmation == null || !confirmation.strip().equals(key)) {
            FacesFailures.show(KefuException.invalid("confirmation", "privacy.erase.confirm.wrong"), "erasure");
            return;
        }
        CustomerData.Erased erased = data.erase(key);
        record = data.record(key);
        confirming = false;
        confirmation = null;
        FacesFailures.info("privacy.erased", erased.registerEntries(), erased.cases(), erased.callbacks());
    }

    public StreamedContent getJson() {
        if (key == null) {
            return null;
        }
        byte[] file = CustomerDataFiles.json(data.export(key, "json"));
        return download(file, CustomerDataFiles.JSON_MEDIA_TYPE, "json");
    }

    public StreamedContent getXlsx() {
        if (key == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "msg");
        byte[] file = CustomerDataFiles.xlsx(data.export(key, "xlsx"), texts, currentTenant.get().zone());
        return download(file, Xlsx.MEDIA_TYPE, "xlsx");
    }

    private StreamedContent download(byte[] file, String type, String extension) {
        return DefaultStreamedContent.builder().name(CustomerDataFiles.fileName(key, extension)).contentType(type)
                .stream(() -> new ByteArrayInputStream(file)).build();
    }

    public AttachmentRule[] getRules() {
        return AttachmentRule.values();
    }

    public int getMinMonths() {
        return RetentionPolicy.MIN_MONTHS;
    }

    public int getMaxMonths() {
        return RetentionPolicy.MAX_MONTHS;
    }

    public Integer getMonths() {
        return months;
    }

    public void setMonths(Integer months) {
        this.months = months;
    }

    public String getAttachments() {
        return attachments;
    }

    public void setAttachments(String attachments) {
        this.attachments = attachments;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public CustomerDossier.Record getRecord() {
        return record;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
