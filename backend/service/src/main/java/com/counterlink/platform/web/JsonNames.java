package com.counterlink.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.config.annotation.SerdeConfig;

import java.util.Arrays;

/** The names clients use for our fields: Jackson's {@code @JsonProperty} (Serde keeps it as its property name), else the Java name. */
final class JsonNames {

    private JsonNames() {
    }

    static String of(Argument<?> argument) {
        return of(argument.getAnnotationMetadata(), argument.getName());
    }

    /** The JSON name of {@code property} of {@code beanType}, or the property itself when the type does not say. */
    static String of(Class<?> beanType, String property) {
        return BeanIntrospector.SHARED.findIntrospection(beanType)
                .flatMap(i -> Arrays.stream(i.getConstructorArguments()).filter(a -> a.getName().equals(property)).findFirst())
                .map(JsonNames::of)
                .orElse(property);
    }

    private static String of(AnnotationMetadata metadata, String javaName) {
        return metadata.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                .or(() -> metadata.stringValue(JsonProperty.class))
                .orElse(javaName);
    }
}
