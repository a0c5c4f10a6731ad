package io.kefu.portal.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a file the API hands out, under the name it was stored with. */
public final class Downloads {

    private Downloads() {
    }

    /**
     * {@code inline} or {@code attachment} with the name twice: in plain ASCII for old clients (every other
     * character, quotes and separators included, as "_"), and exactly, percent-encoded as UTF-8 (RFC 6266).
     * Nothing in a name can end the header or add a parameter to it.
     */
    public static String disposition(String type, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._()\\- ]", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
