package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;

/**
 * An in-memory response that records the status, headers, content type and cookie a filter sets,
 * and counts the body bytes. Headers live in a small
 * fixed array and {@link #reset()} clears them, so a benchmark can reuse one response without
 * allocating.
 */
public final class BenchResponse extends UnsupportedResponse {

  private static final int MAX_HEADERS = 8;

  private final String[] names = new String[MAX_HEADERS];
  private final String[] values = new String[MAX_HEADERS];
  private int headers;
  private int status = SC_OK;
  private long contentLength = -1;
  private String contentType;
  private Cookie cookie;
  private final CountingOutputStream out = new CountingOutputStream();

  /** Back to a fresh 200 without headers; allocates nothing. */
  @Override
  public void reset() {
    for (int i = 0; i < headers; i++) {
      names[i] = null;
      values[i] = null;
    }
    headers = 0;
    status = SC_OK;
    contentLength = -1;
    contentType = null;
    cookie = null;
    out.count = 0;
  }

  @Override
  public void resetBuffer() {
    out.count = 0;
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void addCookie(Cookie cookie) {
    this.cookie = cookie;
  }

  /** The last cookie added, or null. */
  public Cookie cookie() {
    return cookie;
  }

  /** How many body bytes were written. */
  public long bodyLength() {
    return out.count;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return out;
  }

  /** Counts the bytes written and drops them. */
  private static final class CountingOutputStream extends ServletOutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw UnsupportedRequest.unsupported("setWriteListener");
    }
  }

  /** The content length set, or -1. */
  public long contentLength() {
    return contentLength;
  }

  /** The name of the i-th header set. */
  public String headerName(int i) {
    return names[i];
  }

  /** The value of the i-th header set. */
  public String headerValue(int i) {
    return values[i];
  }

  /** How many distinct headers are set. */
  public int headerCount() {
    return headers;
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setHeader(String name, String value) {
    for (int i = 0; i < headers; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        values[i] = value;
        return;
      }
    }
    if (headers == MAX_HEADERS) {
      throw new IllegalStateException("more than " + MAX_HEADERS + " headers");
    }
    names[headers] = name;
    values[headers] = value;
    headers++;
  }

  @Override
  public void addHeader(String name, String value) {
    setHeader(name, value);
  }

  @Override
  public String getHeader(String name) {
    for (int i = 0; i < headers; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsHeader(String name) {
    return getHeader(name) != null;
  }

  @Override
  public void setContentLength(int len) {
    contentLength = len;
  }

  @Override
  public void setContentLengthLong(long len) {
    contentLength = len;
  }
}
