package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.expiry.Expired;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A context Expiry cannot serve — here one whose container lacks a Servlet 6 method, as an older
 * container would — is remembered as such: requests and application calls pass through, and the
 * start is not tried again on every call.
 */
class ResponderStartTest {

  @Test
  void aContextThatCannotBeServedIsTriedOnceAndSendReportsNothingWritten() throws Exception {
    AtomicInteger cookieConfigCalls = new AtomicInteger();
    Map<String, Object> attributes = new HashMap<>();
    ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getAttribute" -> attributes.get((String) args[0]);
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          case "getClassLoader" -> getClass().getClassLoader();
          case "getContextPath" -> "";
          case "getInitParameter" -> null;
          case "getSessionCookieConfig" -> {
            cookieConfigCalls.incrementAndGet();
            throw new NoSuchMethodError("jakarta.servlet.ServletContext.getSessionCookieConfig");
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
    HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          if (method.getName().equals("getServletContext")) {
            return context;
          }
          throw new UnsupportedOperationException(method.getName());
        });
    HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });

    assertNull(Responder.of(context));
    assertFalse(ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN));
    assertFalse(ExpiryResponses.send(request, response, Expired.CSRF_TOKEN));
    assertNull(Responder.of(context));
    assertEquals(1, cookieConfigCalls.get(), "the start is tried once, not on every call");
  }
}
