package io.kefu.portal.complaint;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.FileType;
import io.kefu.complaint.entity.Upload;
import io.kefu.portal.api.Public;
import io.kefu.portal.i18n.Languages;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a client needs to show the intake form of the tenant in the path, in the caller's language. */
@Path("v1/tenants/{tenant}/intake")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
@Public
public class IntakeResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Context
    HttpHeaders headers;

    @GET
    public Form intake() {
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
        return new Form(new TenantName(tenant.get().slug().value(), tenant.get().name(locale)),
                office.anonymousAllowed(), Arrays.stream(CaseKind.values()).map(Enum::name).toList(),
                workspace.categories().stream().filter(Category::isActive)
                        .map(c -> new Choice(c.code().value(), c.name().in(locale))).toList(),
                List.of("kind", "description", "contactPhone"),
                new Attachments(Upload.MAX_FILES, Upload.MAX_FILE_BYTES, Upload.MAX_REQUEST_BYTES,
                        Arrays.stream(FileType.values()).map(FileType::mediaType).toList()));
    }

    /** What a filing form needs to know: whose it is, what it may ask, what it may attach. */
    public record Form(TenantName tenant, boolean anonymousAllowed, List<String> kinds, List<Choice> categories,
            List<String> requiredFields, Attachments attachments) {
    }

    /** The tenant, named in the caller's language. */
    public record TenantName(String slug, String name) {
    }

    /** A category to choose. */
    public record Choice(String code, String name) {
    }

    /** The limits on files: how many, how large each and together, of which types. */
    public record Attachments(int maxFiles, long maxBytes, long maxRequestBytes, List<String> types) {
    }
}
