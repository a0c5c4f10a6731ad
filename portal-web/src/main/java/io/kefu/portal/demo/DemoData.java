package io.kefu.portal.demo;

import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Role;
import io.kefu.job.JobLeases;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.report.boundary.CustomerBases;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.OfficeSettings;
import io.kefu.portal.operations.RoutingDataSource;
import io.kefu.schema.SchemaMigrated;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seeds the demo tenants and accounts, then prints where to go and how to log in. */
@ApplicationScoped
public class DemoData {

    /** Every demo account's password; printed at startup, because it only exists in demo databases. */
    public static final String PASSWORD = "kefu-demo-2026";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    record DemoUser(String username, String displayName, Role role) {
    }

    record DemoTenant(NewTenant tenant, List<DemoUser> users) {
    }

    static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant(new NewTenant("huijing-property", "汇景物业", "Huijing Property", TenantKind.PROPERTY,
                    "Asia/Shanghai", "zh-CN"), List.of(
                            new DemoUser("huijing.resident", "张伟（3栋1502）", Role.RESIDENT),
                            new DemoUser("huijing.staff", "王芳", Role.STAFF),
                            new DemoUser("huijing.engineer", "赵师傅（工程部）", Role.STAFF),
                            new DemoUser("huijing.supervisor", "李强", Role.SUPERVISOR),
                            new DemoUser("huijing.admin", "陈静", Role.TENANT_ADMIN))),
            new DemoTenant(new NewTenant("riverside-mall", "滨江购物中心", "Riverside Mall", TenantKind.RETAIL,
                    "Asia/Singapore", "en"), List.of(
                            new DemoUser("riverside.customer", "Sam Lee", Role.RESIDENT),
                            new DemoUser("riverside.staff", "Emma Clarke", Role.STAFF),
                            new DemoUser("riverside.engineer", "Raj Kumar (Engineering)", Role.STAFF),
                            new DemoUser("riverside.supervisor", "Daniel Wong", Role.SUPERVISOR),
                            new DemoUser("riverside.admin", "Olivia Tan", Role.TENANT_ADMIN))));
    static final String PLATFORM_ADMIN = "platform.admin";
    /** The demo's customer base counts from long before any demo case. */
    static final String DEMO_CUSTOMERS_FROM = "2020-01";

    @Inject
    Tenants tenants;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Accounts accounts;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Office office;

    @Inject
    ServiceLanguage serviceLanguage;

    @Inject
    io.kefu.survey.boundary.SurveyTemplates surveyTemplates;

    @Inject
    CustomerBases customerBases;

    @Inject
    DemoHistory history;

    @Inject
    JobLeases leases;

    @Inject
    @ConfigProperty(name = "kefu.demo.seed")
    Optional<Boolean> seed;

    @Inject
    @ConfigProperty(name = "kefu.db.url", defaultValue = RoutingDataSource.EMBEDDED_DEFAULT)
    String databaseUrl;

    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "kefu.bootstrap.admin.username")
    Optional<String> bootstrapAdmin;

    @ActivateRequestContext
    void onStartup(@Observes SchemaMigrated schema) {
        if (!seed.orElse(RoutingDataSource.isEmbedded(databaseUrl))) {
            return;
        }
        // Two nodes started on one fresh database: one seeds and writes the history, the other goes on without.
        if (!leases.take(DemoHistory.LEASE, DemoHistory.LEASE_LENGTH)) {
            LOG.info("Another node is seeding the demo; this one leaves it to that node.");
            return;
        }
        List<TenantRef> demoTenants = new java.util.ArrayList<>();
        for (DemoTenant demo : TENANTS) {
            TenantRef tenant = tenants.findBySlug(new TenantSlug(demo.tenant().slug()))
                    .orElseGet(() -> provisioning.open(demo.tenant()));
            for (DemoUser user : demo.users()) {
                if (!accounts.exists(user.username())) {
                    accounts.create(user.username(), user.displayName(), user.username() + "@demo.kefu.invalid",
                            PASSWORD.toCharArray());
                }
            }
            // A role in a tenant is that tenant's row: granted in its transaction, as the database requires.
            currentTenant.runAs(tenant, () -> {
                demo.users().forEach(user -> accounts.grant(user.username(), tenant.id(), user.role()));
                setUpOffice(demo);
                return null;
            });
            demoTenants.add(tenant);
        }
        // The demo operator only where nobody configured a real one.
        if (bootstrapAdmin.isEmpty() && !accounts.exists(PLATFORM_ADMIN)) {
            accounts.createPlatformAdmin(PLATFORM_ADMIN, "Platform operator", PASSWORD.toCharArray());
        }
        LOG.info(this::banner);
        history.start(demoTenants);
    }

    /**
     * The demo office: phrases, the supervisor as manager, the engineer handling engineering, a canned reply, and the
     * customers served (the households of the estate, the mall's stores) that the valid-complaint rate counts against.
     */
    private void setUpOffice(DemoTenant demo) {
        serviceLanguage.seed();
        surveyTemplates.seed();
        String prefix = demo.tenant().slug().substring(0, demo.tenant().slug().indexOf('-'));
        if (office.handlers().isEmpty()) {
            office.addHandler(new Code("engineering"), prefix + ".engineer");
            OfficeSettings settings = office.settings();
            office.update(true, prefix + ".supervisor", null, settings.workingPeriods(), settings.restDays(),
                    settings.version());
        }
        if (customerBases.entries().isEmpty()) {
            customerBases.set(DEMO_CUSTOMERS_FROM, prefix.equals("huijing") ? 2_400 : 180);
        }
        if (serviceLanguage.cannedReplies().isEmpty()) {
            boolean zh = "zh-CN".equals(demo.tenant().defaultLocale());
            serviceLanguage.addCannedReply(null, zh ? "已受理" : "Received",
                    zh ? "您好！您反映的问题我们已经收到，正在安排处理，会在约定时间内给您答复。谢谢您的理解，再见！"
                            : "Hello, we have received your request and are arranging for it to be handled. "
                                    + "We will reply by the promised time. Thank you, goodbye.");
            serviceLanguage.addCannedReply(prefix.equals("huijing") ? "repairs" : "facilities",
                    zh ? "已派维修" : "Technician on the way",
                    zh ? "您好！维修师傅已安排上门，请您保持电话畅通。谢谢，再见！"
                            : "Hello, a technician has been scheduled to visit. Please keep your phone at hand. "
                                    + "Thank you, goodbye.");
        }
    }

    private String banner() {
        StringBuilder text = new StringBuilder("\n\n  Kefu demo is up on ").append(schema()).append('\n');
        for (DemoTenant demo : TENANTS) {
            text.append("\n  ").append(demo.tenant().nameEn()).append(" (").append(demo.tenant().nameZh())
                    .append("): ").append(publicUrl).append("/t/").append(demo.tenant().slug()).append("/\n");
            for (DemoUser user : demo.users()) {
                text.append(String.format("    %-22s %s%n", user.username(), user.role()));
            }
        }
        text.append("\n  Platform operator: ").append(publicUrl).append("/platform/   login ")
                .append(bootstrapAdmin.orElse(PLATFORM_ADMIN)).append('\n');
        text.append("  Password of every demo account: ").append(PASSWORD).append("\n\n");
        return text.toString();
    }

    private String schema() {
        return RoutingDataSource.isEmbedded(databaseUrl) ? "the embedded PostgreSQL" : "the configured database";
    }
}
