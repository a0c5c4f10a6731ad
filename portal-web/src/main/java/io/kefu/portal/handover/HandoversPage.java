package io.kefu.portal.handover;

import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.boundary.Shifts;
import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.Shift;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The history of hand-overs (/t/{tenant}/staff/handovers): a lazy table paged in SQL, searched by the days of the
 * shift's start, the shift and a person (who wrote or acknowledged it).
 */
@Named
@ViewScoped
public class HandoversPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Handovers handovers;

    @Inject
    Shifts shifts;

    @Inject
    CurrentTenant tenant;

    private LocalDate from;
    private LocalDate to;
    private String shift;
    private String person;
    private transient LazyDataModel<Handover> rows;

    public LazyDataModel<Handover> getRows() {
        if (rows == null) {
            rows = new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filters) {
                    return (int) handovers.count(since(), until(), blank(shift), blank(person));
                }

                @Override
                public List<Handover> load(int first, int pageSize, Map<String, SortMeta> sort,
                        Map<String, FilterMeta> filters) {
                    return handovers.page(since(), until(), blank(shift), blank(person), first, pageSize);
                }

                @Override
                public String getRowKey(Handover h) {
                    return h.ref();
                }

                @Override
                public Handover getRowData(String rowKey) {
                    return null;
                }
            };
        }
        return rows;
    }

    private ZoneId zone() {
        return tenant.get().zone();
    }

    private Instant since() {
        return from == null ? Instant.EPOCH : from.atStartOfDay(zone()).toInstant();
    }

    private Instant until() {
        return to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<Shift> getShifts() {
        return shifts.all();
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

    public String getShift() {
        return shift;
    }

    public void setShift(String shift) {
        this.shift = shift;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }
}
