package io.kefu.portal.confidentiality;

import io.kefu.confidentiality.boundary.ReadLog;
import io.kefu.confidentiality.entity.ReadEntry;
import io.kefu.identity.entity.Role;
import io.kefu.portal.identity.Access;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The read log of protected customer records (/t/{tenant}/staff/readlog) for supervisors: a lazy table paged in
 * SQL, filtered by reader, record key and days, with the API's CSV and Excel exports of the same filter.
 */
@Named
@ViewScoped
public class ReadLogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReadLog log;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    private String actor;
    private String customer;
    private LocalDate from;
    private LocalDate to;
    private transient LazyDataModel<ReadEntry> entries;

    public void load() throws IOException {
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR, Role.TENANT_ADMIN))) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
        }
    }

    public LazyDataModel<ReadEntry> getEntries() {
        if (entries == null) {
            entries = new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filters) {
                    return (int) log.count(actor, customer, since(), until());
                }

                @Override
                public List<ReadEntry> load(int first, int pageSize, Map<String, SortMeta> sort,
                        Map<String, FilterMeta> filters) {
                    return log.page(actor, customer, since(), until(), first, pageSize);
                }

                @Override
                public String getRowKey(ReadEntry entry) {
                    return String.valueOf(entry.id());
                }

                @Override
                public ReadEntry getRowData(String rowKey) {
                    return null;
                }
            };
        }
        return entries;
    }

    /** The API's export of what the table shows, with the session. */
    public String export(String extension) {
        StringBuilder query = new StringBuilder();
        append(query, "actor", actor);
        append(query, "customer", customer);
        append(query, "from", from == null ? null : from.toString());
        append(query, "to", to == null ? null : to.toString());
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + tenant.get().slug().value() + "/read-log/export." + extension + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private ZoneId zone() {
        return tenant.get().zone();
    }

    private OffsetDateTime since() {
        return from == null ? null : from.atStartOfDay(zone()).toOffsetDateTime();
    }

    private OffsetDateTime until() {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone()).toOffsetDateTime();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
