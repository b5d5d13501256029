package dev.expiry.tests.dispatch;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The endpoints and filters of the dispatch tests: every way a request reaches a servlet. */
public final class DispatchServlets {

  private DispatchServlets() {}

  /** The title of {@link Titled}'s policy: outside ISO-8859-1 in parts. */
  public static final String TITLE = "Sitzung abgelaufen – neu anmelden ☃ 日本";
  public static final String DETAIL = "Ünïcödé ✓ 𝄞";

  /** Where forwards, includes and async dispatches go; says how it was reached. */
  @ExpiryPolicy(status = 401, scheme = "Target", realm = "target")
  public static class Target extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("target ran " + request.getDispatcherType());
    }
  }

  /** Starts async processing and dispatches to {@link Target}; has a policy of its own. */
  @ExpiryPolicy(status = 401, scheme = "Async", realm = "async")
  public static class AsyncWithPolicy extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      async.start(() -> async.dispatch("/target"));
    }
  }

  /** The same without a policy. */
  public static class AsyncWithout extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      async.start(() -> async.dispatch("/target"));
    }
  }

  /** Forwards to {@link Target}; no policy. */
  public static class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
      request.getRequestDispatcher("/target").forward(request, response);
    }
  }

  /** Includes {@link Target}; no policy. */
  public static class Include extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("included: ");
      request.getRequestDispatcher("/target").include(request, response);
    }
  }

  /** Answers 404 through the container's error page; no policy. */
  public static class Missing extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(404);
    }
  }

  /** The error page for 404, itself an endpoint with a policy. */
  @ExpiryPolicy(status = 401, scheme = "ErrorPage", realm = "error")
  public static class ErrorPage extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("error page " + request.getDispatcherType() + " "
          + request.getAttribute("jakarta.servlet.error.status_code"));
    }
  }

  /** A policy whose title and detail a narrow charset cannot carry. */
  @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "narrow", title = TITLE, detail = DETAIL)
  public static class Titled extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.getWriter().print("titled ran");
    }
  }

  /** Logs in: creates a session. */
  public static class Login extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getSession(true);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("logged in");
    }
  }

  /** Ahead of Expiry: writes and commits the response. */
  public static class Committing implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("early ");
      response.flushBuffer();
      chain.doFilter(request, response);
    }
  }

  /** Ahead of Expiry: writes into the buffer, commits nothing. */
  public static class Buffering implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      response.getOutputStream().print("early ");
      chain.doFilter(request, response);
    }
  }

  /** Ahead of Expiry: takes the writer in ISO-8859-1, as an application with a narrow default may. */
  public static class NarrowWriter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      response.setCharacterEncoding("ISO-8859-1");
      response.getWriter();
      chain.doFilter(request, response);
    }
  }
}
