package io.kefu.portal.problem;

import io.kefu.portal.i18n.Languages;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes a {@link Problem} in the language the client asked for with {@code Accept-Language}. */
@Provider
@Produces({Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ProblemWriter implements MessageBodyWriter<Problem> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Problem.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Problem problem, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream out) throws IOException {
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(Languages.DEFAULT);
        httpHeaders.putSingle(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(locale));
        httpHeaders.putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8");
        out.write(problem.at(uriInfo.getRequestUri().getRawPath()).toJson(locale).getBytes(StandardCharsets.UTF_8));
    }
}
