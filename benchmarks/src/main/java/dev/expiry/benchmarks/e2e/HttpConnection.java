package dev.expiry.benchmarks.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to the loopback server: writes prepared request bytes and
 * reads one response, skipping its body. Small enough that the client costs less CPU than the
 * server it measures.
 */
final class HttpConnection implements AutoCloseable {

  /** The status and the session cookie of one response. */
  record Response(int status, String sessionCookie) {}

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] line = new byte[8192];
  private int reconnects;

  HttpConnection(int port) throws IOException {
    this.port = port;
    connect();
  }

  private void connect() throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream(), 16384);
    out = socket.getOutputStream();
  }

  static byte[] get(String path, int port, String cookie) {
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
    return request.getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends a request and reads the whole response; returns its status. */
  int send(byte[] request) throws IOException {
    return exchange(request, false).status();
  }

  /** Sends a request and returns the status and the {@code JSESSIONID} it sets, if any. */
  Response sendForCookie(byte[] request) throws IOException {
    return exchange(request, true);
  }

  private Response exchange(byte[] request, boolean wantCookie) throws IOException {
    out.write(request);
    out.flush();
    int n = readLine();
    if (n < 12) {
      throw new IOException("no status line");
    }
    int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    long length = 0;
    boolean chunked = false;
    boolean close = false;
    String cookie = null;
    while ((n = readLine()) > 0) {
      if (startsWith(n, "content-length:")) {
        length = Long.parseLong(value(n, 15));
      } else if (startsWith(n, "transfer-encoding:")) {
        chunked = value(n, 18).toLowerCase(Locale.ROOT).contains("chunked");
      } else if (startsWith(n, "connection:")) {
        close = value(n, 11).equalsIgnoreCase("close");
      } else if (wantCookie && startsWith(n, "set-cookie:")) {
        String v = value(n, 11);
        int semi = v.indexOf(';');
        cookie = semi < 0 ? v : v.substring(0, semi);
      }
    }
    if (chunked) {
      while (true) {
        int size = Integer.parseInt(new String(line, 0, readLine(), StandardCharsets.US_ASCII).trim().split(";")[0], 16);
        skip(size);
        readLine();
        if (size == 0) {
          break;
        }
      }
    } else {
      skip(length);
    }
    if (close) {
      close();
      connect();
      reconnects++;
    }
    return new Response(status, cookie);
  }

  private boolean startsWith(int n, String lowerPrefix) {
    if (n < lowerPrefix.length()) {
      return false;
    }
    for (int i = 0; i < lowerPrefix.length(); i++) {
      if (Character.toLowerCase(line[i]) != lowerPrefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String value(int n, int from) {
    return new String(line, from, n - from, StandardCharsets.US_ASCII).trim();
  }

  /** Reads one CRLF-terminated line into {@link #line}, without the CRLF; returns its length. */
  private int readLine() throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b == '\n') {
        return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
      }
      if (n == line.length) {
        throw new IOException("header line too long");
      }
      line[n++] = (byte) b;
    }
  }

  private void skip(long count) throws IOException {
    while (count > 0) {
      long skipped = in.skip(count);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the body");
        }
        skipped = 1;
      }
      count -= skipped;
    }
  }

  /** How often the server closed the connection and the client had to open a new one. */
  int reconnects() {
    return reconnects;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
