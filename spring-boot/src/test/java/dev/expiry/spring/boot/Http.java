package dev.expiry.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Requests over real HTTP to an application on a local port, as a browser or a script sends them. */
public final class Http {

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  /** A browser navigating to {@code path} with the given cookie header. */
  public HttpResponse<String> navigate(String path, String cookie) {
    return send(request(path, cookie)
        .header("Sec-Fetch-Mode", "navigate")
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
  }

  /** A script's {@code fetch()} of {@code path} with the given cookie header. */
  public HttpResponse<String> fetch(String path, String cookie) {
    return send(request(path, cookie)
        .header("Sec-Fetch-Mode", "cors")
        .header("Accept", "application/json"));
  }

  private HttpRequest.Builder request(String path, String cookie) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .GET();
    return cookie == null ? builder : builder.header("Cookie", cookie);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code Set-Cookie} of a response. */
  public static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }
}
