package io.kefu.admin.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Builds the Keycloak admin client's HTTP proxies on the Jersey that Payara already runs, instead of the
 * RESTEasy the admin client ships with: RESTEasy in the war would take over the portal's own JAX-RS
 * resources and the JVM-wide {@code RuntimeDelegate}. Keycloak's representations are Jackson-annotated, so
 * JSON goes through a Jackson mapper of our own; Payara's JSON-B and MOXy readers are switched off for this
 * client, or they would win and silently drop fields such as {@code access_token}.
 */
final class JerseyAdminClients implements ResteasyClientProvider {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .property("jersey.config.client.disableAutoDiscovery", true)
                .property("jersey.config.client.disableJsonBinding", true)
                .property("jersey.config.client.disableMoxyJson", true)
                .register(new JacksonJson())
                .register(formWithoutConsumes());
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> resourceClass) {
        return WebResourceFactory.newResource(resourceClass, target);
    }

    /** The token endpoint's interface method declares no {@code @Consumes}; a form must still go as a form. */
    private static ClientRequestFilter formWithoutConsumes() {
        return request -> {
            if (request.getEntity() instanceof MultivaluedMap<?, ?>) {
                request.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_FORM_URLENCODED);
            }
        };
    }

    /** JSON through Jackson, for Keycloak's representations only (strings, streams and forms keep Jersey's). */
    static final class JacksonJson implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

        private static boolean handles(Class<?> type, MediaType mediaType) {
            return mediaType != null && mediaType.getSubtype().toLowerCase().endsWith("json")
                    && type != String.class && !InputStream.class.isAssignableFrom(type) && type != byte[].class
                    && !MultivaluedMap.class.isAssignableFrom(type);
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return handles(type, mediaType);
        }

        @Override
        public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws java.io.IOException {
            return JSON.readValue(entityStream, JSON.getTypeFactory().constructType(genericType));
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return handles(type, mediaType);
        }

        @Override
        public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
                throws java.io.IOException {
            JSON.writeValue(entityStream, value);
        }
    }
}
