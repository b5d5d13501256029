package dev.expiry.spring.webmvc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The request as Spring's handler mappings see it during a lookup from the filter. The attributes
 * they set or remove (the parsed path, the matched pattern, URI variables, the best matching
 * handler, ...) are kept here, so the request reaches the {@code DispatcherServlet} as it came;
 * and it has no session to create: {@code getSession()} only ever returns an existing one.
 */
final class LookupRequest extends HttpServletRequestWrapper {

  /**
   * The attribute that keeps {@code AbstractHandlerMapping} from logging each lookup as if it
   * were the dispatch ({@code HandlerMappingIntrospector} sets it for the same reason).
   */
  static final String SUPPRESS_LOGGING = "org.springframework.web.servlet.handler.AbstractHandlerMapping.SUPPRESS_LOGGING";

  /** Marks an attribute removed during the lookup. */
  private static final Object REMOVED = new Object();

  private final Map<String, Object> changed = new HashMap<>();

  LookupRequest(HttpServletRequest request) {
    super(request);
    changed.put(SUPPRESS_LOGGING, Boolean.TRUE);
  }

  @Override
  public Object getAttribute(String name) {
    Object value = changed.get(name);
    if (value == null) {
      return super.getAttribute(name);
    }
    return value == REMOVED ? null : value;
  }

  @Override
  public void setAttribute(String name, Object value) {
    changed.put(name, value == null ? REMOVED : value);
  }

  @Override
  public void removeAttribute(String name) {
    changed.put(name, REMOVED);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
    changed.forEach((name, value) -> {
      if (value == REMOVED) {
        names.remove(name);
      } else {
        names.add(name);
      }
    });
    return Collections.enumeration(names);
  }

  @Override
  public HttpSession getSession() {
    return super.getSession(false);
  }

  @Override
  public HttpSession getSession(boolean create) {
    return super.getSession(false);
  }
}
