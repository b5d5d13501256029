package dev.expiry.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A value of an {@code @ExpiryPolicy} that javac accepted but this processor cannot read: an enum
 * constant of {@code dev.expiry.Client} or {@code dev.expiry.Expired} it does not know, which only
 * an {@code expiry-runtime} newer than the processor declares. The policy it belongs to is not
 * read, so it is reported rather than dropped.
 *
 * @param element the element to report on (the use, for a composed annotation compiled elsewhere)
 * @param mirror the annotation to report on
 * @param value the value at fault, or {@code null} where it is not in this compilation's sources
 * @param attribute the attribute's name, {@code client}
 * @param written the value as written, {@code Client.MOBILE}
 * @param known the values this processor knows, in order
 */
public record Unreadable(Element element, AnnotationMirror mirror, AnnotationValue value, String attribute,
    String written, List<String> known) {

  public Unreadable {
    known = List.copyOf(known);
  }

  /** The same value, reported at a use of the composed annotation that carries it. */
  public Unreadable usedAt(Element where, AnnotationMirror composed) {
    return new Unreadable(where, composed, null, attribute, written, known);
  }
}
