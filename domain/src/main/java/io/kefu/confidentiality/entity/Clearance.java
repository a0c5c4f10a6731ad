package io.kefu.confidentiality.entity;

import io.kefu.resident.entity.Confidentiality;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The highest level of customer record one staff member may read in this tenant (安全许可), set by the tenant's
 * admin. A person without a row is cleared for ordinary records only.
 */
@Entity
@Table(name = "staff_clearance")
@NamedQuery(name = Clearance.OF, query = "SELECT c FROM Clearance c WHERE c.username = :username")
@NamedQuery(name = Clearance.ALL, query = "SELECT c FROM Clearance c ORDER BY c.username")
public class Clearance extends TenantOwned {

    public static final String OF = "Clearance.of";
    public static final String ALL = "Clearance.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, updatable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false, length = 16)
    private Confidentiality level;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private OffsetDateTime setAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Clearance() {
        // for JPA
    }

    public Clearance(String username, Confidentiality level, String setBy, Clock clock) {
        this.username = Objects.requireNonNull(username);
        change(level, setBy, clock);
    }

    /** Sets the level; {@code ORDINARY} withdraws every clearance. */
    public void change(Confidentiality level, String setBy, Clock clock) {
        this.level = Objects.requireNonNull(level);
        this.setBy = Objects.requireNonNull(setBy);
        this.setAt = OffsetDateTime.now(clock);
    }

    /** Whether this clearance lets its holder read a record at {@code recordLevel}. */
    public boolean covers(Confidentiality recordLevel) {
        return level.covers(recordLevel);
    }

    public String username() {
        return username;
    }

    public Confidentiality level() {
        return level;
    }

    public String setBy() {
        return setBy;
    }

    public OffsetDateTime setAt() {
        return setAt;
    }
}
