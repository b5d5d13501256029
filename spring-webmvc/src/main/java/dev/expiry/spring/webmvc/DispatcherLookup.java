package dev.expiry.spring.webmvc;

import dev.expiry.runtime.FrameworkDispatch;
import dev.expiry.runtime.FrameworkHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FrameworkServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds the handler method one {@code DispatcherServlet} runs for a request, by asking the same
 * handler mappings, in the same order, that the servlet asks: every condition of a mapping (path
 * pattern and its parser's options, HTTP method, {@code params}, {@code headers}, {@code
 * consumes}, {@code produces}) counts because Spring applies it. This is what Spring Security's
 * and Spring's CORS support do from a filter ({@code HandlerMappingIntrospector}, deprecated in
 * Spring 7 and without a method that returns the handler).
 *
 * <p>The mappings are those of the servlet's {@link WebApplicationContext}: the one the servlet
 * publishes as the servlet context attribute {@link FrameworkServlet#SERVLET_CONTEXT_PREFIX} plus
 * its name once it is initialized, and until then the root {@code WebApplicationContext} (the
 * context Spring Boot's {@code DispatcherServlet} runs with). As the servlet does, it takes every
 * {@link HandlerMapping} bean of the context and its ancestors in their order, only the bean
 * {@code handlerMapping} when the init parameter {@code detectAllHandlerMappings} is false, and
 * Spring's default mappings when the servlet's own context declares none. They are looked up once
 * per context (again after a refresh), never per request path.
 *
 * <p>The mappings see the request through a {@link LookupRequest}: what they store in it stays
 * there, and it has no session to create. Only a {@link HandlerMethod} is a handler Expiry knows;
 * anything else (a resource handler, a handler function, no handler, or a condition that fails so
 * that Spring answers 404, 405, 406 or 415 itself) leaves the request to Spring. Inside the
 * servlet, where Spring has already chosen ({@link HandlerMapping#BEST_MATCHING_HANDLER_ATTRIBUTE}),
 * its choice is taken as it is.
 *
 * <p>A lookup never throws: a failure is logged once at WARNING (later ones at DEBUG) and the
 * request is left to Spring.
 */
final class DispatcherLookup implements FrameworkDispatch.Lookup {

  private static final System.Logger LOG = System.getLogger(DispatcherLookup.class.getName());

  /** The DispatcherServlet init parameter (a bean property) that limits it to one mapping. */
  private static final String DETECT_ALL = "detectAllHandlerMappings";

  /**
   * The handler mappings of one context, as found for it.
   *
   * @param context the context they come from
   * @param startup its start-up date, which a refresh changes
   * @param own whether it is the servlet's own, published context (not the root one, before init)
   * @param list the mappings in the servlet's order
   * @param parsePath whether the request path is parsed for them, as the servlet parses it
   */
  private record Mappings(ApplicationContext context, long startup, boolean own, List<HandlerMapping> list,
      boolean parsePath) {

    boolean isFor(ApplicationContext context, boolean own) {
      return this.context == context && this.startup == context.getStartupDate() && this.own == own;
    }
  }

  private final ServletContext servletContext;
  private final String servletName;
  /** The servlet context attribute the servlet publishes its context under. */
  private final String published;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile Mappings mappings;

  DispatcherLookup(ServletContext servletContext, String servletName) {
    this.servletContext = servletContext;
    this.servletName = servletName;
    this.published = FrameworkServlet.SERVLET_CONTEXT_PREFIX + servletName;
  }

  @Override
  public FrameworkHandler handlerOf(HttpServletRequest request) {
    try {
      Object chosen = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
      if (chosen != null) {
        return chosen instanceof HandlerMethod method ? handlerOf(method) : null;
      }
      Mappings current = mappings();
      return current == null ? null : find(current, request);
    } catch (Exception | LinkageError e) {
      if (e instanceof ServletException || e instanceof ErrorResponse) {
        // No handler, or a condition that fails (404, 405, 406, 415, a missing parameter, an
        // invalid API version): Spring answers it itself.
        return null;
      }
      boolean first = warned.compareAndSet(false, true);
      LOG.log(first ? Level.WARNING : Level.DEBUG, "Expiry could not ask Spring MVC which handler servlet \""
          + servletName + "\" runs for an expired request; Spring answers it itself", e);
      return null;
    }
  }

  private static FrameworkHandler handlerOf(HandlerMethod method) {
    return new FrameworkHandler(ClassUtils.getUserClass(method.getBeanType()), method.getMethod());
  }

  /** Asks the mappings in order, as {@code DispatcherServlet.getHandler} does. */
  private static FrameworkHandler find(Mappings mappings, HttpServletRequest request) throws Exception {
    LookupRequest lookup = new LookupRequest(request);
    // Scoped beans a mapping resolves see the lookup's request too, never the application's.
    RequestAttributes previous = RequestContextHolder.getRequestAttributes();
    ServletRequestAttributes attributes = new ServletRequestAttributes(lookup);
    RequestContextHolder.setRequestAttributes(attributes);
    try {
      if (mappings.parsePath()) {
        ServletRequestPathUtils.parseAndCache(lookup);
      }
      for (HandlerMapping mapping : mappings.list()) {
        HandlerExecutionChain chain = mapping.getHandler(lookup);
        if (chain != null) {
          return chain.getHandler() instanceof HandlerMethod method ? handlerOf(method) : null;
        }
      }
      return null;
    } finally {
      attributes.requestCompleted();
      RequestContextHolder.setRequestAttributes(previous);
    }
  }

  /**
   * The mappings of the servlet's context; {@code null} while there is no context to ask (the
   * servlet is not initialized yet, or its context is closed), so that a later request asks again.
   */
  private Mappings mappings() {
    Object servlets = servletContext.getAttribute(published);
    boolean own = servlets instanceof WebApplicationContext;
    Object found = own ? servlets : servletContext.getAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE);
    if (!(found instanceof WebApplicationContext context)
        || context instanceof ConfigurableApplicationContext configurable && !configurable.isActive()) {
      return null;
    }
    Mappings current = mappings;
    if (current == null || !current.isFor(context, own)) {
      synchronized (this) {
        current = mappings;
        if (current == null || !current.isFor(context, own)) {
          current = mappingsOf(context, own);
          mappings = current;
        }
      }
    }
    return current.list().isEmpty() ? null : current;
  }

  /** The mappings {@code DispatcherServlet.initHandlerMappings} would find in the context. */
  private Mappings mappingsOf(WebApplicationContext context, boolean own) {
    long startup = context.getStartupDate();
    List<HandlerMapping> list = new ArrayList<>();
    if (detectsAll()) {
      list.addAll(BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false).values());
      AnnotationAwareOrderComparator.sort(list);
    } else {
      try {
        list.add(context.getBean(DispatcherServlet.HANDLER_MAPPING_BEAN_NAME, HandlerMapping.class));
      } catch (NoSuchBeanDefinitionException e) {
        // The servlet falls back on its defaults, as below.
      }
    }
    if (list.isEmpty() && own) {
      // The root context before the servlet initialized may simply not be the servlet's: only the
      // servlet's own context gets the defaults the servlet itself would use.
      list.addAll(Defaults.handlerMappings(context));
    }
    boolean parsePath = list.stream().anyMatch(HandlerMapping::usesPathPatterns);
    return new Mappings(context, startup, own, List.copyOf(list), parsePath);
  }

  /** Whether the servlet's init parameters leave {@code detectAllHandlerMappings} on, its default. */
  private boolean detectsAll() {
    ServletRegistration registration = servletContext.getServletRegistration(servletName);
    String value = registration == null ? null : registration.getInitParameter(DETECT_ALL);
    // Converted as Spring converts the servlet's init parameters to its bean properties.
    return value == null || !Boolean.FALSE.equals(new SimpleTypeConverter().convertIfNecessary(value.trim(), Boolean.class));
  }

  /** Reaches the default strategies of {@code DispatcherServlet}, created as the servlet creates them. */
  @SuppressWarnings("serial")
  private static final class Defaults extends DispatcherServlet {

    static List<HandlerMapping> handlerMappings(ApplicationContext context) {
      return new Defaults().getDefaultStrategies(context, HandlerMapping.class);
    }
  }
}
