package io.kefu.portal.problem;

import io.kefu.problem.KefuException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception leaves the API as a problem document: domain failures with their translated message and
 * field, validation failures with every field, concurrent updates as 409, and anything unexpected as a bare
 * 500 whose incident id is in the log (never a stack trace or a product name in the response).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problem(thrown);
        Response.ResponseBuilder response = Response.status(problem.status()).entity(problem)
                .type(Problem.MEDIA_TYPE);
        io.kefu.portal.api.RateLimited limited = find(thrown, io.kefu.portal.api.RateLimited.class);
        if (limited != null) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() == 405) {
            // The methods the resource does have, as HTTP asks of a 405 (Jersey names them on its exception).
            response.header("Allow", web.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    static Problem problem(Throwable thrown) {
        io.kefu.portal.api.RateLimited limited = find(thrown, io.kefu.portal.api.RateLimited.class);
        if (limited != null) {
            return Problem.of(429, "rate.limited", (limited.retryAfterSeconds() + 59) / 60);
        }
        io.kefu.portal.api.UnreadableBody unreadable = find(thrown, io.kefu.portal.api.UnreadableBody.class);
        if (unreadable != null) {
            return Problem.of(unreadable.status(), unreadable.messageKey(), unreadable.arguments());
        }
        KefuException domain = find(thrown, KefuException.class);
        if (domain != null) {
            return domainProblem(domain);
        }
        ConstraintViolationException violations = find(thrown, ConstraintViolationException.class);
        if (violations != null) {
            Problem problem = Problem.of(400, "request.invalid");
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                problem.withField(leaf(violation.getPropertyPath().toString()), "field.constraint",
                        violation.getMessage());
            }
            return problem;
        }
        if (find(thrown, OptimisticLockException.class) != null
                || find(thrown, org.eclipse.persistence.exceptions.OptimisticLockException.class) != null) {
            return Problem.of(409, "concurrent.change");
        }
        SQLException sql = find(thrown, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            // An integrity constraint (e.g. a unique code) refused what a concurrent request saved first.
            return Problem.of(409, "concurrent.duplicate");
        }
        if (find(thrown, JsonbException.class) != null || thrown instanceof ProcessingException) {
            return Problem.of(400, "request.malformed");
        }
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            if (find(thrown, JsonbException.class) != null || status == 400) {
                return Problem.of(400, "request.malformed");
            }
            return Problem.of(status, "problem.detail." + status);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, thrown);
        return Problem.of(500, "problem.unexpected", incident);
    }

    private static Problem domainProblem(KefuException e) {
        int status = switch (e.failure()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID -> 422;
            case CONFLICT -> 409;
            case GONE -> 410;
            case UNAVAILABLE -> 503;
        };
        Problem problem = Problem.of(status, e.messageKey(), e.arguments());
        for (KefuException field : e.fieldFailures()) {
            problem.withField(field.field(), field.messageKey(), field.arguments());
        }
        return problem;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
