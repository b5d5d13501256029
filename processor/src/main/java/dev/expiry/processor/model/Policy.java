package dev.expiry.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One {@code @ExpiryPolicy} as written in the source: its attribute values, and where each of them
 * stands, so that a rule can point at exactly the attribute at fault.
 *
 * @param element the element the annotation is written on
 * @param mirror the annotation itself
 * @param on what expired
 * @param client the kind of client it answers
 * @param status the status code
 * @param scheme the auth-scheme, empty when none
 * @param realm the realm, empty when none
 * @param params further auth-params, in declaration order
 * @param location the Location of a 3xx, empty when none
 * @param type the problem type URI
 * @param title the problem title, empty when none
 * @param detail the problem detail, empty when none
 * @param explicit the attributes written out in the source, by name
 * @param useElement the element the policy applies to: {@code element} itself, or, for a policy
 *     that a composed annotation carries, the element that composed annotation is written on
 * @param useMirror the annotation written on {@code useElement}: {@code mirror} itself, or the
 *     composed annotation
 * @param checkedHere whether the rules check the policy's content at this use: true for a policy
 *     written on the element, and for one carried by a composed annotation compiled elsewhere
 *     (then {@code element} and {@code mirror} are the use's); false for one carried by a composed
 *     annotation in this compilation, which is checked once, at its declaration
 */
public record Policy(
    Element element,
    AnnotationMirror mirror,
    Expired on,
    Client client,
    int status,
    String scheme,
    String realm,
    List<PolicyParam> params,
    String location,
    String type,
    String title,
    String detail,
    Map<String, AnnotationValue> explicit,
    Element useElement,
    AnnotationMirror useMirror,
    boolean checkedHere) {

  public Policy {
    params = List.copyOf(params);
    explicit = Map.copyOf(explicit);
  }

  /**
   * This policy as a composed annotation carries it to {@code where}.
   *
   * @param where the element the composed annotation is written on
   * @param composed the composed annotation, as written there
   * @param declaredInSource whether the composed annotation type is in this compilation (then its
   *     content is checked at its declaration, else at this use)
   */
  public Policy usedAt(Element where, AnnotationMirror composed, boolean declaredInSource) {
    if (declaredInSource) {
      return new Policy(element, mirror, on, client, status, scheme, realm, params, location, type, title, detail,
          explicit, where, composed, false);
    }
    return new Policy(where, composed, on, client, status, scheme, realm, params, location, type, title, detail,
        Map.of(), where, composed, true);
  }

  /** Whether two policies send the same response. */
  public boolean sameResponse(Policy other) {
    return status == other.status && scheme.equals(other.scheme) && realm.equals(other.realm)
        && params.stream().map(p -> p.name() + "=" + p.value()).toList()
            .equals(other.params.stream().map(p -> p.name() + "=" + p.value()).toList())
        && location.equals(other.location) && effectiveType().equals(other.effectiveType())
        && effectiveTitle().equals(other.effectiveTitle()) && effectiveDetail().equals(other.effectiveDetail());
  }

  /** Whether the policy declares a challenge. */
  public boolean hasChallenge() {
    return !scheme.isEmpty();
  }

  /** The challenge header this status calls for: {@code Proxy-Authenticate} for 407. */
  public String challengeHeader() {
    return status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
  }

  public boolean isRedirect() {
    return status >= 300 && status <= 399;
  }

  /** The title to send: the declared one, or a default for what expired. */
  public String effectiveTitle() {
    return title.isEmpty() ? on.defaultTitle() : title;
  }

  /**
   * The problem type to send: the declared one, or, when the policy leaves {@code type} at its
   * default, the URI for what expired ({@link Expired#defaultType()}). A {@code type =
   * "about:blank"} written on the policy itself is kept.
   */
  public String effectiveType() {
    return Expired.ABOUT_BLANK.equals(type) && !explicit.containsKey("type") ? on.defaultType() : type;
  }

  /** The detail to send: the declared one, or a default for what expired. */
  public String effectiveDetail() {
    return detail.isEmpty() ? on.defaultDetail() : detail;
  }

  /** Whether this policy answers the given kind of client ({@code BROWSER} or {@code API}). */
  public boolean answers(Client kind) {
    return client == Client.ANY || client == kind;
  }

  /** The source position of an attribute that is written out, if it is. */
  public Optional<AnnotationValue> valueOf(String attribute) {
    return Optional.ofNullable(explicit.get(attribute));
  }

  /** The param with this name, ignoring case, if any. */
  public Optional<PolicyParam> param(String name) {
    return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
  }
}
