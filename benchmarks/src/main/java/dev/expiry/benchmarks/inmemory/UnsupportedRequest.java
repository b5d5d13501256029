package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

/** A request on which every method throws; subclasses implement what a benchmark calls. */
abstract class UnsupportedRequest implements HttpServletRequest {

  static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(method + " is not used by the benchmarks");
  }

  @Override
  public boolean authenticate(HttpServletResponse a0) {
    throw unsupported("authenticate");
  }

  @Override
  public String changeSessionId() {
    throw unsupported("changeSessionId");
  }

  @Override
  public AsyncContext getAsyncContext() {
    throw unsupported("getAsyncContext");
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    throw unsupported("getAttributeNames");
  }

  @Override
  public Object getAttribute(String a0) {
    throw unsupported("getAttribute");
  }

  @Override
  public String getAuthType() {
    throw unsupported("getAuthType");
  }

  @Override
  public String getCharacterEncoding() {
    throw unsupported("getCharacterEncoding");
  }

  @Override
  public long getContentLengthLong() {
    throw unsupported("getContentLengthLong");
  }

  @Override
  public int getContentLength() {
    throw unsupported("getContentLength");
  }

  @Override
  public String getContentType() {
    throw unsupported("getContentType");
  }

  @Override
  public String getContextPath() {
    throw unsupported("getContextPath");
  }

  @Override
  public Cookie[] getCookies() {
    throw unsupported("getCookies");
  }

  @Override
  public long getDateHeader(String a0) {
    throw unsupported("getDateHeader");
  }

  @Override
  public DispatcherType getDispatcherType() {
    throw unsupported("getDispatcherType");
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    throw unsupported("getHeaderNames");
  }

  @Override
  public String getHeader(String a0) {
    throw unsupported("getHeader");
  }

  @Override
  public Enumeration<String> getHeaders(String a0) {
    throw unsupported("getHeaders");
  }

  @Override
  public ServletInputStream getInputStream() {
    throw unsupported("getInputStream");
  }

  @Override
  public int getIntHeader(String a0) {
    throw unsupported("getIntHeader");
  }

  @Override
  public String getLocalAddr() {
    throw unsupported("getLocalAddr");
  }

  @Override
  public String getLocalName() {
    throw unsupported("getLocalName");
  }

  @Override
  public int getLocalPort() {
    throw unsupported("getLocalPort");
  }

  @Override
  public Locale getLocale() {
    throw unsupported("getLocale");
  }

  @Override
  public Enumeration<Locale> getLocales() {
    throw unsupported("getLocales");
  }

  @Override
  public String getMethod() {
    throw unsupported("getMethod");
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    throw unsupported("getParameterMap");
  }

  @Override
  public Enumeration<String> getParameterNames() {
    throw unsupported("getParameterNames");
  }

  @Override
  public String[] getParameterValues(String a0) {
    throw unsupported("getParameterValues");
  }

  @Override
  public String getParameter(String a0) {
    throw unsupported("getParameter");
  }

  @Override
  public Part getPart(String a0) {
    throw unsupported("getPart");
  }

  @Override
  public Collection<Part> getParts() {
    throw unsupported("getParts");
  }

  @Override
  public String getPathInfo() {
    throw unsupported("getPathInfo");
  }

  @Override
  public String getPathTranslated() {
    throw unsupported("getPathTranslated");
  }

  @Override
  public String getProtocolRequestId() {
    throw unsupported("getProtocolRequestId");
  }

  @Override
  public String getProtocol() {
    throw unsupported("getProtocol");
  }

  @Override
  public String getQueryString() {
    throw unsupported("getQueryString");
  }

  @Override
  public BufferedReader getReader() {
    throw unsupported("getReader");
  }

  @Override
  public String getRemoteAddr() {
    throw unsupported("getRemoteAddr");
  }

  @Override
  public String getRemoteHost() {
    throw unsupported("getRemoteHost");
  }

  @Override
  public int getRemotePort() {
    throw unsupported("getRemotePort");
  }

  @Override
  public String getRemoteUser() {
    throw unsupported("getRemoteUser");
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String a0) {
    throw unsupported("getRequestDispatcher");
  }

  @Override
  public String getRequestId() {
    throw unsupported("getRequestId");
  }

  @Override
  public String getRequestURI() {
    throw unsupported("getRequestURI");
  }

  @Override
  public StringBuffer getRequestURL() {
    throw unsupported("getRequestURL");
  }

  @Override
  public String getRequestedSessionId() {
    throw unsupported("getRequestedSessionId");
  }

  @Override
  public String getScheme() {
    throw unsupported("getScheme");
  }

  @Override
  public String getServerName() {
    throw unsupported("getServerName");
  }

  @Override
  public int getServerPort() {
    throw unsupported("getServerPort");
  }

  @Override
  public ServletConnection getServletConnection() {
    throw unsupported("getServletConnection");
  }

  @Override
  public ServletContext getServletContext() {
    throw unsupported("getServletContext");
  }

  @Override
  public String getServletPath() {
    throw unsupported("getServletPath");
  }

  @Override
  public HttpSession getSession() {
    throw unsupported("getSession");
  }

  @Override
  public HttpSession getSession(boolean a0) {
    throw unsupported("getSession");
  }

  @Override
  public Principal getUserPrincipal() {
    throw unsupported("getUserPrincipal");
  }

  @Override
  public boolean isAsyncStarted() {
    throw unsupported("isAsyncStarted");
  }

  @Override
  public boolean isAsyncSupported() {
    throw unsupported("isAsyncSupported");
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    throw unsupported("isRequestedSessionIdFromCookie");
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    throw unsupported("isRequestedSessionIdFromURL");
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    throw unsupported("isRequestedSessionIdValid");
  }

  @Override
  public boolean isSecure() {
    throw unsupported("isSecure");
  }

  @Override
  public boolean isUserInRole(String a0) {
    throw unsupported("isUserInRole");
  }

  @Override
  public void login(String a0, String a1) {
    throw unsupported("login");
  }

  @Override
  public void logout() {
    throw unsupported("logout");
  }

  @Override
  public void removeAttribute(String a0) {
    throw unsupported("removeAttribute");
  }

  @Override
  public void setAttribute(String a0, Object a1) {
    throw unsupported("setAttribute");
  }

  @Override
  public void setCharacterEncoding(String a0) {
    throw unsupported("setCharacterEncoding");
  }

  @Override
  public AsyncContext startAsync() {
    throw unsupported("startAsync");
  }

  @Override
  public AsyncContext startAsync(ServletRequest a0, ServletResponse a1) {
    throw unsupported("startAsync");
  }

  @Override
  public <T extends HttpUpgradeHandler> T upgrade(Class<T> a0) {
    throw unsupported("upgrade");
  }
}
