package io.kefu.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The bad-input corpus: a write operation's valid JSON body with named holes, and for each hole the hostile
 * values its kind of field must refuse (wrong types, text that cannot be shown, 1 MB and 10 MB of text, numbers
 * that are not whole or do not fit, unknown choices, null list items); hostile bodies as a whole (broken and
 * deeply nested JSON, two documents, the wrong JSON type); hostile path segments. Every value here is invalid for
 * the field it goes into, so any answer but a refusal is a defect.
 */
final class HostileInput {

    static final int MB = 1024 * 1024;

    /** What a field holds, which decides the hostile values it gets. */
    enum Kind { TEXT, CHOICE, WHOLE, VERSION, FLAG, TEXTS, CHOICES }

    /** A named hole in a body template, its valid raw JSON, and the names a refusal may give it. */
    record Hole(String name, Kind kind, Supplier<String> valid, List<String> names) {

        /** The refusal may also name the field as the domain knows it (e.g. {@code q1} for the first answer). */
        Hole alsoNamed(String... more) {
            List<String> all = new ArrayList<>(names);
            all.addAll(Arrays.asList(more));
            return new Hole(name, kind, valid, all);
        }
    }

    /** One hostile value or body, with a label for the report. */
    record Attempt(String label, byte[] bytes) {
    }

    private HostileInput() {
    }

    static Hole text(String name, String value) {
        return hole(name, Kind.TEXT, () -> quoted(value));
    }

    static Hole choice(String name, String value) {
        return hole(name, Kind.CHOICE, () -> quoted(value));
    }

    static Hole whole(String name, long value) {
        return hole(name, Kind.WHOLE, () -> Long.toString(value));
    }

    /** A record's version as read: a long, so only what no long can hold is out of range. */
    static Hole version(Supplier<Long> value) {
        return hole("version", Kind.VERSION, () -> Long.toString(value.get()));
    }

    static Hole flag(String name, boolean value) {
        return hole(name, Kind.FLAG, () -> Boolean.toString(value));
    }

    static Hole texts(String name, String... values) {
        return hole(name, Kind.TEXTS, () -> list(values));
    }

    static Hole choices(String name, String... values) {
        return hole(name, Kind.CHOICES, () -> list(values));
    }

    private static Hole hole(String name, Kind kind, Supplier<String> valid) {
        return new Hole(name, kind, valid, List.of(name));
    }

    /**
     * The body: {@code template} with each {@code %s} filled by the next hole's valid JSON, except the hole named
     * {@code mutated}, which gets {@code raw} (bytes, so that they may be no UTF-8 at all).
     */
    static byte[] render(String template, List<Hole> holes, String mutated, byte[] raw) {
        String[] parts = template.split("%s", -1);
        if (parts.length != holes.size() + 1) {
            throw new IllegalArgumentException(holes.size() + " holes for " + template);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < holes.size(); i++) {
            body.writeBytes(utf8(parts[i]));
            Hole hole = holes.get(i);
            body.writeBytes(hole.name().equals(mutated) ? raw : utf8(hole.valid().get()));
        }
        body.writeBytes(utf8(parts[parts.length - 1]));
        return body.toByteArray();
    }

