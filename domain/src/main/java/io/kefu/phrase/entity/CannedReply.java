package io.kefu.phrase.entity;

import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.text;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A prepared reply staff start from (常用语), for one category or for every case. Staff still edit it, and
 * it still passes the forbidden-phrase check when sent.
 */
@Entity
@Table(name = "canned_reply")
@NamedQuery(name = CannedReply.ALL, query = "SELECT r FROM CannedReply r ORDER BY r.categoryCode, r.title")
@NamedQuery(name = CannedReply.BY_TITLE, query = "SELECT r FROM CannedReply r WHERE r.title = :title")
@NamedQuery(name = CannedReply.FOR_CATEGORY, query = "SELECT r FROM CannedReply r "
        + "WHERE r.categoryCode IS NULL OR r.categoryCode = :category ORDER BY r.title")
public class CannedReply extends TenantOwned {

    public static final String ALL = "CannedReply.all";
    public static final String FOR_CATEGORY = "CannedReply.forCategory";
    public static final String BY_TITLE = "CannedReply.byTitle";
    public static final int TITLE_MAXLENGTH = 100;
    public static final int BODY_MAXLENGTH = 5_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_code", length = 40)
    private String categoryCode;

    @Column(name = "title", nullable = false, length = TITLE_MAXLENGTH)
    private String title;

    @Column(name = "body", nullable = false, length = BODY_MAXLENGTH)
    private String body;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CannedReply() {
        // for JPA
    }

    public CannedReply(String categoryCode, String title, String body) {
        this.categoryCode = optional(categoryCode, "categoryCode", 40);
        this.title = text(title, "title", TITLE_MAXLENGTH);
        this.body = text(body, "body", BODY_MAXLENGTH);
    }

    public Long id() {
        return id;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }
}
