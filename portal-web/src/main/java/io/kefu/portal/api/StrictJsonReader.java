package io.kefu.portal.api;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body of the API, in place of the JSON-B reader the platform brings (Yasson), which is
 * lenient in ways that store what nobody sent: it binds the first of two documents, turns {@code 1.5} into 1 and
 * {@code 1e309} into 0, takes {@code 42} for the text "42", and passes invalid UTF-8 and lone surrogates on.
 * Here the body is read strictly ({@link JsonBody}), its shape checked against the resource's parameter type
 * ({@link JsonShape}, every field at fault named), and only then bound by JSON-B. Responses are still written by
 * the platform's JSON-B writer.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(1)
public class StrictJsonReader implements MessageBodyReader<Object> {

    /** Thread-safe and costly to build: one for all requests. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Reads {@code text} (e.g. the JSON part of a multipart request) as a body of {@code type}. */
    public static <T> T read(String text, Class<T> type) {
        JsonValue document = JsonBody.parse(text);
        JsonShape.check(document, type);
        return document.getValueType() == JsonValue.ValueType.NULL ? null : JSONB.fromJson(document.toString(), type);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type)
                && !JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        JsonValue document = JsonBody.read(entityStream);
        JsonShape.check(document, genericType);
        return document.getValueType() == JsonValue.ValueType.NULL ? null
                : JSONB.fromJson(document.toString(), genericType);
    }
}
