package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expiry responses of one endpoint: by HTTP method, what expired, and kind of client.
 * Immutable once built. A framework endpoint (a Spring MVC controller, a JAX-RS resource) hands
 * its routes to the {@link RouteTable.Builder} of its framework instead.
 */
final class EndpointPolicies {

  private static final int KINDS = 2;

  private final String endpoint;
  private final Map<String, ExpiryResponse[]> byMethod;
  private final ExpiryResponse[] anyMethod;

  private EndpointPolicies(String endpoint, Map<String, ExpiryResponse[]> byMethod) {
    this.endpoint = endpoint;
    this.byMethod = Map.copyOf(byMethod);
    this.anyMethod = byMethod.get(ExpiryHandler.Policies.ANY_METHOD);
  }

  /**
   * Collects what a generated handler declares, resolving locations against the context path. Its
   * routes, if any, go to {@code routes} once the handler has declared everything: a handler that
   * fails half-way leaves no route behind.
   */
  static EndpointPolicies of(ExpiryHandler handler, String contextPath, RouteTable.Builders routes) {
    Map<ExpiryHandler.Response, ExpiryResponse> resolved = new IdentityHashMap<>();
    Map<String, ExpiryResponse[]> byMethod = new HashMap<>();
    List<RouteTable.Entry> declaredRoutes = new ArrayList<>();
    handler.declare(new ExpiryHandler.Policies() {
      @Override
      public ExpiryHandler.Response response(int status, String type, String title, String detail, String... headers) {
        ExpiryResponse response = new ExpiryResponse(status, type, title, detail, headers);
        resolved.put(response, response.inContext(contextPath));
        return response;
      }

      @Override
      public void answer(String method, Expired on, Client client, ExpiryHandler.Response response) {
        byMethod.computeIfAbsent(method, m -> newRow())[slot(on, client)] = resolve(method, on, client, response);
      }

      @Override
      public ExpiryHandler.Route route(String framework, String method, String classTemplate, String methodTemplate) {
        RouteTable.Entry entry = new RouteTable.Entry(framework, method, classTemplate, methodTemplate,
            handler.endpoint(), routes.nextOrder());
        declaredRoutes.add(entry);
        return entry;
      }

      @Override
      public void answer(ExpiryHandler.Route route, Expired on, Client client, ExpiryHandler.Response response) {
        if (!(route instanceof RouteTable.Entry entry)) {
          throw new IllegalArgumentException(handler.endpoint() + ": answer on a route this handler did not declare");
        }
        entry.row()[slot(on, client)] = resolve(entry.toString(), on, client, response);
      }

      private ExpiryResponse resolve(String where, Expired on, Client client, ExpiryHandler.Response response) {
        ExpiryResponse r = resolved.get(response);
        if (r == null || client == Client.ANY) {
          throw new IllegalArgumentException(handler.endpoint() + ": answer(" + where + ", " + on + ", "
              + client + ") with a response this handler did not declare, or for ANY");
        }
        return r;
      }
    });
    declaredRoutes.forEach(routes::add);
    return new EndpointPolicies(handler.endpoint(), byMethod);
  }

  /** An empty row of the table: one slot per expiry and kind of client. */
  static ExpiryResponse[] newRow() {
    return new ExpiryResponse[Expired.values().length * KINDS];
  }

  private static int slot(Expired on, Client kind) {
    return on.ordinal() * KINDS + (kind == Client.BROWSER ? 0 : 1);
  }

  String endpoint() {
    return endpoint;
  }

  /** Whether the endpoint has policies of its own (a framework endpoint has only routes). */
  boolean isEmpty() {
    return byMethod.isEmpty();
  }

  /** The table row for an HTTP method: its own, else the one for every method; may be null. */
  ExpiryResponse[] row(String method) {
    ExpiryResponse[] row = method == null ? null : byMethod.get(method);
    return row != null ? row : anyMethod;
  }

  /** The response in a row for this expiry and kind of client, or {@code null}. */
  static ExpiryResponse forKind(ExpiryResponse[] row, Expired on, Client kind) {
    return row == null ? null : row[slot(on, kind)];
  }

  /** Whether browsers and API clients get different policies in a row for this expiry. */
  static boolean dependsOnKind(ExpiryResponse[] row, Expired on) {
    return row != null && row[slot(on, Client.BROWSER)] != row[slot(on, Client.API)];
  }
}
