package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import java.lang.reflect.Method;

/**
 * Lets the processor's tests ask the runtime's own {@link ExpiryIndex} what it serves, the way the
 * filter asks it: the index reads every policy file a class loader over what a build wrote can see.
 * (This class is in the runtime's package, where {@code ExpiryIndex} can be reached.)
 */
public final class IndexProbe {

  private final ExpiryIndex index;

  private IndexProbe(ExpiryIndex index) {
    this.index = index;
  }

  /** The index of every policy file the class loader sees, for the root context. */
  public static IndexProbe load(ClassLoader loader) {
    return new IndexProbe(ExpiryIndex.load(loader, ""));
  }

  /**
   * The response the filter sends for a servlet's HTTP method, an expiry and a kind of client, as
   * {@code 401 [WWW-Authenticate, Bearer realm="x"]}; {@code null} when none.
   */
  public String servlet(String servletClass, String method, Expired on, Client kind) {
    ExpiryIndex.ServletAnswers answers = index.servlet(servletClass);
    AnswerRow row = answers == null ? null : answers.forMethod(method);
    ExpiryResponse response = row == null ? null : row.forKind(on, kind);
    return response == null ? null : response.toString();
  }

  /** The same for a framework's handler method. */
  public String handler(Class<?> type, Method method, Expired on, Client kind) {
    AnswerRow row = index.handler(new FrameworkHandler(type, method));
    ExpiryResponse response = row == null ? null : row.forKind(on, kind);
    return response == null ? null : response.toString();
  }

  /** How many servlet classes have answers. */
  public int servletCount() {
    return index.servletCount();
  }

  /** How many handler methods have answers. */
  public int handlerCount() {
    return index.handlerCount();
  }
}
