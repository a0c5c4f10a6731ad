package io.kefu.portal.workspace;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.IntakeField;
import io.kefu.workspace.entity.TenantLogo;
import io.kefu.workspace.entity.WorkspaceSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's workspace: names, default language, zone, primary colour, intake rules and customer grades
 * (admins change them, staff read them), and its logo. Saved as a whole at {@code version}; every wrong field
 * is reported at once (422) and nothing is saved.
 */
@Path("v1/tenants/{tenant}/settings/workspace")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class WorkspaceSettingsResource {

    /**
     * {@code requiredFields}: NAME, EMAIL, LOCATION (the phone is always required); {@code gradePercents}: A, B,
     * C → percent of the normal deadline (10–100); {@code logoUrl} is read-only.
     */
    public record WorkspaceJson(String nameZh, String nameEn, String defaultLocale, String timeZone,
            String primaryColour, List<String> requiredFields, Integer maxFiles, Integer maxFileMb,
            Map<String, Integer> gradePercents, String logoUrl, Long version) {
    }

    @Inject
    WorkspaceSetup setup;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public WorkspaceJson get() {
        Tenant t = setup.tenant();
        WorkspaceSettings s = setup.settings();
        String logo = setup.logo().map(l -> "/api/v1/tenants/" + t.slug().value() + "/logo?v=" + l.etag())
                .orElse(null);
        return new WorkspaceJson(t.name().zh(), t.name().en(), t.defaultLocale().toLanguageTag(), t.timeZone().getId(),
                s.hasOwnColour() ? s.primaryColour() : null,
                s.requiredFields().stream().map(Enum::name).toList(), s.maxFiles(), s.maxFileMb(),
                s.gradePercents(), logo, s.version());
    }

    @PUT
    @Allowed(Role.TENANT_ADMIN)
    public WorkspaceJson change(WorkspaceJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        Set<IntakeField> required = EnumSet.noneOf(IntakeField.class);
        for (String field : in.requiredFields() == null ? List.<String>of() : in.requiredFields()) {
            IntakeField chosen = Params.choice(IntakeField.class, field, "requiredFields");
            if (chosen != null) {
                required.add(chosen);
            }
        }
        Map<String, Integer> grades = in.gradePercents() == null ? Map.of() : in.gradePercents();
        setup.update(new WorkspaceSetup.Change(in.nameZh(), in.nameEn(), in.defaultLocale(), in.timeZone(),
                in.primaryColour(), required, in.maxFiles(), in.maxFileMb(),
                new WorkspaceSettings.GradePercents(grades.get("A"), grades.get("B"), grades.get("C"))),
                in.version());
        return get();
    }

    /** The logo as raw bytes (PNG, JPEG or WebP, at most 512 KB), recognised by content, not by Content-Type. */
    @PUT
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    @Allowed(Role.TENANT_ADMIN)
    public WorkspaceJson replaceLogo(byte[] image) {
        TenantLogo.check(image);
        setup.replaceLogo(image);
        return get();
    }

    @DELETE
    @Path("logo")
    @Allowed(Role.TENANT_ADMIN)
    public Response removeLogo() {
        setup.removeLogo();
        return Response.noContent().build();
    }
}
