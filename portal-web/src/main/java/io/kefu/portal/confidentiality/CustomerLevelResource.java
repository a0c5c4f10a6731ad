package io.kefu.portal.confidentiality;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.confidentiality.boundary.RecordLevels;
import io.kefu.resident.entity.Confidentiality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sets a customer record's level ({@code ORDINARY}, {@code SECRET}, {@code CONFIDENTIAL}, {@code TOP_SECRET}):
 * supervisors and the tenant admin, audited. The record page's own editing of the level supersedes this when it
 * comes; until then this is how a record is made secret.
 */
@Path("v1/tenants/{tenant}/customers/{key}/confidentiality")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
@Tag(name = "confidentiality")
@SecurityRequirement(name = "basic")
public class CustomerLevelResource {

    public record LevelJson(String level) {
    }

    @Inject
    RecordLevels levels;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LevelJson classify(@PathParam("key") String key, LevelJson in) {
        Confidentiality level = Params.choice(Confidentiality.class, in == null ? null : in.level(), "level");
        return new LevelJson(levels.classify(key, level).confidentiality().name());
    }
}
