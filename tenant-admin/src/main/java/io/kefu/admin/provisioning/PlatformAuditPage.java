package io.kefu.admin.provisioning;

import io.kefu.audit.boundary.PlatformAudit;
import io.kefu.audit.entity.PlatformAuditEntry.Action;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The platform's audit log (/platform/audit.xhtml), newest first, by action and by tenant; times in UTC. */
@Named
@ViewScoped
public class PlatformAuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the table, detached from the entity. */
    public record Row(String at, String actor, Action action, String tenant, String details) implements Serializable {
    }

    @Inject
    PlatformAudit audit;

    private Action action;
    private String tenant;

    private final LazyDataModel<Row> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) audit.count(action, tenant);
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return audit.page(action, tenant, first, pageSize).stream().map(e -> new Row(
                    WHEN.format(e.at().atZoneSameInstant(ZoneOffset.UTC)), e.actor(), e.action(), e.tenantSlug(),
                    e.details())).toList();
        }
    };

    public LazyDataModel<Row> getEntries() {
        return entries;
    }

    public Action[] getActions() {
        return Action.values();
    }

    public Action getAction() {
        return action;
    }

    public void setAction(Action action) {
        this.action = action;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
