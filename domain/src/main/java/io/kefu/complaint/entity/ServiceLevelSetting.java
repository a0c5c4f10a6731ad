package io.kefu.complaint.entity;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;

/**
 * A tenant's own deadlines for one kind × severity, where they differ from the regulations' defaults
 * ({@link SlaPolicy#regulations}). Stored in minutes of working time.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "service_level")
@NamedQuery(name = ServiceLevelSetting.ALL, query = "SELECT s FROM ServiceLevelSetting s")
public class ServiceLevelSetting extends TenantOwned {

    public static final String ALL = "ServiceLevelSetting.all";
    /** A year of working days is more than any office promises. */
    public static final int MAX_MINUTES = 60 * 24 * 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private CaseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, updatable = false, length = 16)
    private Severity severity;

    @Column(name = "first_response_minutes", nullable = false)
    private int firstResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ServiceLevelSetting() {
        // for JPA
    }

    public ServiceLevelSetting(CaseKind kind, Severity severity, int firstResponseMinutes, int resolutionMinutes) {
        this.kind = kind;
        this.severity = severity;
        change(firstResponseMinutes, resolutionMinutes);
    }

    /** New deadlines: a first response after a moment, a resolution no sooner than the first response. */
    public final void change(int firstResponse, int resolution) {
        if (firstResponse < 1 || firstResponse > MAX_MINUTES) {
            throw KefuException.invalid("firstResponseMinutes", "sla.minutes.range", MAX_MINUTES);
        }
        if (resolution < firstResponse || resolution > MAX_MINUTES) {
            throw KefuException.invalid("resolutionMinutes", "sla.resolution.before.response");
        }
        this.firstResponseMinutes = firstResponse;
        this.resolutionMinutes = resolution;
    }

    public ServiceLevel level() {
        return new ServiceLevel(Duration.ofMinutes(firstResponseMinutes), Duration.ofMinutes(resolutionMinutes));
    }

    public CaseKind kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }
}
