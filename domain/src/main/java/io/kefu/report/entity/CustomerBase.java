package io.kefu.report.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * How many customers the tenant serves, from a month on until the next entry: the households of a property office,
 * the stores or monthly customers of a mall. The valid-complaint rate (有效投诉率, target "below 1 %") is measured
 * against them, not against the cases filed. Without any entry the units on the resident register count.
 */
@Entity
@Table(name = "customer_base")
@NamedQuery(name = CustomerBase.ALL, query = "SELECT b FROM CustomerBase b ORDER BY b.fromMonth DESC")
@NamedQuery(name = CustomerBase.IN_FORCE, query = "SELECT b FROM CustomerBase b WHERE b.fromMonth <= :day "
        + "ORDER BY b.fromMonth DESC")
@NamedQuery(name = CustomerBase.OF_MONTH, query = "SELECT b FROM CustomerBase b WHERE b.fromMonth = :month")
public class CustomerBase extends TenantOwned {

    /** Where a period's customer base comes from. */
    public enum Source {
        /** A number the tenant admin entered, in force from {@link Counted#from()}. */
        ENTERED,
        /** The units on the resident register, as they are now. */
        REGISTER,
        /** Neither: no rate can be given. */
        NONE
    }

    /** The customers a period counts against; {@code customers} {@code null} with {@link Source#NONE}. */
    public record Counted(Integer customers, Source source, YearMonth from) {
    }

    public static final String ALL = "CustomerBase.all";
    public static final String IN_FORCE = "CustomerBase.inForce";
    public static final String OF_MONTH = "CustomerBase.ofMonth";
    /** Ten million: more than any office or mall serves; a larger number is a typing error. */
    public static final int MAX_CUSTOMERS = 10_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_month", nullable = false, updatable = false)
    private LocalDate fromMonth;

    @Column(name = "customers", nullable = false)
    private int customers;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CustomerBase() {
        // for JPA
    }

    public CustomerBase(YearMonth from, Integer customers) {
        this.fromMonth = from.atDay(1);
        recount(customers);
    }

    /** A new count for the same month on. */
    public void recount(Integer customers) {
        this.customers = checkCustomers(customers);
    }

    /** A count of customers: a whole number from 1 to {@link #MAX_CUSTOMERS}; an input error on {@code customers}. */
    public static int checkCustomers(Integer customers) {
        return Fields.range(customers, "customers", 1, MAX_CUSTOMERS);
    }

    /** {@code 2026-01} as a month; an input error on {@code month} otherwise. */
    public static YearMonth month(String value) {
        try {
            YearMonth month = YearMonth.parse(value == null ? "" : value.strip());
            if (month.getYear() < 2000 || month.getYear() > 2999) {
                throw KefuException.invalid("month", "report.month.invalid");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw KefuException.invalid("month", "report.month.invalid");
        }
    }

    public YearMonth from() {
        return YearMonth.from(fromMonth);
    }

    public int customers() {
        return customers;
    }

    public long version() {
        return version;
    }
}
