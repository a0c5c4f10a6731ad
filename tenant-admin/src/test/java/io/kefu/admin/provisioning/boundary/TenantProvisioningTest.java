package io.kefu.admin.provisioning.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.tenancy.entity.TenantStatus;
import io.kefu.workspace.boundary.Workspace;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a tenant is two transactions; these check the seam between them without a container. */
class TenantProvisioningTest {

    private static final TenantRef OPENED = new TenantRef(42, new TenantSlug("harbour-view"), "海景物业",
            "Harbour View", TenantKind.PROPERTY, TenantStatus.ACTIVE, ZoneId.of("Asia/Shanghai"),
            Locale.SIMPLIFIED_CHINESE);
    private static final TenantRef REQUESTS_TENANT = new TenantRef(7, new TenantSlug("platform-seen"), "甲", "A",
            TenantKind.RETAIL, TenantStatus.ACTIVE, ZoneId.of("UTC"), Locale.ENGLISH);

    private final List<String> calls = new ArrayList<>();
    private final CurrentTenant currentTenant = new CurrentTenant();
    private TenantProvisioning provisioning;
    private TenantRef tenantDuringSeeding;

    @BeforeEach
    void wire() {
        provisioning = new TenantProvisioning();
        provisioning.currentTenant = currentTenant;
        provisioning.serviceLanguage = new io.kefu.phrase.boundary.ServiceLanguage() {
            @Override
            public void seed() {
                // phrases are seeded with the workspace; nothing to record here
            }
        };
        provisioning.surveyTemplates = new io.kefu.survey.boundary.SurveyTemplates() {
            @Override
            public void seed() {
                // the default questionnaire is seeded with the workspace; nothing to record here
            }
        };
        provisioning.registry = new TenantRegistry() {
            @Override
            TenantRef insert(NewTenant request, FirstAdmin admin) {
                calls.add("insert " + request.slug());
                return OPENED;
            }

            @Override
            void remove(long tenantId, String reason) {
                calls.add("remove " + tenantId);
            }
        };
    }

    @Test
    void seedsTheWorkspaceAsTheNewTenantAndRestoresTheRequestsTenant() {
        provisioning.workspace = seeding(false);
        wireIdentity(false);
        currentTenant.set(REQUESTS_TENANT);

        assertSame(OPENED, provisioning.open(request()));

        assertEquals(List.of("insert harbour-view", "opened harbour-view", "seed PROPERTY"), calls,
                "a tenant opened without an admin gets its organization too");
        assertSame(OPENED, tenantDuringSeeding, "the workspace is written as the new tenant");
        assertSame(REQUESTS_TENANT, currentTenant.get(), "the request's tenant is back afterwards");
    }

    @Test
    void removesTheTenantAgainWhenItsWorkspaceCannotBeWritten() {
        provisioning.workspace = seeding(true);
        wireIdentity(false);

        assertThrows(IllegalStateException.class, () -> provisioning.open(request()));

        assertEquals(List.of("insert harbour-view", "opened harbour-view", "seed PROPERTY", "remove 42",
                "removed harbour-view"), calls);
        assertFalse(currentTenant.isSet(), "no tenant left behind on the request");
    }

    @Test
    void invitesTheFirstAdminAsTheNewTenantAfterTheDirectoryOpenedIt() {
        provisioning.workspace = seeding(false);
        wireIdentity(false);

        provisioning.open(request(), new FirstAdmin(null, "boss@harbour.example", "Boss"));

        assertEquals(List.of("insert harbour-view", "opened harbour-view",
                "invite boss@harbour.example [TENANT_ADMIN] as harbour-view", "seed PROPERTY"), calls);
    }

    @Test
    void undoesTheDirectoryAndTheTenantWhenTheInvitationFails() {
        provisioning.workspace = seeding(false);
        wireIdentity(true);

        assertThrows(IllegalStateException.class,
                () -> provisioning.open(request(), new FirstAdmin("boss", "boss@harbour.example", null)));

        assertEquals(List.of("insert harbour-view", "opened harbour-view",
                "invite boss [TENANT_ADMIN] as harbour-view", "remove 42", "removed harbour-view"), calls,
                "nothing was seeded yet, so the tenant row can be taken back");
    }

    private void wireIdentity(boolean inviteFails) {
        io.kefu.admin.identity.LocalDirectory directory = new io.kefu.admin.identity.LocalDirectory() {
            @Override
            public void tenantOpened(TenantRef tenant) {
                calls.add("opened " + tenant.slug().value());
            }

            @Override
            public void tenantRemoved(TenantRef tenant) {
                calls.add("removed " + tenant.slug().value());
            }
        };
        provisioning.identity = new io.kefu.admin.identity.IdentitySource() {
            @Override
            public io.kefu.admin.identity.IdentityDirectory directory() {
                return directory;
            }
        };
        provisioning.people = new io.kefu.admin.people.boundary.People() {
            @Override
            public void checkInvitable(String username, String email) {
                // nobody holds the name in this test
            }

            @Override
            public Invited invite(NewPerson in) {
                calls.add("invite " + in.username() + " " + in.roles() + " as " + currentTenant.get().slug().value());
                if (inviteFails) {
                    throw new IllegalStateException("mail queue down");
                }
                return null;
            }
        };
    }

    @Test
    void opensNothingWhenTheTenantRowIsRefused() {
        provisioning.registry = new TenantRegistry() {
            @Override
            TenantRef insert(NewTenant request, FirstAdmin admin) {
                throw new IllegalArgumentException("slug taken");
            }
        };
        provisioning.workspace = seeding(false);

        assertThrows(IllegalArgumentException.class, () -> provisioning.open(request()));
        assertTrue(calls.isEmpty());
    }

    private Workspace seeding(boolean fail) {
        return new Workspace() {
            @Override
            public void seed(TenantKind kind) {
                calls.add("seed " + kind);
                tenantDuringSeeding = currentTenant.get();
                if (fail) {
                    throw new IllegalStateException("database down");
                }
            }
        };
    }

    private static NewTenant request() {
        return new NewTenant("harbour-view", "海景物业", "Harbour View", TenantKind.PROPERTY, "Asia/Shanghai", "zh-CN");
    }
}
