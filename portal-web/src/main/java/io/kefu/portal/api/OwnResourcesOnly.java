package io.kefu.portal.api;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Keeps the REST API to Kefu's own resources. The container hands the application every {@code @Path} type it
 * finds in the war, including the Keycloak admin client's resource interfaces (a client library, not an API of
 * ours): left in, {@code /api/admin/realms} and friends would answer with 500 pages and tell the world which
 * identity provider we use.
 */
@Provider
public class OwnResourcesOnly implements ModelProcessor {

    private static final String OURS = "io.kefu.";

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        ResourceModel.Builder kept = new ResourceModel.Builder(false);
        model.getRootResources().stream().filter(OwnResourcesOnly::ours).forEach(kept::addResource);
        return kept.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    static boolean ours(Resource resource) {
        return !resource.getHandlerClasses().isEmpty()
                && resource.getHandlerClasses().stream().allMatch(c -> c.getName().startsWith(OURS));
    }
}
