package dev.expiry.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every endpoint the policy files visible to a class loader declare: servlets by class name and
 * HTTP method, framework handler methods by class name and method key. Each jar compiled with the
 * processor carries its own file ({@link PolicyFile#PATH}), and all of them are read.
 */
final class ExpiryIndex {

  /** The HTTP method key of a servlet's answers for every method that has none of its own. */
  static final String ANY_METHOD = "*";

  private static final System.Logger LOG = System.getLogger(ExpiryIndex.class.getName());

  /** Marks a handler method that has no answers, so that the lookup is never repeated. */
  private static final AnswerRow NONE = new AnswerRow(new ExpiryResponse[0]);

  private final Map<String, Map<String, AnswerRow>> servlets;
  private final Map<String, Map<String, AnswerRow>> handlers;
  /** Handler methods the frameworks reported, resolved once each (bounded by the application's methods). */
  private final Map<FrameworkHandler, AnswerRow> resolved = new ConcurrentHashMap<>();

  private ExpiryIndex(Map<String, Map<String, AnswerRow>> servlets, Map<String, Map<String, AnswerRow>> handlers) {
    this.servlets = freeze(servlets);
    this.handlers = freeze(handlers);
  }

  private static Map<String, Map<String, AnswerRow>> freeze(Map<String, Map<String, AnswerRow>> byClass) {
    Map<String, Map<String, AnswerRow>> copy = new HashMap<>();
    byClass.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return Map.copyOf(copy);
  }

  /**
   * Loads the policy file of every jar (and class directory) the class loader can see. A file
   * that cannot be read whole (written by an incompatible processor version, damaged) is logged
   * and skipped whole, so one broken jar does not take the others down.
   */
  static ExpiryIndex load(ClassLoader loader, String contextPath) {
    Map<String, Map<String, AnswerRow>> servlets = new HashMap<>();
    Map<String, Map<String, AnswerRow>> handlers = new HashMap<>();
    Enumeration<URL> files;
    try {
      files = loader.getResources(PolicyFile.PATH);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Expiry cannot list the " + PolicyFile.PATH + " files; no policies are served", e);
      return new ExpiryIndex(servlets, handlers);
    }
    while (files.hasMoreElements()) {
      URL file = files.nextElement();
      Collector collected = new Collector(contextPath);
      try {
        PolicyFile.read(file, collected);
      } catch (IOException | PolicyFile.Malformed | RuntimeException e) {
        LOG.log(Level.WARNING, "Expiry skips the policies in " + file + ": " + e.getMessage());
        continue;
      }
      merge(file, "servlet", collected.servlets, servlets);
      merge(file, "handler class", collected.handlers, handlers);
    }
    return new ExpiryIndex(servlets, handlers);
  }

  private static void merge(URL file, String what, Map<String, Map<String, AnswerRow>> from,
      Map<String, Map<String, AnswerRow>> into) {
    from.forEach((type, rows) -> {
      if (into.putIfAbsent(type, rows) != null) {
        LOG.log(Level.WARNING, "Two Expiry policy files declare the " + what + " " + type + " (is it on the class"
            + " path twice?); the first one loaded is used, not the one in " + file);
      }
    });
  }

  /**
   * The answers of a servlet class, resolved once per servlet so that a request only picks its
   * method's; {@code null} when the class has none.
   */
  ServletAnswers servlet(String className) {
    Map<String, AnswerRow> rows = className == null ? null : servlets.get(className);
    return rows == null ? null : new ServletAnswers(rows);
  }

  /** One servlet class's answers by HTTP method. Immutable. */
  static final class ServletAnswers {
    /** The methods with answers of their own, without {@link #ANY_METHOD}. */
    private final Map<String, AnswerRow> byMethod;
    private final AnswerRow anyMethod;

    private ServletAnswers(Map<String, AnswerRow> rows) {
      Map<String, AnswerRow> own = new HashMap<>(rows);
      this.anyMethod = own.remove(ANY_METHOD);
      this.byMethod = Map.copyOf(own);
    }

    /** The answers for an HTTP method: its own, else those for every method; may be null. */
    AnswerRow forMethod(String method) {
      AnswerRow row = method == null || byMethod.isEmpty() ? null : byMethod.get(method);
      return row != null ? row : anyMethod;
    }
  }

  /**
   * The answers of the handler method a framework reported, or {@code null}. A class compiled
   * without the processor (a proxy, a subclass from elsewhere) takes those of its nearest
   * superclass that has them.
   */
  AnswerRow handler(FrameworkHandler handler) {
    AnswerRow row = resolved.get(handler);
    if (row == null) {
      row = resolved.computeIfAbsent(handler, this::lookUp);
    }
    return row == NONE ? null : row;
  }

  private AnswerRow lookUp(FrameworkHandler handler) {
    String key = FrameworkHandler.methodKey(handler.method());
    for (Class<?> type = handler.type(); type != null && type != Object.class; type = type.getSuperclass()) {
      Map<String, AnswerRow> rows = handlers.get(type.getName());
      if (rows != null) {
        AnswerRow row = rows.get(key);
        return row == null ? NONE : row;
      }
    }
    return NONE;
  }

  /** How many handler methods the frameworks reported have been resolved (and are kept). */
  int resolvedCount() {
    return resolved.size();
  }

  boolean hasHandlers() {
    return !handlers.isEmpty();
  }

  /** The number of servlet classes with answers. */
  int servletCount() {
    return servlets.size();
  }

  /** The number of framework handler methods with answers. */
  int handlerCount() {
    return handlers.values().stream().mapToInt(Map::size).sum();
  }

  /** Collects what one policy file declares, resolving locations against the context path. */
  private static final class Collector implements PolicyFile.Receiver {
    private final String contextPath;
    final Map<String, Map<String, AnswerRow>> servlets = new HashMap<>();
    final Map<String, Map<String, AnswerRow>> handlers = new HashMap<>();

    Collector(String contextPath) {
      this.contextPath = contextPath;
    }

    @Override
    public Object response(int status, String type, String title, String detail, String[] headers) {
      return new ExpiryResponse(status, type, title, detail, headers).inContext(contextPath);
    }

    @Override
    public Object answers(List<Object> responses) {
      return new AnswerRow(responses.toArray(new ExpiryResponse[0]));
    }

    @Override
    public void servlet(String servletClass, String method, Object answers) {
      put(servlets, servletClass, method, (AnswerRow) answers);
    }

    @Override
    public void handler(String endpointClass, String method, Object answers) {
      put(handlers, endpointClass, method, (AnswerRow) answers);
    }

    private static void put(Map<String, Map<String, AnswerRow>> into, String type, String key, AnswerRow row) {
      if (into.computeIfAbsent(type, t -> new HashMap<>()).putIfAbsent(key, row) != null) {
        throw new IllegalArgumentException(type + " " + key + " declared twice");
      }
    }
  }
}
