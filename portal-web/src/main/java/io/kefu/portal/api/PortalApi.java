package io.kefu.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}; versioned paths ({@code /api/v1/…}) are on the resources. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Kefu API", version = "1",
        description = "Customer-service cases for property management and retail, per tenant."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Local accounts of the embedded identity source")
public class PortalApi extends Application {
}
