package dev.expiry.processor.model;

/** A web framework that dispatches requests to handler methods behind one servlet. */
public enum Framework {
  SPRING_MVC("spring-mvc", "Spring MVC", "SPRING_MVC"),
  JAX_RS("jax-rs", "JAX-RS", "JAX_RS");

  private final String id;
  private final String displayName;
  private final String constant;

  Framework(String id, String displayName, String constant) {
    this.id = id;
    this.displayName = displayName;
    this.constant = constant;
  }

  /** The id the runtime knows the framework by. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The name of the {@code ExpiryHandler.Policies} constant for it. */
  public String constant() {
    return constant;
  }
}
