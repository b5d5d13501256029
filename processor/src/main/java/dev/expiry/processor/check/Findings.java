package dev.expiry.processor.check;

import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Collects what the rules find in one declaration. */
public final class Findings {

  private final List<Finding> found;
  /** False for the view {@link #unsuppressible()} returns. */
  private final boolean suppressible;

  public Findings() {
    this(new ArrayList<>(), true);
  }

  private Findings(List<Finding> found, boolean suppressible) {
    this.found = found;
    this.suppressible = suppressible;
  }

  /**
   * A view that adds to the same findings, but marks each as one no option or {@code
   * @SuppressWarnings} can silence, always reported as an error. For the part of a suppressible
   * rule that keeps a header well-formed; a rule that is unsuppressible as a whole needs no view.
   */
  public Findings unsuppressible() {
    return new Findings(found, false);
  }

  /** Reports a problem with a whole policy. */
  public void on(Rule rule, Policy policy, String message) {
    add(rule, policy, null, message);
  }

  /**
   * Reports a problem with where a policy is used: at the annotation written on the element it
   * applies to (the composed annotation, for a policy that one carries).
   */
  public void onUse(Rule rule, Policy policy, String message) {
    found.add(new Finding(rule, policy.useElement(), policy.useMirror(), null, message,
        suppressible && rule.suppressible()));
  }

  /** Reports a problem with an element, at one of its annotations ({@code null}: the element). */
  public void onElement(Rule rule, Element element, AnnotationMirror mirror, String message) {
    found.add(new Finding(rule, element, mirror, null, message, suppressible && rule.suppressible()));
  }

  /**
   * Reports a problem with a value of an annotation on an element ({@code value} {@code null}: the
   * whole annotation).
   */
  public void onValue(Rule rule, Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    found.add(new Finding(rule, element, mirror, value, message, suppressible && rule.suppressible()));
  }

  /**
   * Reports a problem with one attribute of a policy; points at its value where it is written out,
   * at the whole annotation where the attribute takes its default.
   */
  public void onAttribute(Rule rule, Policy policy, String attribute, String message) {
    add(rule, policy, policy.valueOf(attribute).orElse(null), message);
  }

  /** Reports a problem with a param's name. */
  public void onParamName(Rule rule, Policy policy, PolicyParam param, String message) {
    add(rule, policy, param.nameValue(), message);
  }

  /** Reports a problem with a param's value. */
  public void onParamValue(Rule rule, Policy policy, PolicyParam param, String message) {
    add(rule, policy, param.valueValue(), message);
  }

  /** Reports a problem with an exemption, at its reason where that is written out. */
  public void onReason(Rule rule, dev.expiry.processor.model.Exemption exemption, String message) {
    found.add(new Finding(rule, exemption.element(), exemption.mirror(), exemption.reasonValue(), message,
        suppressible && rule.suppressible()));
  }

  /** Reports a problem with where an exemption is used: at the annotation on the element it applies to. */
  public void onUse(Rule rule, dev.expiry.processor.model.Exemption exemption, String message) {
    found.add(new Finding(rule, exemption.useElement(), exemption.useMirror(), null, message,
        suppressible && rule.suppressible()));
  }

  public List<Finding> all() {
    return List.copyOf(found);
  }

  private void add(Rule rule, Policy policy, AnnotationValue value, String message) {
    found.add(new Finding(rule, policy.element(), policy.mirror(), value, message,
        suppressible && rule.suppressible()));
  }
}
