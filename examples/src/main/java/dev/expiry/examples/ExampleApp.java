package dev.expiry.examples;

import dev.expiry.examples.spring.ShopDispatcher;
import dev.expiry.runtime.ExpiryInitializer;
import java.io.PrintStream;
import java.net.URI;
import java.util.OptionalInt;
import org.eclipse.jetty.ee11.servlet.ResourceServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * A small application on embedded Jetty that shows each expiry answer.
 *
 * <ul>
 *   <li>{@code /login} and {@code /logout} start and end a session; sessions time out after
 *       {@value #SESSION_TIMEOUT_SECONDS} second of inactivity;
 *   <li>{@code /api/orders} answers an expired session with a custom-scheme 401 challenge;
 *   <li>{@code /api/profile} with an OAuth-style Bearer challenge;
 *   <li>{@code /account} sends a browser to the login page and back with a 303, and gives a
 *       script a 401;
 *   <li>{@code /form} answers a stale CSRF token with its own 403, and keeps what was typed
 *       through an expiry with the client script, {@code /expiry/expiry.js};
 *   <li>{@code /api/stock} answers an expired bearer token, which the application detects;
 *   <li>{@code /legacy/cart} keeps a deliberate, suppressed 419 for an old client;
 *   <li>{@code /shop/catalog/{id}} is a Spring MVC controller with a composed policy.
 * </ul>
 *
 * <p>Run it with no arguments to serve on port {@value #DEFAULT_PORT} until stopped ({@code --port
 * N} to choose another, 0 for any free one), or with {@code --tour} to start it on a free port,
 * walk through every endpoint with {@link Tour}, and exit with status 0 when every answer is the
 * one its policy declares.
 */
public final class ExampleApp implements AutoCloseable {

  /** The port served on when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** How long a session lives without requests: short, so that expiry can be watched. */
  public static final int SESSION_TIMEOUT_SECONDS = 1;

  private static final String USAGE = "usage: ExampleApp [--port N] [--tour]";

  private final Server server;
  private final ServerConnector connector;

  private ExampleApp(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts the application on the given port (0 for any free one).
   *
   * @throws Exception if Jetty cannot start, for example because the port is taken
   */
  public static ExampleApp start(int port) throws Exception {
    return start(port, (server, context) -> {});
  }

  /** What is added to the application before it starts: the browser tests add their pages. */
  interface Addition {
    void addTo(Server server, ServletContextHandler context);
  }

  static ExampleApp start(int port, Addition addition) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    // What a servlet container does for a WAR that has expiry-runtime in WEB-INF/lib.
    context.addServletContainerInitializer(new ExpiryInitializer());
    context.addServlet(LoginServlet.class, "/login");
    context.addServlet(LogoutServlet.class, "/logout");
    context.addServlet(OrdersServlet.class, "/api/orders/*");
    context.addServlet(ProfileServlet.class, "/api/profile");
    context.addServlet(AccountServlet.class, "/account");
    context.addServlet(AddressFormServlet.class, "/form");
    context.addServlet(TokenServlet.class, "/api/stock/*");
    context.addServlet(LegacyServlet.class, "/legacy/cart");
    context.addServlet(ShopDispatcher.class, "/shop/*"); // Spring MVC: see the spring package
    // What a servlet container does with META-INF/resources of the jars in WEB-INF/lib: serves
    // expiry-runtime's client script at /expiry/expiry.js.
    context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("META-INF/resources"));
    ServletHolder resources = context.addServlet(ResourceServlet.class, "/");
    resources.setInitParameter("dirAllowed", "false");
    addition.addTo(server, context);
    server.setHandler(context);

    ExampleApp app = new ExampleApp(server, connector);
    try {
      server.start();
    } catch (Exception e) {
      app.close();
      throw e;
    }
    return app;
  }

  /** The application's root URI, such as {@code http://localhost:8080/}. */
  public URI uri() {
    return URI.create("http://localhost:" + connector.getLocalPort() + "/");
  }

  /** Stops the server. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Starts the example; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      exit(2, e.getMessage() + System.lineSeparator() + USAGE);
      return;
    }

    if (options.tour()) {
      boolean passed;
      try (ExampleApp app = start(options.port().orElse(0))) {
        passed = new Tour(app.uri(), System.out).run();
      }
      if (!passed) {
        exit(1, "The tour failed: an answer differs from what its policy declares (see above).");
      }
      return;
    }

    ExampleApp app = start(options.port().orElse(DEFAULT_PORT));
    printWalkthrough(app.uri(), System.out);
    app.server.join();
  }

  private static void exit(int status, String message) {
    System.err.println(message);
    System.exit(status);
  }

  /** Prints where the application runs and a curl session that shows each expiry answer. */
  static void printWalkthrough(URI uri, PrintStream out) {
    String base = uri.toString().replaceFirst("/$", "");
    out.println("Expiry example running at " + uri);
    out.println("Sessions expire after " + SESSION_TIMEOUT_SECONDS
        + " second of inactivity, so you can watch one expire.");
    out.println();
    out.println("Try it with curl (cookies are kept in the file ./jar):");
    out.println();
    out.println("  # log in: 200 and a JSESSIONID cookie");
    out.println("  curl -i -c jar -X POST " + base + "/login");
    out.println("  # the session is live: 200 and the orders as JSON");
    out.println("  curl -i -b jar " + base + "/api/orders");
    out.println("  # let the session time out");
    out.println("  sleep 2");
    out.println("  # 401, WWW-Authenticate: MyAuthScheme realm=\"http://example.com\"");
    out.println("  curl -i -b jar " + base + "/api/orders");
    out.println("  # 401, WWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\", ...");
    out.println("  curl -i -b jar " + base + "/api/profile");
    out.println("  # a browser navigating: 303, Location: /login?next=%2Faccount");
    out.println("  curl -i -b jar -H 'Sec-Fetch-Mode: navigate' " + base + "/account");
    out.println("  # the same page from fetch: 401 and a problem+json body");
    out.println("  curl -i -b jar -H 'Sec-Fetch-Mode: cors' " + base + "/account");
    out.println("  # a Spring MVC controller with a composed policy: 303 for a browser, 401 for a script");
    out.println("  curl -i -b jar " + base + "/shop/catalog/42");
    out.println("  # a deliberate, suppressed 419 for an old client");
    out.println("  curl -i -b jar " + base + "/legacy/cart");
    out.println("  # a bearer token that lives one second");
    out.println("  curl -s -X POST " + base + "/api/stock/token");
    out.println("  sleep 2");
    out.println("  # 401, WWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\", ...");
    out.println("  curl -i -H 'Authorization: Bearer <the token>' " + base + "/api/stock");
    out.println("  # log in again, then out: an invalidated session gets the same answers");
    out.println("  curl -i -c jar -X POST " + base + "/login");
    out.println("  curl -i -b jar -X POST " + base + "/logout");
    out.println("  curl -i -b jar " + base + "/api/orders");
    out.println();
    out.println("Or open " + base + "/account in a browser and reload it after a second.");
    out.println("Stop with Ctrl+C.");
  }

  /** The command-line arguments. */
  record Options(OptionalInt port, boolean tour) {

    static Options parse(String... args) {
      OptionalInt port = OptionalInt.empty();
      boolean tour = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--tour" -> tour = true;
          case "--port" -> {
            if (++i == args.length) {
              throw new IllegalArgumentException("--port needs a port number");
            }
            port = OptionalInt.of(parsePort(args[i]));
          }
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      return new Options(port, tour);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("not a port number (0 to 65535): " + value);
    }
  }
}
