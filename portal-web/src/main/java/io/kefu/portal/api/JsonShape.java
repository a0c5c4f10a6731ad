package io.kefu.portal.api;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks that a JSON document has the shape of the Java type a resource takes, before anything is bound: text
 * where text belongs (not {@code 42} or {@code true} turned into "42"), whole numbers that fit (not {@code 1.5}
 * cut to 1, nor {@code 9223372036854775808} or {@code 1e309} turned into 0), true or false, lists without
 * {@code null} items, and text that can be shown (see {@link Fields#showable}). Every field at fault is named, as
 * {@code restDays[1]} or {@code questions[2].textEn} (items counted from 1), in one answer. Properties the type
 * does not know are left alone, as the binder ignores them, as long as their names can be shown.
 */
public final class JsonShape {

    private final List<KefuException> failures = new ArrayList<>();

    private JsonShape() {
    }

    /** Refuses the document, naming every field at fault, unless it fits {@code type}. */
    public static void check(JsonValue document, Type type) {
        JsonShape shape = new JsonShape();
        if (document.getValueType() != JsonValue.ValueType.NULL) {
            shape.value(document, type, "");
        }
        if (!shape.failures.isEmpty()) {
            KefuException.checkAll(shape.failures.stream().<Runnable>map(f -> () -> {
                throw f;
            }).toArray(Runnable[]::new));
        }
    }

    private void value(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive() || path.endsWith("]")) {
                fail(path, "field.required");
            }
            return;
        }
        if (raw == String.class || raw.isEnum()) {
            text(value, path);
        } else if (raw == Integer.class || raw == int.class) {
            whole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == Long.class || raw == long.class) {
            whole(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == Short.class || raw == short.class) {
            whole(value, path, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                fail(path, "field.type.boolean");
            }
        } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            decimal(value, path);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            list(value, raw.isArray() ? raw.getComponentType() : argument(type, 0), path);
        } else if (Map.class.isAssignableFrom(raw)) {
            map(value, argument(type, 1), path);
        } else if (raw.isRecord()) {
            record(value, raw, path);
        } else {
            anything(value, path);
        }
    }

    private void text(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            fail(path, "field.type.text");
            return;
        }
        int at = Fields.firstUnshowable(((JsonString) value).getString());
        if (at >= 0) {
            fail(path, "field.text.unshowable", at + 1);
        }
    }

    private void whole(JsonValue value, String path, long min, long max) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            fail(path, "field.type.whole");
            return;
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        // Digits before the point, known without expanding 1e999999999 into a billion digits.
        if (number.signum() != 0 && number.precision() - number.scale() > 19) {
            fail(path, "field.number.out.of.range");
            return;
        }
        BigDecimal exact = number.stripTrailingZeros();
        if (exact.scale() > 0) {
            fail(path, "field.type.whole");
            return;
        }
        BigInteger whole = exact.toBigIntegerExact();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            fail(path, "field.number.out.of.range");
        }
    }

    private void decimal(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            fail(path, "field.type.whole");
        } else if (Double.isInfinite(((JsonNumber) value).doubleValue())) {
            fail(path, "field.number.out.of.range");
        }
    }

    private void list(JsonValue value, Type item, String path) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            fail(path, "field.type.list");
            return;
        }
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            // Counted from 1, as the API counts survey questions ({@code questions[1]} is the first).
            value(array.get(i), item, path + "[" + (i + 1) + "]");
        }
    }

    private void map(JsonValue value, Type entry, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            fail(path, "field.type.object");
            return;
        }
        names(value.asJsonObject(), path);
        value.asJsonObject().forEach((key, member) -> value(member, entry, child(path, key)));
    }

    /**
     * Property names must be showable too, also those the type does not know: a name that arrived as invalid UTF-8
     * (now U+FFFD) is a broken body, not an unknown property to skip, since the property meant may be one it knows.
     */
    private void names(JsonObject object, String path) {
        for (String key : object.keySet()) {
            int at = Fields.firstUnshowable(key);
            if (at >= 0) {
                fail(child(path, key), "field.text.unshowable", at + 1);
            }
        }
    }

    private void record(JsonValue value, Class<?> type, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            fail(path, "field.type.object");
            return;
        }
        JsonObject object = value.asJsonObject();
        names(object, path);
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue member = object.get(component.getName());
            if (member != null) {
                value(member, component.getGenericType(), child(path, component.getName()));
            }
        }
    }

    /** A value the type takes as it comes (e.g. {@code Object}): only its text must be showable. */
    private void anything(JsonValue value, String path) {
        switch (value.getValueType()) {
            case STRING -> text(value, path);
            case ARRAY -> list(value, Object.class, path);
            case OBJECT -> map(value, Object.class, path);
            default -> {
                // numbers, true and false are what they are
            }
        }
    }

    private void fail(String path, String messageKey, Object... arguments) {
        // A document that is not the object the resource takes has no field to name.
        failures.add(path.isEmpty() ? new KefuException(io.kefu.problem.Failure.INVALID, messageKey, arguments)
                : KefuException.invalid(path, messageKey, arguments));
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
