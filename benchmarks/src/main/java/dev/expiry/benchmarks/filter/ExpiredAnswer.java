package dev.expiry.benchmarks.filter;

import dev.expiry.benchmarks.inmemory.BenchResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The whole response {@code ExpiryFilter} writes for an expired session (status, headers, content
 * type, body, the cookie that deletes the stale session cookie), captured once so that the rival
 * implementations write exactly the same thing.
 */
record ExpiredAnswer(int status, List<String> headers, String contentType, byte[] body, Cookie cookie) {

  static ExpiredAnswer capture(BenchResponse response, byte[] body) {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < response.headerCount(); i++) {
      headers.add(response.headerName(i));
      headers.add(response.headerValue(i));
    }
    return new ExpiredAnswer(response.getStatus(), List.copyOf(headers), response.getContentType(), body, response.cookie());
  }

  /** Writes everything but the status and the challenge header, from constants. */
  void writeRest(HttpServletResponse response) throws IOException {
    for (int i = 0; i < headers.size(); i += 2) {
      if (!headers.get(i).equalsIgnoreCase("WWW-Authenticate")) {
        response.setHeader(headers.get(i), headers.get(i + 1));
      }
    }
    if (cookie != null) {
      response.addCookie(cookie);
    }
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * How the response (with the body bytes written to it) differs from this answer, or an empty
   * string; the headers named in {@code ownValues} must be there, with any value.
   */
  String differences(BenchResponse response, byte[] written, Set<String> ownValues) {
    List<String> diff = new ArrayList<>();
    if (response.getStatus() != status) {
      diff.add("status " + response.getStatus());
    }
    for (int i = 0; i < headers.size(); i += 2) {
      String value = response.getHeader(headers.get(i));
      if (ownValues.contains(headers.get(i)) ? value == null : !headers.get(i + 1).equals(value)) {
        diff.add(headers.get(i) + ": " + response.getHeader(headers.get(i)));
      }
    }
    if (response.headerCount() != headers.size() / 2) {
      diff.add(response.headerCount() + " headers");
    }
    if (!String.valueOf(contentType).equals(String.valueOf(response.getContentType()))) {
      diff.add("content type " + response.getContentType());
    }
    if (response.bodyLength() != body.length || response.contentLength() != body.length || !Arrays.equals(body, written)) {
      diff.add("body of " + response.bodyLength() + " bytes, Content-Length " + response.contentLength() + ": "
          + new String(written, StandardCharsets.UTF_8));
    }
    if ((cookie == null) != (response.cookie() == null)) {
      diff.add("cookie " + response.cookie());
    }
    return String.join(", ", diff);
  }
}
