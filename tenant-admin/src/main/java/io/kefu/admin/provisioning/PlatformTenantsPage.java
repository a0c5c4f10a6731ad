package io.kefu.admin.provisioning;

import io.kefu.admin.provisioning.boundary.FirstAdmin;
import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.admin.provisioning.boundary.TenantUsage;
import io.kefu.faces.FacesFailures;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The platform operator's tenant list: open a tenant, suspend or resume one. */
@Named
@ViewScoped
public class PlatformTenantsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    @Inject
    Tenants tenants;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantUsage tenantUsage;

    private transient List<TenantRef> list;
    private transient Map<Long, TenantUsage.Usage> usage;
    private String adminEmail;
    private String adminUsername;
    private String adminDisplayName;
    private String slug;
    private String nameZh;
    private String nameEn;
    private TenantKind kind = TenantKind.PROPERTY;
    private String timeZone = "Asia/Shanghai";
    private String defaultLocale = "zh-CN";

    public List<TenantRef> getTenants() {
        if (list == null) {
            list = tenants.all();
            usage = tenantUsage.of(list);
        }
        return list;
    }

    /** Counts of a listed tenant: cases this month, open and overdue now, active users, attachment bytes. */
    public TenantUsage.Usage usage(TenantRef tenant) {
        getTenants();
        return usage.getOrDefault(tenant.id(), TenantUsage.Usage.NONE);
    }

    public void open() {
        try {
            NewTenant request = new NewTenant(slug, nameZh, nameEn, kind, timeZone, defaultLocale);
            TenantRef opened = adminEmail == null || adminEmail.isBlank() ? provisioning.open(request)
                    : provisioning.open(request, new FirstAdmin(adminUsername, adminEmail, adminDisplayName));
            FacesFailures.info("platform.tenant.opened", opened.slug().value());
            slug = null;
            nameZh = null;
            nameEn = null;
            adminEmail = null;
            adminUsername = null;
            adminDisplayName = null;
        } catch (KefuException e) {
            FacesFailures.show(e, "open-tenant");
        }
        list = null;
    }

    public void suspend(String tenant) {
        try {
            provisioning.suspend(new TenantSlug(tenant));
            FacesFailures.info("platform.tenant.suspended", tenant);
        } catch (KefuException e) {
            FacesFailures.show(e, null);
        }
        list = null;
    }

    public void resume(String tenant) {
        try {
            provisioning.resume(new TenantSlug(tenant));
            FacesFailures.info("platform.tenant.resumed", tenant);
        } catch (KefuException e) {
            FacesFailures.show(e, null);
        }
        list = null;
    }

    public List<String> completeZone(String query) {
        String q = query == null ? "" : query.toLowerCase();
        return ZONES.stream().filter(z -> z.toLowerCase().contains(q)).limit(20).toList();
    }

    public TenantKind[] getKinds() {
        return TenantKind.values();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public TenantKind getKind() {
        return kind;
    }

    public void setKind(TenantKind kind) {
        this.kind = kind;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminDisplayName() {
        return adminDisplayName;
    }

    public void setAdminDisplayName(String adminDisplayName) {
        this.adminDisplayName = adminDisplayName;
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }
}
