package dev.expiry.processor.check;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * What a rule found, and where: on an element, on one of its annotations, and where one attribute
 * is at fault, on that attribute's value.
 *
 * @param rule the rule that found it
 * @param element the element the annotation is written on
 * @param mirror the annotation, or {@code null} to point at the element
 * @param value the attribute value at fault, or {@code null} to point at the whole annotation
 * @param message what is wrong, why, and how to fix it, without the rule id or page
 * @param suppressible whether options and {@code @SuppressWarnings} may silence it: the rule's own
 *     setting, unless the rule marked this finding as one that keeps a header well-formed (see
 *     {@link Findings#unsuppressible()}); an unsuppressible finding is always an error
 */
public record Finding(
    Rule rule, Element element, AnnotationMirror mirror, AnnotationValue value, String message, boolean suppressible) {}
