package dev.expiry.processor.check;

import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.FrameworkEndpoint;
import java.util.List;

/**
 * One compile-time check: an id that diagnostics, options and {@code @SuppressWarnings} use, a
 * default severity, whether it may be turned off, a documentation page, and one {@code check}
 * method. A rule never formats positions or decides severity: it hands {@link Findings} what it
 * found, on the attribute at fault, and the {@link Reporter} does the rest.
 */
public abstract class Rule {

  private final String id;
  private final Severity defaultSeverity;
  private final boolean suppressible;
  private final String summary;

  /**
   * @param defaultSeverity the severity without options
   * @param suppressible whether options and {@code @SuppressWarnings} may lower or silence it;
   *     rules that keep unsafe bytes out of a header are not
   * @param summary one line for the README and the rule's page
   */
  protected Rule(Severity defaultSeverity, boolean suppressible, String summary) {
    this.id = getClass().getSimpleName();
    this.defaultSeverity = defaultSeverity;
    this.suppressible = suppressible;
    this.summary = summary;
  }

  /** The rule's id, its class's simple name, as in {@code [MissingChallenge]}. */
  public final String id() {
    return id;
  }

  public final Severity defaultSeverity() {
    return defaultSeverity;
  }

  public final boolean suppressible() {
    return suppressible;
  }

  public final String summary() {
    return summary;
  }

  /** The rule's page, relative to the project's root. */
  public final String docPath() {
    return "docs/rules/" + id + ".md";
  }

  /** Checks the policies written on one element. */
  public abstract void check(Declaration declaration, Findings findings);

  /**
   * Checks one endpoint of the compilation, with every operation it has, once it is read. Most
   * rules look at one declaration at a time and leave this empty.
   */
  public void checkEndpoint(Endpoint endpoint, Findings findings) {}

  /**
   * Checks the routes of every Spring MVC controller and JAX-RS resource of the compilation, once,
   * after all of them are read. Most rules look at one declaration at a time and leave this empty.
   */
  public void checkRoutes(List<FrameworkEndpoint> endpoints, Findings findings) {}

  @Override
  public String toString() {
    return id;
  }
}
