package io.kefu.portal.api;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body read as exactly one JSON document, strictly: UTF-8 (bytes that are not become U+FFFD, which the
 * shape check then refuses in the field they arrived in), at most {@link #MAX_BYTES}, nested at most
 * {@link #MAX_DEPTH} levels, and nothing but white space after the document. A lenient reader would take the
 * first of two documents and drop the second, or overflow its stack on ten thousand brackets.
 */
public final class JsonBody {

    /**
     * One provider for the whole class: {@code Json.createXxx} looks the provider up through the ServiceLoader
     * on every call, which scanned the class path on every request (12 % of the portal's CPU when filing).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_BYTES = 16 * 1024 * 1024;
    public static final int MAX_DEPTH = 32;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private JsonBody() {
    }

    /** The document in the stream, or {@link JsonValue#NULL} for an empty body. */
    public static JsonValue read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableBody(413, "request.too.large", MAX_BYTES / (1024 * 1024));
        }
        return parse(decode(bytes));
    }

    /** The document in a text, or {@link JsonValue#NULL} when the text is blank. */
    public static JsonValue parse(String text) {
        if (text.isBlank()) {
            return JsonValue.NULL;
        }
        checkStructure(text);
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new UnreadableBody(400, "request.malformed");
        }
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]
                ? BOM.length : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            // Cannot happen while malformed input is replaced; refuse rather than guess.
            throw new UnreadableBody(400, "request.malformed");
        }
    }

    /** One pass over the events: depth and trailing content, before any tree is built. */
    private static void checkStructure(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            int depth = 0;
            boolean complete = false;
            while (!complete) {
                if (!parser.hasNext()) {
                    throw new UnreadableBody(400, "request.malformed");
                }
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        throw new UnreadableBody(400, "request.nesting", MAX_DEPTH);
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
                complete = depth == 0 && event != JsonParser.Event.KEY_NAME;
            }
            trailing(parser);
        } catch (JsonException e) {
            throw new UnreadableBody(400, "request.malformed");
        }
    }

    private static void trailing(JsonParser parser) {
        try {
            if (parser.hasNext()) {
                throw new UnreadableBody(400, "request.trailing");
            }
        } catch (JsonParsingException e) {
            throw new UnreadableBody(400, "request.trailing");
        }
    }
}
