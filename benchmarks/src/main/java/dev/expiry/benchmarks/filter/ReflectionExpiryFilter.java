package dev.expiry.benchmarks.filter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Expiry would be without code generation: the straightforward filter a developer writes
 * against a RUNTIME annotation. It finds the servlet class of the request, reads {@link
 * RuntimePolicy} from it once per class (cached in a {@link ConcurrentHashMap}), and renders the
 * challenge per request; the rest of the response (body, cookie, other headers) it writes from
 * constants captured from Expiry, so it does less than Expiry there. Class policies only: per-method policies would cost a reflective method
 * lookup per request on top.
 */
final class ReflectionExpiryFilter implements Filter {

  private final Map<Class<?>, Optional<RuntimePolicy>> policies = new ConcurrentHashMap<>();
  private final ExpiredAnswer rest;
  private ServletContext context;

  /** @param rest the rest of Expiry's response, written from constants after status and challenge */
  ReflectionExpiryFilter(ExpiredAnswer rest) {
    this.rest = rest;
  }

  @Override
  public void init(FilterConfig config) {
    context = config.getServletContext();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getRequestedSessionId() != null && !http.isRequestedSessionIdValid()) {
      RuntimePolicy policy = policyOf(http);
      if (policy != null) {
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        httpResponse.setStatus(policy.status());
        httpResponse.setHeader(policy.status() == 407 ? "Proxy-Authenticate" : "WWW-Authenticate", challenge(policy));
        rest.writeRest(httpResponse);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private RuntimePolicy policyOf(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    ServletRegistration registration = context.getServletRegistration(mapping.getServletName());
    if (registration == null) {
      return null;
    }
    Class<?> servlet;
    try {
      servlet = Class.forName(registration.getClassName(), false, context.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    return policies.computeIfAbsent(servlet, c -> Optional.ofNullable(c.getAnnotation(RuntimePolicy.class)))
        .orElse(null);
  }

  /** The challenge, rendered the naive way: concatenation and escaping, per request. */
  static String challenge(RuntimePolicy policy) {
    String challenge = policy.scheme();
    String separator = " ";
    if (!policy.realm().isEmpty()) {
      challenge += separator + "realm=" + quote(policy.realm());
      separator = ", ";
    }
    for (RuntimeParam param : policy.params()) {
      challenge += separator + param.name() + "=" + quote(param.value());
      separator = ", ";
    }
    return challenge;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
