package io.kefu.resident.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person on the register: who lives in or runs a unit, how to reach them and their customer grade. One
 * phone number may appear on several units (an owner of two flats), but only once per unit.
 */
@Entity
@Table(name = "resident")
@NamedQuery(name = Resident.ALL, query = "SELECT r FROM Resident r JOIN FETCH r.unit JOIN FETCH r.customer")
@NamedQuery(name = Resident.PAGE, query = "SELECT r FROM Resident r JOIN FETCH r.unit u WHERE LOWER(r.name) LIKE :q "
        + "OR r.phone LIKE :q OR LOWER(u.building) LIKE :q OR LOWER(u.number) LIKE :q"
        + " ORDER BY u.building, u.number, r.name, r.id")
@NamedQuery(name = Resident.COUNT, query = "SELECT COUNT(r) FROM Resident r JOIN r.unit u WHERE LOWER(r.name) LIKE :q "
        + "OR r.phone LIKE :q OR LOWER(u.building) LIKE :q OR LOWER(u.number) LIKE :q")
@NamedQuery(name = Resident.BY_PHONE, query = "SELECT r FROM Resident r WHERE r.phone = :phone ORDER BY r.id")
@NamedQuery(name = Resident.RECORD_AND_GRADE_BY_PHONE,
        query = "SELECT r.customer, r.grade FROM Resident r WHERE r.phone = :phone ORDER BY r.id")
public class Resident extends TenantOwned {

    public static final String ALL = "Resident.all";
    public static final String PAGE = "Resident.page";
    public static final String COUNT = "Resident.count";
    public static final String BY_PHONE = "Resident.byPhone";
    public static final String RECORD_AND_GRADE_BY_PHONE = "Resident.recordAndGradeByPhone";
    public static final int NAME_MAXLENGTH = 100;
    public static final int PHONE_MAXLENGTH = 20;
    public static final int EMAIL_MAXLENGTH = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    /** The customer record this entry belongs to: one customer may be on the register for several units. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "name", nullable = false, length = NAME_MAXLENGTH)
    private String name;

    @Column(name = "phone", nullable = false, length = PHONE_MAXLENGTH)
    private String phone;

    @Column(name = "email", length = EMAIL_MAXLENGTH)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade", length = 1)
    private Grade grade;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Resident() {
        // for JPA
    }

    public Resident(Unit unit, Customer customer, String name, String phone, String email, Grade grade) {
        this.unit = unit;
        this.customer = customer;
        this.phone = phone;
        update(name, email, grade);
    }

    /** A newer list is the truth for name, e-mail and grade of a person already on the register. */
    public void update(String name, String email, Grade grade) {
        this.name = name;
        this.email = email;
        this.grade = grade;
    }

    public static String key(String phone, Unit unit) {
        return phone + "\u0000" + unit.key();
    }

    public String key() {
        return key(phone, unit);
    }

    public Long id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public Customer customer() {
        return customer;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public Grade grade() {
        return grade;
    }
}
