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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public Map<String, Object> intake() {
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", Map.of("slug", tenant.get().slug().value(), "name", tenant.get().name(locale)));
        body.put("anonymousAllowed", office.anonymousAllowed());
        body.put("kinds", Arrays.stream(CaseKind.values()).map(Enum::name).toList());
        body.put("categories", workspace.categories().stream().filter(Category::isActive)
                .map(c -> Map.of("code", c.code().value(), "name", c.name().in(locale))).toList());
        body.put("requiredFields", List.of("kind", "description", "contactPhone"));
        body.put("attachments", Map.of("maxFiles", Upload.MAX_FILES, "maxBytes", Upload.MAX_FILE_BYTES,
                "maxRequestBytes", Upload.MAX_REQUEST_BYTES,
                "types", Arrays.stream(FileType.values()).map(FileType::mediaType).toList()));
        return body;
    }
}
