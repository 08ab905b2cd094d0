package com.counterlink.platform.web;

import io.micronaut.core.reflect.ReflectionUtils;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a field of a given Java type expects, said in the API's words (never a Java class name). */
final class ExpectedValue {

    private ExpectedValue() {
    }

    static String of(Class<?> javaType) {
        Class<?> t = ReflectionUtils.getWrapperType(javaType);
        if (t.isEnum()) {
            return "must be one of " + Arrays.stream(t.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(t)) {
            return "must be text";
        }
        if (t == Boolean.class) {
            return "must be true or false";
        }
        if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class || t == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(t)) {
            return "must be a number";
        }
        if (t == UUID.class) {
            return "must be an id (a UUID)";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(t) || t != Object.class) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