    /** The hostile values for a field of this kind; {@code tenMegabytes} adds the largest text once. */
    static List<Attempt> values(Kind kind, boolean tenMegabytes) {
        List<Attempt> values = new ArrayList<>();
        switch (kind) {
            case TEXT, CHOICE -> {
                values.addAll(textValues(tenMegabytes));
                if (kind == Kind.CHOICE) {
                    values.add(json("unknown choice", "\"NOT_A_VALUE\""));
                    values.add(json("SQL as choice", "\"COMPLAINT' OR '1'='1\""));
                }
            }
            case WHOLE, VERSION -> {
                values.add(json("text for a number", "\"12\""));
                values.add(json("fraction", "1.5"));
                values.add(json("1e309", "1e309"));
                values.add(json("2^63", "9223372036854775808"));
                values.add(json("-2^63-1", "-9223372036854775809"));
                values.add(json("boolean for a number", "true"));
                values.add(json("object for a number", "{}"));
                if (kind == Kind.WHOLE) {
                    values.add(json("below int", "-2147483649"));
                }
            }
            case FLAG -> {
                values.add(json("text for a flag", "\"yes\""));
                values.add(json("number for a flag", "1"));
                values.add(json("list for a flag", "[true]"));
            }
            case TEXTS, CHOICES -> {
                values.add(json("text for a list", "\"SUNDAY\""));
                values.add(json("object for a list", "{}"));
                values.add(json("null item", "[null]"));
                values.add(json("number item", "[42]"));
                values.add(json("lone surrogate item", "[\"\\uD800\"]"));
                if (kind == Kind.CHOICES) {
                    values.add(json("unknown choice item", "[\"NOT_A_VALUE\"]"));
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return values;
    }

    private static List<Attempt> textValues(boolean tenMegabytes) {
        List<Attempt> values = new ArrayList<>(List.of(
                json("number for text", "42"),
                json("boolean for text", "true"),
                json("object for text", "{\"a\":1}"),
                json("list for text", "[\"a\"]"),
                json("lone high surrogate", "\"a\\uD800b\""),
                json("lone low surrogate", "\"\\uDC00\""),
                json("NUL", "\"a\\u0000b\""),
                json("escape sequence", "\"\\u001B[31mred\""),
                json("C1 control", "\"a\\u0085b\""),
                new Attempt("invalid UTF-8", bytes("\"a", new byte[] {(byte) 0xFF, (byte) 0xFE}, "b\"")),
                new Attempt("UTF-8 of a surrogate", bytes("\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        "\"")),
                new Attempt("overlong UTF-8", bytes("\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"")),
                json("1 MB of text", quoted("x".repeat(MB)))));
        if (tenMegabytes) {
            values.add(json("10 MB of text", quoted("y".repeat(10 * MB))));
        }
        return values;
    }

    /** Hostile bodies as a whole; {@code bodyNeeded} adds the empty ones (where no body is a valid request). */
    static List<Attempt> bodies(byte[] valid, boolean bodyNeeded) {
        String text = new String(valid, StandardCharsets.UTF_8);
        List<Attempt> bodies = new ArrayList<>(List.of(
                json("cut short", text.substring(0, Math.max(1, text.length() / 2))),
                json("not JSON", "complaint=yes&version=1"),
                json("single quotes", text.replace('"', '\'')),
                json("trailing comma", text.replaceFirst("}$", ",}")),
                json("two documents", text + "\n" + text),
                json("document and garbage", text + "]"),
                json("nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000)),
                json("nested objects 1,000 deep", "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000)),
                json("a list", "[" + text + "]"),
                json("a string", "\"" + text.replace("\"", "\\\"") + "\""),
                json("a number", "42"),
                new Attempt("invalid UTF-8 in a key", bytes("{\"", new byte[] {(byte) 0xFF}, "\":1}"))));
        if (bodyNeeded) {
            bodies.add(json("empty", ""));
            bodies.add(json("null", "null"));
            bodies.add(json("empty object", "{}"));
        }
        return bodies;
    }

    /** Path segments a client may send in place of an identifier (percent-encoded where needed). */
    static List<String> pathValues() {
        return List.of("'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%20script%3E", "%2e%2e", "-1", "0",
                "99999999999999999999", "1e309", "%E6%BC%8F%E6%B0%B4", "x".repeat(2_000), "NOT_A_VALUE");
    }

    static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String list(String... values) {
        return "[" + String.join(",", Arrays.stream(values).map(HostileInput::quoted).toList()) + "]";
    }

    private static Attempt json(String label, String json) {
        return new Attempt(label, utf8(json));
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(middle);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
