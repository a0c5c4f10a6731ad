package io.kefu.report.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A mark that a stored day no longer holds: written by the database's triggers (V22) in the transaction of any change
 * to what a past day counts, with the moment it belongs to ({@code null}: every day). Never written from Java; the
 * report-days job reads and removes marks once it has dropped the days they make stale.
 */
@Entity
@Table(name = "report_stale")
@NamedQuery(name = ReportStale.BATCH, query = "SELECT s.id, s.at FROM ReportStale s")
@NamedQuery(name = ReportStale.REMOVE, query = "DELETE FROM ReportStale s WHERE s.id IN :ids")
public class ReportStale extends TenantOwned {

    public static final String BATCH = "ReportStale.batch";
    public static final String REMOVE = "ReportStale.remove";

    /** A random UUID (V22): never a sequence, see the migration. */
    @Id
    private String id;

    @Column(name = "stale_at", insertable = false, updatable = false)
    private OffsetDateTime at;

    protected ReportStale() {
    }
}
