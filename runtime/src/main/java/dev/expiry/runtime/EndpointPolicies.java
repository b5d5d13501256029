package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The expiry responses of one endpoint: by HTTP method, what expired, and kind of client.
 * Immutable once built.
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

  /** Collects what a generated handler declares, resolving locations against the context path. */
  static EndpointPolicies of(ExpiryHandler handler, String contextPath) {
    Map<ExpiryHandler.Response, ExpiryResponse> resolved = new IdentityHashMap<>();
    Map<String, ExpiryResponse[]> byMethod = new HashMap<>();
    handler.declare(new ExpiryHandler.Policies() {
      @Override
      public ExpiryHandler.Response response(int status, String type, String title, String detail, String... headers) {
        ExpiryResponse response = new ExpiryResponse(status, type, title, detail, headers);
        resolved.put(response, response.inContext(contextPath));
        return response;
      }

      @Override
      public void answer(String method, Expired on, Client client, ExpiryHandler.Response response) {
        ExpiryResponse r = resolved.get(response);
        if (r == null || client == Client.ANY) {
          throw new IllegalArgumentException(handler.endpoint() + ": answer(" + method + ", " + on + ", "
              + client + ") with a response this handler did not declare, or for ANY");
        }
        byMethod.computeIfAbsent(method, m -> new ExpiryResponse[Expired.values().length * KINDS])
            [slot(on, client)] = r;
      }
    });
    return new EndpointPolicies(handler.endpoint(), byMethod);
  }

  private static int slot(Expired on, Client kind) {
    return on.ordinal() * KINDS + (kind == Client.BROWSER ? 0 : 1);
  }

  String endpoint() {
    return endpoint;
  }

  /** The table row for an HTTP method: its own, else the one for every method; may be null. */
  private ExpiryResponse[] row(String method) {
    ExpiryResponse[] row = method == null ? null : byMethod.get(method);
    return row != null ? row : anyMethod;
  }

  /** The response for this method, expiry and kind of client, or {@code null} when none covers it. */
  ExpiryResponse forRequest(String method, Expired on, Client kind) {
    ExpiryResponse[] row = row(method);
    return row == null ? null : row[slot(on, kind)];
  }

  /** Whether browsers and API clients get different policies for this method and expiry. */
  boolean dependsOnKind(String method, Expired on) {
    ExpiryResponse[] row = row(method);
    return row != null && row[slot(on, Client.BROWSER)] != row[slot(on, Client.API)];
  }

  /** Whether there is any policy at all for this method and expiry. */
  boolean covers(String method, Expired on) {
    ExpiryResponse[] row = row(method);
    return row != null && (row[slot(on, Client.BROWSER)] != null || row[slot(on, Client.API)] != null);
  }
}
