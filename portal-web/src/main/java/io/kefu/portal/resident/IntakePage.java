package io.kefu.portal.resident;

import io.kefu.complaint.boundary.Filing;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.IdempotencyKey;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.Upload;
import io.kefu.faces.FacesFailures;
import io.kefu.portal.api.RateLimited;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.complaint.PortalFiling;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * The intake form (/t/{tenant}/complaints/new): a resident files on a phone in a minute; staff use the same
 * form to register a call, letter or visit (they also pick the channel). On success the page shows the case
 * number and the private tracking link instead of the form.
 */
@Named
@RequestScoped
public class IntakePage {

    @Inject
    PortalFiling portalFiling;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    io.kefu.workspace.boundary.WorkspaceSetup setup;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    private CaseKind kind = CaseKind.COMPLAINT;
    private String categoryCode;
    private String description;
    private String location;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private String desiredOutcome;
    private boolean anonymous;
    private Channel channel = Channel.PHONE;
    private String website;
    private UploadedFiles files;
    private String submitToken;
    /** The case just filed and its tracking token, shown on the confirmation once (only its hash is kept). */
    private Filing.Filed filed;
    private List<Category> categories;

    public void submit() {
        try {
            filed = portalFiling.file(() -> new Intake(kind, categoryCode, description, location, contactName,
                    contactPhone, contactEmail, desiredOutcome, anonymous), () -> isStaff() ? channel : null, null,
                    null, website, uploads(), submitToken);
        } catch (RateLimited limited) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    FacesFailures.text(faces, "rate.limited", (limited.retryAfterSeconds() + 59) / 60), null));
            faces.validationFailed();
        } catch (KefuException failure) {
            FacesFailures.show(failure, "intake");
        }
    }

    private List<Upload> uploads() {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (UploadedFile file : files.getFiles()) {
                if (file.getSize() > 0) {
                    uploads.add(new Upload(file.getFileName(), file.getContent()));
                }
            }
        }
        return uploads;
    }

    public List<Category> getCategories() {
        if (categories == null) {
            categories = workspace.categories().stream().filter(Category::isActive).toList();
        }
        return categories;
    }

    public CaseKind[] getKinds() {
        return CaseKind.values();
    }

    public Channel[] getChannels() {
        return new Channel[] {Channel.PHONE, Channel.LETTER, Channel.VISIT, Channel.ONLINE};
    }

    public boolean isStaff() {
        return caller.isStaff();
    }

    public boolean isAnonymousAllowed() {
        return office.settings().anonymousAllowed();
    }

    /** A resident who is not signed in, where the office does not accept anonymous cases. */
    public boolean isSignInNeeded() {
        return !caller.isStaff() && caller.resident() == null && !isAnonymousAllowed();
    }

    public String getTrackingPath() {
        return filed == null ? null : "track/" + filed.trackingToken();
    }

    public Complaint getFiled() {
        return filed == null ? null : filed.complaint();
    }

    /**
     * Names this filling-in of the form: made when the form is shown, sent back with it. The same form sent twice
     * (a double click, the browser resending after a timeout) files one case and shows it both times.
     */
    public String getSubmitToken() {
        if (submitToken == null) {
            submitToken = IdempotencyKey.generate();
        }
        return submitToken;
    }

    public void setSubmitToken(String submitToken) {
        this.submitToken = submitToken;
    }

    /** Whether the tenant makes a resident fill in this contact field (NAME, EMAIL, LOCATION): marked with *. */
    public boolean required(String field) {
        return !isStaff() && setup.settings().requiredFields().stream().anyMatch(f -> f.name().equals(field));
    }

    /** The tenant's limits for residents (staff registering a case keep the system's). */
    public int getMaxFiles() {
        return isStaff() ? Upload.MAX_FILES : setup.settings().maxFiles();
    }

    public int getMaxFileMegabytes() {
        return isStaff() ? Upload.MAX_FILE_BYTES / (1024 * 1024) : setup.settings().maxFileMb();
    }

    public CaseKind getKind() {
        return kind;
    }

    public void setKind(CaseKind kind) {
        this.kind = kind;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getDesiredOutcome() {
        return desiredOutcome;
    }

    public void setDesiredOutcome(String desiredOutcome) {
        this.desiredOutcome = desiredOutcome;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public UploadedFiles getFiles() {
        return files;
    }

    public void setFiles(UploadedFiles files) {
        this.files = files;
    }
}
