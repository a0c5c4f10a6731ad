package io.kefu.portal.api;

import io.kefu.portal.identity.Access;
import io.kefu.portal.problem.Problem;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;

/**
 * Enforces {@link Allowed} and {@link Public} on every resource method. Anonymous callers of a protected
 * endpoint get 401 (with a Basic challenge); authenticated callers without the role get 403, whether or not
 * the object they asked for exists.
 */
@Provider
public class AccessRules implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(Public.class) || (type.isAnnotationPresent(Public.class)
                && !method.isAnnotationPresent(Allowed.class))) {
            return;
        }
        Allowed allowed = method.isAnnotationPresent(Allowed.class) ? method.getAnnotation(Allowed.class)
                : type.getAnnotation(Allowed.class);
        if (allowed != null && (allowed.anyAuthenticated() || allowed.platform()) && isTenantResource(type, method)) {
            // Inside a tenant only tenant roles may grant access; anything else would let every account in.
            throw new IllegalStateException("Tenant endpoint " + type.getSimpleName() + "." + method.getName()
                    + " must name tenant roles, not anyAuthenticated or platform");
        }
        context.register(new Check(allowed));
    }

    private static boolean isTenantResource(Class<?> type, Method method) {
        String path = (type.isAnnotationPresent(jakarta.ws.rs.Path.class) ? type.getAnnotation(jakarta.ws.rs.Path.class)
                .value() : "") + (method.isAnnotationPresent(jakarta.ws.rs.Path.class)
                        ? method.getAnnotation(jakarta.ws.rs.Path.class).value() : "");
        return path.contains("{tenant}");
    }

    /** The check for one endpoint; {@code null} rule means the endpoint declared nothing: nobody may call it. */
    static final class Check implements ContainerRequestFilter {

        private final Allowed rule;

        Check(Allowed rule) {
            this.rule = rule;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (rule == null) {
                request.abortWith(problem(Problem.of(403, "access.endpoint.undeclared")));
                return;
            }
            Access caller = CDI.current().select(Access.class).get();
            if (!caller.isLoggedIn()) {
                request.abortWith(Response.fromResponse(problem(Problem.of(401, "auth.required")))
                        .header("WWW-Authenticate", "Basic realm=\"kefu\", charset=\"UTF-8\"").build());
                return;
            }
            boolean permitted = rule.anyAuthenticated()
                    || (rule.platform() && caller.isPlatformAdmin())
                    || (rule.value().length > 0 && caller.hasAny(EnumSet.copyOf(List.of(rule.value()))));
            if (!permitted) {
                request.abortWith(problem(Problem.of(403, "access.endpoint.denied")));
            }
        }

        private static Response problem(Problem problem) {
            return Response.status(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
        }
    }
}
