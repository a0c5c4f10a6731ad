package io.kefu.portal.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Beats Jersey's own validation mapper (it is more specific than ours for all throwables). */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Problem problem = ProblemMappers.problem(exception);
        return Response.status(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
