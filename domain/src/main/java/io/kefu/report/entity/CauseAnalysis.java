package io.kefu.report.entity;

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

/** The supervisor's analysis (原因分析) of one main cause of a quarter, the cause named by its key. */
@Entity
@Table(name = "quarterly_cause")
@NamedQuery(name = CauseAnalysis.OF_REPORT, query = "SELECT a FROM CauseAnalysis a WHERE a.reportId = :report")
public class CauseAnalysis extends TenantOwned {

    public static final String OF_REPORT = "CauseAnalysis.ofReport";
    public static final int TEXT_MAXLENGTH = 5_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "cause_key", nullable = false, length = Cause.KEY_MAXLENGTH)
    private String causeKey;

    @Column(name = "analysis", nullable = false, length = TEXT_MAXLENGTH)
    private String analysis;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CauseAnalysis() {
        // for JPA
    }

    public CauseAnalysis(QuarterlyReport report, String causeKey, String text) {
        this.reportId = report.id();
        this.causeKey = causeKey;
        write(text);
    }

    /** New analysis text: required, at most {@link #TEXT_MAXLENGTH} characters. */
    public final void write(String text) {
        check(text);
        this.analysis = text.strip();
    }

    /** The analysis text's rules, as an input error on {@code text}. */
    public static void check(String text) {
        if (text == null || text.isBlank()) {
            throw KefuException.invalid("text", "field.required");
        }
        if (text.strip().length() > TEXT_MAXLENGTH) {
            throw KefuException.invalid("text", "field.too.long", TEXT_MAXLENGTH);
        }
    }

    public String causeKey() {
        return causeKey;
    }

    public String analysis() {
        return analysis;
    }
}
