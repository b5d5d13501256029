package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

/** A response on which every method throws; subclasses implement what a benchmark calls. */
abstract class UnsupportedResponse implements HttpServletResponse {

  static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(method + " is not used by the benchmarks");
  }

  @Override
  public void addCookie(Cookie a0) {
    throw unsupported("addCookie");
  }

  @Override
  public void addDateHeader(String a0, long a1) {
    throw unsupported("addDateHeader");
  }

  @Override
  public void addHeader(String a0, String a1) {
    throw unsupported("addHeader");
  }

  @Override
  public void addIntHeader(String a0, int a1) {
    throw unsupported("addIntHeader");
  }

  @Override
  public boolean containsHeader(String a0) {
    throw unsupported("containsHeader");
  }

  @Override
  public String encodeRedirectURL(String a0) {
    throw unsupported("encodeRedirectURL");
  }

  @Override
  public String encodeURL(String a0) {
    throw unsupported("encodeURL");
  }

  @Override
  public void flushBuffer() {
    throw unsupported("flushBuffer");
  }

  @Override
  public int getBufferSize() {
    throw unsupported("getBufferSize");
  }

  @Override
  public String getCharacterEncoding() {
    throw unsupported("getCharacterEncoding");
  }

  @Override
  public String getContentType() {
    throw unsupported("getContentType");
  }

  @Override
  public Collection<String> getHeaderNames() {
    throw unsupported("getHeaderNames");
  }

  @Override
  public String getHeader(String a0) {
    throw unsupported("getHeader");
  }

  @Override
  public Collection<String> getHeaders(String a0) {
    throw unsupported("getHeaders");
  }

  @Override
  public Locale getLocale() {
    throw unsupported("getLocale");
  }

  @Override
  public ServletOutputStream getOutputStream() {
    throw unsupported("getOutputStream");
  }

  @Override
  public int getStatus() {
    throw unsupported("getStatus");
  }

  @Override
  public PrintWriter getWriter() {
    throw unsupported("getWriter");
  }

  @Override
  public boolean isCommitted() {
    throw unsupported("isCommitted");
  }

  @Override
  public void resetBuffer() {
    throw unsupported("resetBuffer");
  }

  @Override
  public void reset() {
    throw unsupported("reset");
  }

  @Override
  public void sendError(int a0, String a1) {
    throw unsupported("sendError");
  }

  @Override
  public void sendError(int a0) {
    throw unsupported("sendError");
  }

  @Override
  public void sendRedirect(String a0, int a1, boolean a2) {
    throw unsupported("sendRedirect");
  }

  @Override
  public void setBufferSize(int a0) {
    throw unsupported("setBufferSize");
  }

  @Override
  public void setCharacterEncoding(String a0) {
    throw unsupported("setCharacterEncoding");
  }

  @Override
  public void setContentLengthLong(long a0) {
    throw unsupported("setContentLengthLong");
  }

  @Override
  public void setContentLength(int a0) {
    throw unsupported("setContentLength");
  }

  @Override
  public void setContentType(String a0) {
    throw unsupported("setContentType");
  }

  @Override
  public void setDateHeader(String a0, long a1) {
    throw unsupported("setDateHeader");
  }

  @Override
  public void setHeader(String a0, String a1) {
    throw unsupported("setHeader");
  }

  @Override
  public void setIntHeader(String a0, int a1) {
    throw unsupported("setIntHeader");
  }

  @Override
  public void setLocale(Locale a0) {
    throw unsupported("setLocale");
  }

  @Override
  public void setStatus(int a0) {
    throw unsupported("setStatus");
  }
}
