package dev.expiry.processor.check;

import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationValue;

/** Collects what the rules find in one declaration. */
public final class Findings {

  private final List<Finding> found = new ArrayList<>();

  /** Reports a problem with a whole policy. */
  public void on(Rule rule, Policy policy, String message) {
    found.add(new Finding(rule, policy.element(), policy.mirror(), null, message));
  }

  /**
   * Reports a problem with one attribute of a policy; points at its value where it is written out,
   * at the whole annotation where the attribute takes its default.
   */
  public void onAttribute(Rule rule, Policy policy, String attribute, String message) {
    AnnotationValue value = policy.valueOf(attribute).orElse(null);
    found.add(new Finding(rule, policy.element(), policy.mirror(), value, message));
  }

  /** Reports a problem with a param's name. */
  public void onParamName(Rule rule, Policy policy, PolicyParam param, String message) {
    found.add(new Finding(rule, policy.element(), policy.mirror(), param.nameValue(), message));
  }

  /** Reports a problem with a param's value. */
  public void onParamValue(Rule rule, Policy policy, PolicyParam param, String message) {
    found.add(new Finding(rule, policy.element(), policy.mirror(), param.valueValue(), message));
  }

  public List<Finding> all() {
    return List.copyOf(found);
  }
}
