package io.kefu.admin.resident;

import io.kefu.export.Csv;
import io.kefu.faces.FacesFailures;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.BackgroundImports;
import io.kefu.resident.boundary.Residents;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.ResidentImport;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The residents page (/t/{tenant}/admin/residents): upload a CSV or Excel file, watch the import's progress
 * (read from its database row, so any node answers the poll), download the refused rows, and search the
 * register in a lazy table paged in SQL.
 */
@Named
@ViewScoped
public class ResidentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Residents residents;

    @Inject
    Disclosure disclosure;

    @Inject
    BackgroundImports imports;


    private String query;
    private Long importId;
    private transient ResidentImport lastImport;
    /** The page's entries as the reader may see them: masked where their customer record is above the clearance. */
    private transient Map<Resident, Contact> contacts = Map.of();

    /**
     * Transient: the model keeps the page it loaded, entities that are not Serializable, and the session with this
     * view is written to the data grid after every request. A node that takes the session over makes a new one,
     * which loads its page again like every request does.
     */
    private transient LazyDataModel<Resident> register;

    private LazyDataModel<Resident> newRegisterModel() {
        return new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filters) {
                return (int) residents.count(query);
            }

            @Override
            public List<Resident> load(int first, int pageSize, Map<String, SortMeta> sort,
                    Map<String, FilterMeta> filters) {
                List<Resident> page = residents.page(query, first, pageSize);
                Map<Long, Long> records = disclosure.recordsOfEntries(page.stream().map(Resident::id).toList());
                List<Sight> sights = disclosure.readAll(page, r -> records.get(r.id()), r -> null, ReadChannel.PAGE);
                contacts = new java.util.IdentityHashMap<>();
                for (int i = 0; i < page.size(); i++) {
                    Resident r = page.get(i);
                    contacts.put(r, sights.get(i).apply(new Contact(r.name(), r.phone(), r.email(), null)));
                }
                return page;
            }

            @Override
            public String getRowKey(Resident resident) {
                return String.valueOf(resident.id());
            }

            @Override
            public Resident getRowData(String rowKey) {
                return null;
            }
        };
    }

    @PostConstruct
    void load() {
    }

    public void upload(FileUploadEvent event) {
        try {
            lastImport = imports.submit(event.getFile().getFileName(), event.getFile().getContent());
            importId = lastImport.id();
        } catch (KefuException failure) {
            importId = null;
            lastImport = null;
            FacesFailures.show(failure, null);
        }
    }

    /** The import being shown, as last read from the database. */
    public ResidentImport getImport() {
        if (importId == null) {
            return null;
        }
        if (lastImport == null) {
            lastImport = residents.getImport(importId);
        }
        return lastImport;
    }

    /** Read afresh from the import's row on every poll of the progress bar (any node may answer it). */
    public int getPercent() {
        if (importId == null) {
            return 0;
        }
        lastImport = residents.getImport(importId);
        return lastImport.percent();
    }

    /** The bar reached 100%: the outcome (shown under the bar) and the new rows of the register are shown. */
    public void finished() {
        ResidentImport run = importId == null ? null : residents.getImport(importId);
        lastImport = run;
        if (run != null) {
            run.failure().ifPresent(reason -> FacesFailures.show(KefuException.conflict(reason), null));
        }
    }

    public StreamedContent getReport() {
        ResidentImport run = getImport();
        if (run == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] csv = run.reportCsv(List.of(FacesFailures.text(faces, "residents.report.row"),
                FacesFailures.text(faces, "residents.report.field"),
                FacesFailures.text(faces, "residents.report.reason")),
                r -> FacesFailures.text(faces, r.messageKey(), r.arguments().toArray()));
        return DefaultStreamedContent.builder().name("residents-import-" + run.id() + "-errors.csv")
                .contentType(Csv.MEDIA_TYPE).stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public Contact contact(Resident r) {
        Contact shown = contacts == null ? null : contacts.get(r);
        return shown != null ? shown : new Contact(r.name(), r.phone(), r.email(), null).masked();
    }

    public LazyDataModel<Resident> getRegister() {
        if (register == null) {
            register = newRegisterModel();
        }
        return register;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
