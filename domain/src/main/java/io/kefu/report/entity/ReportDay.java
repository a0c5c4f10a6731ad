package io.kefu.report.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The counts of one past day of the tenant's zone, kept so that a period adds up its days instead of counting its
 * cases again (docs/REPORTS.md, "How the figures are kept"). A copy only: it is used while no change marked its day
 * stale ({@link #VALID}, one statement, so the day and its marks are read in one snapshot) and while the tenant's
 * zone is the one it was counted in; otherwise the day is counted from the cases.
 */
@Entity
@Table(name = "report_day")
@NamedQuery(name = ReportDay.VALID, query = "SELECT d FROM ReportDay d WHERE d.date >= :from AND d.date <= :to "
        + "AND d.zone = :zone AND NOT EXISTS (SELECT s FROM ReportStale s WHERE s.at IS NULL "
        + "OR (s.at >= d.start AND s.at < d.end))")
@NamedQuery(name = ReportDay.TOTALS, query = "SELECT d.date, d.totals FROM ReportDay d WHERE d.date >= :from "
        + "AND d.date <= :to AND d.zone = :zone AND NOT EXISTS (SELECT s FROM ReportStale s WHERE s.at IS NULL "
        + "OR (s.at >= d.start AND s.at < d.end))")
@NamedQuery(name = ReportDay.DATES, query = "SELECT d.date FROM ReportDay d WHERE d.zone = :zone")
@NamedQuery(name = ReportDay.DROP, query = "DELETE FROM ReportDay d WHERE d.date IN :dates OR d.zone <> :zone")
@NamedQuery(name = ReportDay.DROP_ALL, query = "DELETE FROM ReportDay d")
public class ReportDay extends TenantOwned {

    public static final String VALID = "ReportDay.valid";
    public static final String TOTALS = "ReportDay.totals";
    public static final String DATES = "ReportDay.dates";
    public static final String DROP = "ReportDay.drop";
    public static final String DROP_ALL = "ReportDay.dropAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(name = "time_zone", nullable = false, updatable = false, length = 64)
    private String zone;

    @Column(name = "day_start", nullable = false, updatable = false)
    private OffsetDateTime start;

    @Column(name = "day_end", nullable = false, updatable = false)
    private OffsetDateTime end;

    @Column(name = "totals", nullable = false, updatable = false)
    private String totals;

    @Column(name = "details", nullable = false, updatable = false)
    private String details;

    @Column(name = "computed_at", nullable = false, updatable = false)
    private OffsetDateTime computedAt;

    protected ReportDay() {
    }

    /** The counts of {@code date} in {@code zone}, counted at {@code computedAt} (after the day's end). */
    public ReportDay(LocalDate date, ZoneId zone, Tally tally, OffsetDateTime computedAt) {
        this.date = date;
        this.zone = zone.getId();
        this.start = date.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        this.end = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        this.totals = tally.totalsJson();
        this.details = tally.detailsJson();
        this.computedAt = computedAt;
    }

    public LocalDate date() {
        return date;
    }

    public Tally tally() {
        return Tally.fromJson(totals, details);
    }
}
