package dev.expiry.benchmarks.filter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A response that keeps a copy of the body bytes written through it and passes everything on, so
 * that a check can compare what the variants write; never used while measuring.
 */
public final class BodyCapture extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private ServletOutputStream out;

  public BodyCapture(HttpServletResponse response) {
    super(response);
  }

  /** The bytes written so far. */
  public byte[] body() {
    return body.toByteArray();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (out == null) {
      ServletOutputStream inner = super.getOutputStream();
      out = new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          body.write(b);
          inner.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          body.write(b, off, len);
          inner.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return inner.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          inner.setWriteListener(listener);
        }
      };
    }
    return out;
  }
}
