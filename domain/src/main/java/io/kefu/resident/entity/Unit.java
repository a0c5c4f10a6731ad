package io.kefu.resident.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A flat, shop or office: a building and a unit number, unique in the tenant, with its floor area if known. */
@Entity
@Table(name = "unit")
@NamedQuery(name = Unit.ALL, query = "SELECT u FROM Unit u")
@NamedQuery(name = Unit.BY_KEY, query = "SELECT u FROM Unit u WHERE LOWER(u.building) = :building "
        + "AND LOWER(u.number) = :number")
@NamedQuery(name = Unit.BY_ID, query = "SELECT u FROM Unit u WHERE u.id = :id")
@NamedQuery(name = Unit.MATCHING, query = "SELECT u FROM Unit u WHERE LOWER(CONCAT(u.building, ' ', u.number)) "
        + "LIKE :q ORDER BY u.building, u.number")
@NamedQuery(name = Unit.BUILDINGS, query = "SELECT DISTINCT u.building FROM Unit u WHERE LOWER(u.building) LIKE :q "
        + "ORDER BY u.building")
@NamedQuery(name = Unit.NUMBERS_IN, query = "SELECT u.number FROM Unit u WHERE LOWER(u.building) = :building "
        + "AND LOWER(u.number) LIKE :q ORDER BY u.number")
public class Unit extends TenantOwned {

    public static final String ALL = "Unit.all";
    public static final String BY_KEY = "Unit.byKey";
    public static final String BY_ID = "Unit.byId";
    public static final String MATCHING = "Unit.matching";
    public static final String BUILDINGS = "Unit.buildings";
    public static final String NUMBERS_IN = "Unit.numbersIn";
    public static final int BUILDING_MAXLENGTH = 50;
    public static final int NUMBER_MAXLENGTH = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "building", nullable = false, length = BUILDING_MAXLENGTH)
    private String building;

    @Column(name = "unit_no", nullable = false, length = NUMBER_MAXLENGTH)
    private String number;

    @Column(name = "area_m2", precision = 10, scale = 2)
    private BigDecimal area;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Unit() {
        // for JPA
    }

    public Unit(String building, String number, BigDecimal area) {
        this.building = building;
        this.number = number;
        this.area = area;
    }

    /** The key two rows or two files agree on: building and number as written, case-insensitive. */
    public static String key(String building, String number) {
        return building.toLowerCase(java.util.Locale.ROOT) + "\u0000" + number.toLowerCase(java.util.Locale.ROOT);
    }

    public String key() {
        return key(building, number);
    }

    /** A later file that knows the area fills it in; one that does not leaves the known area alone. */
    public void measure(BigDecimal area) {
        if (area != null) {
            this.area = area;
        }
    }

    /** How staff write a unit: building and number, "3栋 1502"; the case history records it so. */
    public String label() {
        return building + " " + number;
    }

    public Long id() {
        return id;
    }

    public String building() {
        return building;
    }

    public String number() {
        return number;
    }

    public BigDecimal area() {
        return area;
    }
}
