package io.kefu.portal.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API's JSON reader refuses before anything is bound, and how it names the field at fault. */
class StrictJsonTest {

    record Office(Boolean anonymousAllowed, String manager, List<String> restDays, Long version) {
    }

    record Settings(Integer postCasePercent, Integer delayHours, Integer validityDays) {
    }

    record Question(String kind, String textEn) {
    }

    record Template(String code, List<Question> questions) {
    }

    @Test
    void readsOneWellFormedDocument() throws IOException {
        JsonValue document = JsonBody.read(utf8("\uFEFF{\"manager\":\"li\",\"restDays\":[\"SUNDAY\"],\"version\":3}"));
        assertDoesNotThrow(() -> JsonShape.check(document, Office.class));
        assertEquals(JsonValue.NULL, JsonBody.read(utf8("  ")), "an empty body is no body");
    }

    @Test
    void refusesTwoDocumentsDeepNestingAndBrokenSyntax() {
        assertEquals("request.trailing", unreadable("{\"version\":1} {\"version\":2}"));
        assertEquals("request.trailing", unreadable("{\"version\":1}]"));
        assertEquals("request.nesting", unreadable("[".repeat(10_000) + "]".repeat(10_000)));
        assertEquals("request.malformed", unreadable("{\"version\":"));
        assertEquals("request.malformed", unreadable("{'version':1}"));
    }

    @Test
    void refusesTooLargeABody() {
        UnreadableBody tooLarge = assertThrows(UnreadableBody.class, () -> JsonBody.read(
                new ByteArrayInputStream(new byte[JsonBody.MAX_BYTES + 1])));
        assertEquals(413, tooLarge.status());
    }

    @Test
    void namesEveryFieldOfTheWrongType() {
        KefuException refused = refused("{\"anonymousAllowed\":\"yes\",\"manager\":42,\"restDays\":\"SUNDAY\","
                + "\"version\":true}", Office.class);
        assertEquals(Map.of("anonymousAllowed", "field.type.boolean", "manager", "field.type.text",
                "restDays", "field.type.list", "version", "field.type.whole"), fields(refused));
    }

    @Test
    void refusesNumbersThatAreNotWholeOrDoNotFit() {
        KefuException refused = refused("{\"postCasePercent\":9223372036854775808,\"delayHours\":1e309,"
                + "\"validityDays\":1.5}", Settings.class);
        assertEquals(Map.of("postCasePercent", "field.number.out.of.range", "delayHours",
                "field.number.out.of.range", "validityDays", "field.type.whole"), fields(refused));
        assertEquals(Map.of("postCasePercent", "field.number.out.of.range"),
                fields(refused("{\"postCasePercent\":1e999999999}", Settings.class)));
        assertDoesNotThrow(() -> JsonShape.check(JsonBody.parse("{\"postCasePercent\":-5,\"delayHours\":2.0}"),
                Settings.class));
    }

    @Test
    void refusesNullItemsAndTextThatCannotBeShownWhereverItIs() {
        assertEquals(Map.of("restDays[2]", "field.required"),
                fields(refused("{\"restDays\":[\"SUNDAY\",null]}", Office.class)));
        assertEquals(Map.of("questions[2].textEn", "field.text.unshowable"), fields(refused(
                "{\"questions\":[{\"textEn\":\"ok\"},{\"textEn\":\"a\\uD800\"}]}", Template.class)));
        assertEquals(Map.of("manager", "field.text.unshowable"),
                fields(refused("{\"manager\":\"a\\u0000\"}", Office.class)));
        Type handler = new Object() {
            Map<String, String> body;
        }.getClass().getDeclaredFields()[0].getGenericType();
        assertEquals(Map.of("username", "field.type.text"),
                fields(refused("{\"departmentCode\":\"x\",\"username\":true}", handler)));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedInTheirField() throws IOException {
        byte[] body = {'{', '"', 'm', 'a', 'n', 'a', 'g', 'e', 'r', '"', ':', '"', 'a', (byte) 0xFF, (byte) 0xED,
            (byte) 0xA0, (byte) 0x80, '"', '}'};
        JsonValue document = JsonBody.read(new ByteArrayInputStream(body));
        assertEquals(Map.of("manager", "field.text.unshowable"), fields(assertThrows(KefuException.class,
                () -> JsonShape.check(document, Office.class))));
    }

    @Test
    void aPropertyNameThatWasNotUtf8IsRefusedEvenWhereUnknownPropertiesAreIgnored() throws IOException {
        byte[] body = {'{', '"', (byte) 0xFF, '"', ':', '1', '}'};
        JsonValue document = JsonBody.read(new ByteArrayInputStream(body));
        assertEquals(Map.of("\uFFFD", "field.text.unshowable"), fields(assertThrows(KefuException.class,
                () -> JsonShape.check(document, Office.class))));
        assertDoesNotThrow(() -> JsonShape.check(JsonBody.parse("{\"unknown\":1}"), Office.class),
                "a property the type does not know, with a name that can be shown, is still ignored");
    }

    @Test
    void aBodyThatIsNotTheObjectExpectedNamesNoField() {
        KefuException refused = refused("[]", Office.class);
        assertEquals("field.type.object", refused.messageKey());
        assertEquals(List.of(), refused.fieldFailures());
    }

    private static String unreadable(String body) {
        return assertThrows(UnreadableBody.class, () -> JsonBody.read(utf8(body))).messageKey();
    }

    private static KefuException refused(String body, Type type) {
        JsonValue document = JsonBody.parse(body);
        return assertThrows(KefuException.class, () -> JsonShape.check(document, type));
    }

    private static Map<String, String> fields(KefuException refused) {
        return refused.fieldFailures().stream().collect(java.util.stream.Collectors.toMap(KefuException::field,
                KefuException::messageKey));
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
