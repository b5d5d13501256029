package dev.expiry.spring.boot;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.spring.security.ExpirySecurityFilter;
import jakarta.servlet.Filter;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.ClassUtils;

/**
 * Logs, once the application's beans exist, where Expiry answers: inside which of Spring
 * Security's filter chains and between which of its filters, or at which servlet filter order
 * relative to Spring Session's {@code SessionRepositoryFilter} and Spring Security's filter chain;
 * and warns when that position cannot work (before Spring Session, after Spring Security, a chain
 * Expiry is not in). Its logger is named after this class, so {@code logging.level.dev.expiry}
 * tunes it.
 */
final class ExpiryFilterPosition implements SmartInitializingSingleton {

  private static final System.Logger LOG = System.getLogger(ExpiryFilterPosition.class.getName());

  private static final String SECURITY_FILTER = "springSecurityFilterChain";
  private static final String SESSION_FILTER = "org.springframework.session.web.http.SessionRepositoryFilter";
  private static final String CHAIN = "org.springframework.security.web.SecurityFilterChain";

  private final ListableBeanFactory beans;

  ExpiryFilterPosition(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      for (String line : describe()) {
        boolean warning = line.startsWith("!");
        LOG.log(warning ? Level.WARNING : Level.INFO, warning ? line.substring(1) : line);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.DEBUG, "Expiry could not describe where its filter runs", e);
    }
  }

  /** The lines to log; a warning starts with {@code !}. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    Integer expiryOrder = null;
    Integer sessionOrder = null;
    Integer securityOrder = null;
    @SuppressWarnings("rawtypes")
    Map<String, AbstractFilterRegistrationBean> registrations = beans.getBeansOfType(AbstractFilterRegistrationBean.class);
    for (AbstractFilterRegistrationBean<?> registration : registrations.values()) {
      if (registration instanceof FilterRegistrationBean<?> plain && plain.getFilter() instanceof ExpiryFilter) {
        expiryOrder = registration.getOrder();
      } else if (SECURITY_FILTER.equals(registration.getFilterName())) {
        securityOrder = registration.getOrder();
      } else if (isSessionFilter(registration.getFilterName())) {
        sessionOrder = registration.getOrder();
      }
    }
    String session = sessionOrder == null ? null
        : "Spring Session's SessionRepositoryFilter (order " + order(sessionOrder) + ")";
    String security = securityOrder == null ? null
        : "Spring Security's filter chain (order " + order(securityOrder) + ")";

    List<String> inside = new ArrayList<>();
    List<String> without = new ArrayList<>();
    if (ClassUtils.isPresent(CHAIN, getClass().getClassLoader())) {
      Chains.describe(beans, inside, without);
    }

    if (expiryOrder != null) {
      StringBuilder line = new StringBuilder("Expiry answers expired sessions in the servlet filter ")
          .append(ExpiryFilter.NAME).append(" for every request, at order ").append(order(expiryOrder))
          .append(" (expiry.filter-order)");
      List<String> relative = new ArrayList<>();
      if (session != null && sessionOrder < expiryOrder) {
        relative.add("after " + session);
      }
      if (security != null && expiryOrder < securityOrder) {
        relative.add("before " + security);
      }
      if (!relative.isEmpty()) {
        line.append(": ").append(String.join(", ", relative));
      }
      lines.add(line.toString());
      if (session != null && sessionOrder >= expiryOrder) {
        lines.add("!Expiry's filter (order " + order(expiryOrder) + ") runs before " + session + " and cannot see"
            + " the sessions Spring Session manages; set expiry.filter-order above " + order(sessionOrder));
      }
      if (security != null && expiryOrder >= securityOrder) {
        lines.add("!Expiry's filter (order " + order(expiryOrder) + ") runs after " + security + ", which answers"
            + " expired sessions first (a redirect to its login page); set expiry.filter-order below "
            + order(securityOrder));
      }
      if ((security != null || !without.isEmpty()) && inside.isEmpty()) {
        lines.add("Spring Security's chains are left as they are (expiry.security.enabled=false): Expiry's answers"
            + " do not carry Spring Security's headers, and CSRF, bearer-token and concurrent-session denials get"
            + " Spring Security's own answers");
      }
    }
    for (String chain : inside) {
      lines.add("Expiry answers inside Spring Security's filter chain " + chain);
    }
    if (!inside.isEmpty() && session != null) {
      lines.add(sessionOrder < securityOrder
          ? session + " runs before " + security + ", so Expiry sees the sessions it manages"
          : "!" + session + " runs after " + security + ": Expiry inside the chain cannot see the sessions it"
              + " manages; keep spring.session.servlet.filter-order below spring.security.filter.order");
    }
    for (String chain : expiryOrder != null ? List.<String>of() : without) {
      lines.add("!Spring Security's filter chain " + chain + " does not run Expiry (it was not built from"
          + " Spring Security's HttpSecurity bean): the requests it matches get Spring Security's answers; apply"
          + " http.with(ExpiryConfigurer.expiry(), Customizer.withDefaults()) to it");
    }
    if (expiryOrder == null && inside.isEmpty()) {
      lines.add("!Expiry's filter is registered neither as a servlet filter nor in a Spring Security filter chain:"
          + " expired sessions get the application's own answers");
    }
    return lines;
  }

  private boolean isSessionFilter(String beanName) {
    if (beanName == null || !beans.containsBean(beanName)) {
      return false;
    }
    for (Class<?> type = beans.getType(beanName); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(SESSION_FILTER)) {
        return true;
      }
    }
    return false;
  }

  private static String order(int order) {
    if (order < Integer.MIN_VALUE / 2) {
      return "Integer.MIN_VALUE + " + ((long) order - Integer.MIN_VALUE);
    }
    return String.valueOf(order);
  }

  /** Spring Security's chains, loaded only when Spring Security is present. */
  private static final class Chains {

    static void describe(ListableBeanFactory beans, List<String> inside, List<String> without) {
      beans.getBeansOfType(org.springframework.security.web.SecurityFilterChain.class).forEach((name, chain) -> {
        List<Filter> filters = chain.getFilters();
        int at = -1;
        for (int i = 0; i < filters.size(); i++) {
          if (filters.get(i) instanceof ExpirySecurityFilter) {
            at = i;
          }
        }
        String label = "\"" + name + "\"";
        if (at < 0) {
          without.add(label);
          return;
        }
        String before = filters.subList(0, at).stream().map(f -> f.getClass().getSimpleName())
            .collect(Collectors.joining(", "));
        String after = filters.subList(at + 1, filters.size()).stream().map(f -> f.getClass().getSimpleName())
            .collect(Collectors.joining(", "));
        inside.add(label + ": after " + (before.isEmpty() ? "no filter" : before) + "; before "
            + (after.isEmpty() ? "no filter" : after));
      });
    }
  }
}
