package io.kefu.portal.problem;

import io.kefu.portal.i18n.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes a problem document from a servlet filter, before JAX-RS is reached. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        Locale locale = Languages.fromAcceptLanguage(request.getHeader("Accept-Language")).orElse(Languages.DEFAULT);
        byte[] body = problem.at(request.getRequestURI()).toJson(locale).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Content-Language", Languages.tag(locale));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
