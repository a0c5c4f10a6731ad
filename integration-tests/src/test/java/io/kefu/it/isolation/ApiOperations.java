package io.kefu.it.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kefu.it.PortalClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The operations of the API as the running portal's OpenAPI document lists them: what the matrix must cover. */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private ApiOperations() {
    }

    /** {@code METHOD /path} for every operation, paths with their templates ({@code /complaints/{number}}). */
    static Set<String> of(PortalClient anybody) {
        HttpResponse<String> document = anybody.get("/openapi", "Accept", "application/json");
        assertEquals(200, document.statusCode(), document.body());
        JsonObject paths = PortalClient.json(document).getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
