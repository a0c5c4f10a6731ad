package io.kefu.admin.people;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The tenant's audit log (/t/{tenant}/admin/audit), newest first, a page at a time, filtered by action and by
 * person; times in the tenant's zone.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The actions the filter offers; each has its label {@code audit.action.<code>}. */
    static final List<String> ACTIONS = List.of("user.invite", "user.invite.resend", "user.remove", "user.role",
            "user.disable", "user.enable",
            "department.member.add", "department.member.remove", "settings.office", "settings.calendar-day.add",
            "settings.calendar-day.remove", "settings.service-level", "settings.phrase.add", "settings.phrase.remove",
            "settings.canned-reply.add", "settings.canned-reply.remove", "settings.department.add",
            "settings.department.rename", "settings.category.add", "settings.callback-policy",
            "settings.courtesy-plan.add", "settings.courtesy-plan.change", "settings.survey",
            "settings.survey-template.create", "settings.survey-template.revise", "settings.survey-template.publish",
            "settings.campaign.plan", "settings.campaign.close", "settings.workspace", "settings.logo",
            "residents.import", "customer.edit", "customer.level", "login.failed");

    /** One line of the table, detached from the entity. */
    public record Row(long id, String at, String actor, String action, String target, String before, String after)
            implements Serializable {
    }

    @Inject
    AuditLog log;

    @Inject
    CurrentTenant tenant;

    private String action;
    private String actor;

    private final LazyDataModel<Row> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) log.count(action, actor);
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            ZoneId zone = tenant.get().zone();
            return log.page(action, actor, first, pageSize).stream().map(e -> new Row(e.id(),
                    WHEN.format(e.at().atZoneSameInstant(zone)), e.actor(), e.action(), e.target(), e.before(),
                    e.after())).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return String.valueOf(row.id());
        }

        @Override
        public Row getRowData(String rowKey) {
            return null;
        }
    };

    public LazyDataModel<Row> getEntries() {
        return entries;
    }

    public List<String> getActions() {
        return ACTIONS;
    }

    public String getZone() {
        return tenant.get().zone().getId();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}
