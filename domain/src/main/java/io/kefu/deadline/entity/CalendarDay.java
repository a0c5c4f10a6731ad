package io.kefu.deadline.entity;

import static io.kefu.problem.Fields.optional;

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
import java.time.LocalDate;

/**
 * A day that breaks the weekly pattern: a public holiday (no work, deadlines stand still) or a make-up
 * working day (调休: a Saturday or Sunday worked in exchange for a bridge day).
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "calendar_day")
@NamedQuery(name = CalendarDay.ALL, query = "SELECT d FROM CalendarDay d ORDER BY d.onDate")
@NamedQuery(name = CalendarDay.ON, query = "SELECT d FROM CalendarDay d WHERE d.onDate = :day")
public class CalendarDay extends TenantOwned {

    public static final String ALL = "CalendarDay.all";
    public static final String ON = "CalendarDay.on";

    /** Whether the office is closed or open on the day, against the weekly pattern. */
    public enum Type {
        HOLIDAY,
        MAKE_UP_DAY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "calendar_date", nullable = false, updatable = false)
    private LocalDate onDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_type", nullable = false, updatable = false, length = 16)
    private Type type;

    @Column(name = "label", updatable = false, length = 100)
    private String label;

    protected CalendarDay() {
        // for JPA
    }

    public CalendarDay(LocalDate day, Type type, String label) {
        if (day == null) {
            throw KefuException.invalid("day", "field.required");
        }
        if (type == null) {
            throw KefuException.invalid("type", "field.required");
        }
        this.onDate = day;
        this.type = type;
        this.label = optional(label, "label", 100);
    }

    public LocalDate day() {
        return onDate;
    }

    public Type type() {
        return type;
    }

    public String label() {
        return label;
    }
}
