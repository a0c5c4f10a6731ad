package io.kefu.complaint.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The last serial handed out in one month of one tenant. Allocation increments this row with one
 * {@code UPDATE … RETURNING} ({@code CaseNumbering}) in the transaction that stores the case, so concurrent
 * filings on any number of nodes queue here, and a filing that rolls back gives its serial back: numbers are
 * unique and without gaps. Locked pessimistically, so it carries no version.
 */
@Entity
@Table(name = "case_serial")
public class CaseSerial extends TenantOwned {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "serial_month", nullable = false, updatable = false, length = 6)
    private String month;

    @Column(name = "last_serial", nullable = false)
    private int lastSerial;

    protected CaseSerial() {
        // for JPA
    }

    public CaseSerial(YearMonth month) {
        this.month = key(month);
    }

    public static String key(YearMonth month) {
        return month.format(MONTH);
    }
}
