package io.kefu.portal.api;

import io.kefu.workspace.entity.Code;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Lets resources take a {@link Code} from the path ({@code @PathParam("code") @NotFound("campaign.not.found") Code
 * code}), read as {@link Code#inPath} reads it. The converter throws the domain's own 404 (not Jersey's bare one):
 * Jersey wraps it as the cause of its path-parameter failure, and {@code ProblemMappers} finds it there, so the
 * caller gets the same problem document as when the resource called {@code Code.inPath} itself.
 */
@Provider
public class CodeParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Code.class) {
            return null;
        }
        NotFound notFound = Arrays.stream(annotations).filter(NotFound.class::isInstance).map(NotFound.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "A Code parameter must say which message key names it @NotFound"));
        return (ParamConverter<T>) new InPath(notFound.value());
    }

    /** One parameter's converter: malformed is {@code notFoundKey}. */
    record InPath(String notFoundKey) implements ParamConverter<Code> {

        @Override
        public Code fromString(String value) {
            return Code.inPath(value, notFoundKey);
        }

        @Override
        public String toString(Code code) {
            return code.value();
        }
    }
}
