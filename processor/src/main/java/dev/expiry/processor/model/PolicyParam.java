package dev.expiry.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * One {@code @Param} of a policy, with the source positions of its name and value.
 *
 * @param name the auth-param name
 * @param value the auth-param value
 * @param nameValue where the name is written
 * @param valueValue where the value is written
 */
public record PolicyParam(String name, String value, AnnotationValue nameValue, AnnotationValue valueValue) {}
