package dev.expiry.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One {@code @NoExpiryPolicy}: an element that is public on purpose, and why.
 *
 * @param element the element the annotation is written on (the annotation type, for one a composed
 *     annotation carries)
 * @param mirror the annotation itself
 * @param reason the reason as written
 * @param reasonValue where the reason is written, for a diagnostic; {@code null} when not in reach
 *     (a composed annotation compiled elsewhere)
 * @param useElement the element it applies to: {@code element}, or the element a composed
 *     annotation carrying it is written on
 * @param useMirror the annotation written on {@code useElement}
 * @param checkedHere whether the rules check it at this use (see {@link Policy#checkedHere()})
 */
public record Exemption(Element element, AnnotationMirror mirror, String reason, AnnotationValue reasonValue,
    Element useElement, AnnotationMirror useMirror, boolean checkedHere) {

  /** This exemption as a composed annotation carries it to {@code where}. */
  public Exemption usedAt(Element where, AnnotationMirror composed, boolean declaredInSource) {
    return declaredInSource ? new Exemption(element, mirror, reason, reasonValue, where, composed, false)
        : new Exemption(where, composed, reason, null, where, composed, true);
  }
}
