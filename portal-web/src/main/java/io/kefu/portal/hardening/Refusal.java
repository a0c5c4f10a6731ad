package io.kefu.portal.hardening;

import io.kefu.portal.problem.ErrorPage;
import io.kefu.portal.problem.Problem;
import io.kefu.portal.problem.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A request turned away before it reaches a page or an endpoint, answered the way its caller reads answers: a
 * problem document on the API, the friendly error page (its text from {@code error.title.*} or the reason's
 * keys) everywhere else.
 */
final class Refusal {

    static final String ERROR_PAGE = "/error.xhtml";

    private Refusal() {
    }

    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** {@code reason}: message key of the explanation, {@code reason.detail}-style, in both bundles. */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException, ServletException {
        if (isApi(request)) {
            sendProblem(request, response, status, reason);
        } else {
            page(request, response, status, reason);
        }
    }

    /**
     * The error page, shown as the container would show it for this status, but reached by a forward as a plain GET
     * without parameters: the page is a Faces view, Faces answers a method it does not know (PATCH, for one) with a
     * bare 400, and it would take a refused post's view state as a post to the error page.
     */
    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException, ServletException {
        request.setAttribute(ErrorPage.REASON, reason);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(status);
        request.getRequestDispatcher(ERROR_PAGE).forward(new PlainGet(request), response);
    }

    /** A request seen as a GET without parameters. */
    private static final class PlainGet extends HttpServletRequestWrapper {

        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** As a problem document whatever the path (machine-read endpoints outside the API, e.g. metrics). */
    static void sendProblem(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        ProblemResponses.send(request, response, Problem.of(status, reason));
    }
}
