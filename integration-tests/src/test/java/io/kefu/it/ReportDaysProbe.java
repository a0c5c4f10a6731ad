package io.kefu.it;

import io.kefu.report.boundary.ReportDays;
import io.kefu.report.boundary.ReportFigures;
import io.kefu.report.entity.Period;
import io.kefu.report.entity.Tally;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.kefu.complaint.boundary.CaseNumbering;
import io.kefu.complaint.boundary.ServiceLevels;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.Severity;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.deadline.WorkingCalendar;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Test support deployed with {@link ReportFiguresIT}: stores report days and counts a period both ways. */
@ApplicationScoped
public class ReportDaysProbe {

    @Inject
    ReportFigures figures;

    @Inject
    ReportDays days;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Writes writes;

    /** The period's counts from the cases alone. */
    @ActivateRequestContext
    public Tally counted(String slug, LocalDate from, LocalDate to) {
        return as(slug, () -> figures.count(period(slug, from, to), Instant.now()));
    }

    /** The period's counts as the reports read them: stored days added up, the others counted. */
    @ActivateRequestContext
    public Tally addedUp(String slug, LocalDate from, LocalDate to) {
        return as(slug, () -> figures.tally(period(slug, from, to), Instant.now()));
    }

    /** Stores every day of the period that has no copy yet (as the job does for recent days); how many it stored. */
    @ActivateRequestContext
    public int store(String slug, LocalDate from, LocalDate to) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return as(slug, () -> {
            Set<LocalDate> stored = writes.storedDays();
            int n = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (!stored.contains(day)) {
                    days.store(day, tenant.zone());
                    n++;
                }
            }
            return n;
        });
    }

    /** The job's first step: drops the days the marks make stale; how many marks it handled. */
    @ActivateRequestContext
    public int dropStale(String slug) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return as(slug, () -> days.dropStale(tenant.zone()));
    }

    /** Stored days of the period that still hold (no mark in them). */
    @ActivateRequestContext
    public long valid(String slug, LocalDate from, LocalDate to) {
        return as(slug, () -> writes.valid(from, to, tenants.getBySlug(new TenantSlug(slug)).zone().getId()));
    }

    /** Moves a case to another category, as an edit on the case page would. */
    @ActivateRequestContext
    public void recategorise(String slug, String number, String category) {
        as(slug, () -> writes.recategorise(number, category));
    }

    /**
     * Registers a case as of yesterday through JPA, as an import or the demo history does (its moments mark a past
     * day), and answers whether the case's id in memory is its row's id in the database.
     */
    @ActivateRequestContext
    public boolean registeredYesterdayKeepsItsId(String slug) {
        return as(slug, () -> writes.registerYesterday());
    }

    private <T> T as(String slug, Supplier<T> work) {
        return currentTenant.runAs(tenants.getBySlug(new TenantSlug(slug)), work);
    }

    private Period period(String slug, LocalDate from, LocalDate to) {
        return new Period(from, to, tenants.getBySlug(new TenantSlug(slug)).zone());
    }

    /** The probe's own reads and writes, each in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Writes {

        @Inject
        EntityManager em;

        @Inject
        CaseNumbering numbering;

        @Inject
        ServiceLevels serviceLevels;

        @Inject
        Calendars calendars;

        boolean registerYesterday() {
            Instant at = Instant.now().minus(Duration.ofDays(1));
            Clock clock = Clock.fixed(at, ZoneOffset.UTC);
            WorkingCalendar calendar = calendars.calendar();
            Complaint complaint = Complaint.register(numbering.next(at), new Intake(CaseKind.REPAIR, null,
                    "昨天的电话报修，今天补录", "3栋 1502", "王女士", "13800138000", null, null, false),
                    Channel.PHONE, "huijing.staff", serviceLevels.levelFor(calendar, CaseKind.REPAIR,
                            Severity.ORDINARY, "13800138000").deadlines(at, calendar, List.of()), clock);
            em.persist(complaint);
            em.flush();
            Long stored = em.createQuery("SELECT c.id FROM Complaint c WHERE c.number = :number", Long.class)
                    .setParameter("number", complaint.number().toString()).getSingleResult();
            return stored.equals(complaint.id());
        }

        Set<LocalDate> storedDays() {
            return new HashSet<>(em.createQuery("SELECT d.date FROM ReportDay d", LocalDate.class).getResultList());
        }

        long valid(LocalDate from, LocalDate to, String zone) {
            return em.createNamedQuery(io.kefu.report.entity.ReportDay.VALID, io.kefu.report.entity.ReportDay.class)
                    .setParameter("from", from).setParameter("to", to).setParameter("zone", zone).getResultList()
                    .size();
        }

        int recategorise(String number, String category) {
            return em.createQuery("UPDATE Complaint c SET c.categoryCode = :category WHERE c.number = :number")
                    .setParameter("category", category).setParameter("number", number).executeUpdate();
        }
    }
}
