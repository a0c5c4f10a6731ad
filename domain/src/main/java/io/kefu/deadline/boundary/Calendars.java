package io.kefu.deadline.boundary;

import io.kefu.cache.Snapshots;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.entity.CalendarDay;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current tenant's working calendar: office hours from its settings, public holidays and make-up working
 * days (调休) from its list of days, in the tenant's zone. Read for every deadline; the tenant admin edits it.
 */
@ApplicationScoped
@Transactional
public class Calendars {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CurrentTenant tenant;

    @Inject
    Office office;

    @Inject
    Snapshots snapshots;

    /**
     * The calendar as this node holds it ({@link Snapshots}): read for every deadline, changed by the tenant
     * admin a few times a year, dropped on every node when a day or the office hours change.
     */
    public WorkingCalendar calendar() {
        return snapshots.get(Snapshots.tenant(tenant.get().id()), "calendar", () -> {
            List<CalendarDay> days = days();
            return office.settings().calendar(tenant.get().zone(), dates(days, CalendarDay.Type.HOLIDAY),
                    dates(days, CalendarDay.Type.MAKE_UP_DAY));
        });
    }

    public List<CalendarDay> days() {
        return em.createNamedQuery(CalendarDay.ALL, CalendarDay.class).getResultList();
    }

    public CalendarDay addDay(LocalDate day, CalendarDay.Type type, String label) {
        CalendarDay added = new CalendarDay(day, type, label);
        if (!em.createNamedQuery(CalendarDay.ON, CalendarDay.class).setParameter("day", day).getResultList()
                .isEmpty()) {
            throw new KefuException(Failure.CONFLICT, "day", "calendar.day.taken", day);
        }
        em.persist(added);
        Writes.flush(em);
        audit.record("settings.calendar-day.add", day.toString(), null,
                "type=" + type + "\nlabel=" + (label == null ? "" : label));
        return added;
    }

    public void removeDay(LocalDate day) {
        em.createNamedQuery(CalendarDay.ON, CalendarDay.class).setParameter("day", day).getResultStream()
                .forEach(d -> {
                    em.remove(d);
                    audit.record("settings.calendar-day.remove", day.toString(), "type=" + d.type()
                            + "\nlabel=" + (d.label() == null ? "" : d.label()), null);
                });
    }

    private static Set<LocalDate> dates(List<CalendarDay> days, CalendarDay.Type type) {
        return days.stream().filter(d -> d.type() == type).map(CalendarDay::day).collect(Collectors.toSet());
    }
}
