package io.kefu.report.boundary;

import io.kefu.report.entity.Period;
import io.kefu.report.entity.ReportDay;
import io.kefu.report.entity.ReportStale;
import io.kefu.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's stored days (docs/REPORTS.md, "How the figures are kept"): drops the days a change made
 * stale, and counts and stores the past days that are missing. Only the report-days job writes them; figures never
 * depend on it having run, since {@link ReportFigures} counts any day without a valid copy from the cases. Each step
 * in a transaction of its own: a round goes through tenants, and a transaction never changes tenant.
 */
@ApplicationScoped
public class ReportDays {

    /** Marks handled in one transaction: a tenant's backlog (an import of its history) goes in several. */
    static final int MARKS_PER_STEP = 5_000;

    @Inject
    EntityManager em;

    @Inject
    ReportFigures figures;

    @Inject
    Clock clock;

    /** How far back days are stored: the dashboard's trend and the quarterly report's same quarter a year before. */
    @Inject
    @ConfigProperty(name = "kefu.reports.stored-days", defaultValue = "560")
    int storedDays;

    /** Cases in the last 30 days from which a tenant's days are stored. */
    @Inject
    @ConfigProperty(name = "kefu.reports.store-from", defaultValue = "1000")
    long storeFrom;

    /**
     * Drops the stored days a batch of marks makes stale (all of them for a mark without a moment, and every day
     * counted in another zone) and removes those marks, in one transaction: a mark is only ever removed together with
     * the days it names, so a change is never lost between them. How many marks it handled.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int dropStale(ZoneId zone) {
        List<Object[]> marks = em.createNamedQuery(ReportStale.BATCH, Object[].class).setMaxResults(MARKS_PER_STEP)
                .getResultList();
        boolean everyDay = false;
        Set<LocalDate> days = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        for (Object[] mark : marks) {
            ids.add((String) mark[0]);
            if (mark[1] == null) {
                everyDay = true;
            } else {
                days.add(LocalDate.ofInstant(((OffsetDateTime) mark[1]).toInstant(), zone));
            }
        }
        if (everyDay) {
            em.createNamedQuery(ReportDay.DROP_ALL).executeUpdate();
        } else {
            // The IN list is never empty: a day that can never be stored stands in when no mark names one.
            days.add(LocalDate.EPOCH);
            em.createNamedQuery(ReportDay.DROP).setParameter("dates", List.copyOf(days))
                    .setParameter("zone", zone.getId()).executeUpdate();
        }
        if (!ids.isEmpty()) {
            em.createNamedQuery(ReportStale.REMOVE).setParameter("ids", ids).executeUpdate();
        }
        return marks.size();
    }

    /**
     * The past days worth storing that have no copy, newest first: from yesterday back to the first case, at most
     * {@code storedDays}. None for a tenant that registered fewer than {@code storeFrom} cases in the last 30 days:
     * counting its month from the cases takes milliseconds, and its history is not worth a backlog of work.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<LocalDate> missing(ZoneId zone, Instant now) {
        long recent = em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.registeredAt >= :since", Long.class)
                .setParameter("since", now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)).getSingleResult();
        if (recent < storeFrom) {
            return List.of();
        }
        LocalDate yesterday = LocalDate.ofInstant(now, zone).minusDays(1);
        OffsetDateTime first = em.createQuery("SELECT MIN(c.registeredAt) FROM Complaint c", OffsetDateTime.class)
                .getSingleResult();
        if (first == null) {
            return List.of();
        }
        LocalDate from = LocalDate.ofInstant(first.toInstant(), zone);
        LocalDate oldest = yesterday.minusDays(storedDays - 1L);
        if (from.isBefore(oldest)) {
            from = oldest;
        }
        Set<LocalDate> stored = new HashSet<>(em.createNamedQuery(ReportDay.DATES, LocalDate.class)
                .setParameter("zone", zone.getId()).getResultList());
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day = yesterday; !day.isBefore(from); day = day.minusDays(1)) {
            if (!stored.contains(day)) {
                missing.add(day);
            }
        }
        return missing;
    }

    /** Counts {@code day} (over in {@code zone}) from the cases and stores it, in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public void store(LocalDate day, ZoneId zone) {
        Instant now = clock.instant();
        Period period = new Period(day, day, zone);
        if (period.end().isAfter(now)) {
            throw new IllegalArgumentException(day + " is not over in " + zone);
        }
        em.persist(new ReportDay(day, zone, figures.count(period, now), Clocks.utcNow(clock)));
    }
}
