package io.kefu.tenancy.entity;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A customer of the platform: a property company, a mall or a retail chain running its own customer-service
 * office. Global, not tenant-owned: it is the thing tenants are. Its zone decides the month of a case
 * number and working time; its default locale is what residents see before they pick a language.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_SLUG, query = "SELECT t FROM Tenant t WHERE t.slug = :slug")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.slug")
public class Tenant {

    public static final String BY_SLUG = "Tenant.bySlug";
    public static final String ALL = "Tenant.all";
    /** The languages Kefu speaks; zh_CN is the default for new tenants. */
    public static final Set<Locale> LOCALES = Set.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, unique = true, updatable = false, length = TenantSlug.MAX_LENGTH)
    private String slug;

    @Embedded
    private LocalizedName name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private TenantKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TenantStatus status;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "default_locale", nullable = false, length = 16)
    private String defaultLocale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "status_changed_at")
    private OffsetDateTime statusChangedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Tenant() {
        // for JPA
    }

    private Tenant(TenantSlug slug, String nameZh, String nameEn, TenantKind kind, ZoneId zone, Locale locale,
            Clock clock) {
        this.slug = slug.value();
        rename(new LocalizedName(nameZh, nameEn));
        this.kind = Fields.required(kind, "kind");
        this.timeZone = Fields.required(zone, "timeZone").getId();
        this.defaultLocale = supportedLocale(locale).toLanguageTag();
        this.status = TenantStatus.ACTIVE;
        this.createdAt = OffsetDateTime.now(clock);
    }

    /** A new, active tenant. Names are required in both languages because residents may read either. */
    public static Tenant open(TenantSlug slug, String nameZh, String nameEn, TenantKind kind, ZoneId zone,
            Locale locale, Clock clock) {
        return new Tenant(Fields.required(slug, "slug"), nameZh, nameEn, kind, zone, locale, clock);
    }

    public void rename(LocalizedName name) {
        this.name = name;
    }

    /**
     * New names, language and zone from the workspace page, checked as a whole (every wrong field reported).
     * The zone changes the month of later case numbers and how later deadlines count, never past ones.
     */
    public void reconfigure(String nameZh, String nameEn, String localeTag, String zoneId) {
        Locale[] locale = new Locale[1];
        ZoneId[] zone = new ZoneId[1];
        KefuException.checkAll(
                () -> Fields.text(nameZh, "nameZh", LocalizedName.MAX_LENGTH),
                () -> Fields.text(nameEn, "nameEn", LocalizedName.MAX_LENGTH),
                () -> locale[0] = supportedLocale(Fields.optional(localeTag, "defaultLocale", 16) == null ? null
                        : Locale.forLanguageTag(localeTag.strip())),
                () -> zone[0] = zone(zoneId));
        rename(new LocalizedName(nameZh, nameEn));
        this.defaultLocale = locale[0].toLanguageTag();
        this.timeZone = zone[0].getId();
    }

    /** Stops serving the tenant's residents and staff at once; the data stays. */
    public void suspend(Clock clock) {
        if (status == TenantStatus.SUSPENDED) {
            throw KefuException.conflict("tenant.already.suspended", slug);
        }
        status = TenantStatus.SUSPENDED;
        statusChangedAt = OffsetDateTime.now(clock);
    }

    public void resume(Clock clock) {
        if (status == TenantStatus.ACTIVE) {
            throw KefuException.conflict("tenant.already.active", slug);
        }
        status = TenantStatus.ACTIVE;
        statusChangedAt = OffsetDateTime.now(clock);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** The name a reader of this locale expects: Chinese for any Chinese locale, English otherwise. */
    public String name(Locale locale) {
        return name.in(locale);
    }

    /** Parses a zone id as a user typed it; a wrong one is an input error on that field. */
    public static ZoneId zone(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            throw KefuException.invalid("timeZone", "field.required");
        }
        try {
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            throw KefuException.invalid("timeZone", "tenant.timezone.invalid", zoneId);
        }
    }

    /** Kefu's languages only; anything else is refused rather than silently shown in the wrong language. */
    public static Locale supportedLocale(Locale locale) {
        if (locale == null) {
            throw KefuException.invalid("defaultLocale", "field.required");
        }
        return LOCALES.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElseThrow(() -> KefuException.invalid("defaultLocale", "tenant.locale.unsupported",
                        locale.toLanguageTag()));
    }


    public Long id() {
        return id;
    }

    public TenantSlug slug() {
        return new TenantSlug(slug);
    }

    public LocalizedName name() {
        return name;
    }

    public TenantKind kind() {
        return kind;
    }

    public TenantStatus status() {
        return status;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Locale defaultLocale() {
        return Locale.forLanguageTag(defaultLocale);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
