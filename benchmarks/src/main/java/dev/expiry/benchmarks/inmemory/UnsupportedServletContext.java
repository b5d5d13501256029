package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.Map;
import java.util.Set;

/** A servlet context on which every method throws; subclasses implement what a benchmark calls. */
abstract class UnsupportedServletContext implements ServletContext {

  static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(method + " is not used by the benchmarks");
  }

  @Override
  public FilterRegistration.Dynamic addFilter(String a0, Class<? extends Filter> a1) {
    throw unsupported("addFilter");
  }

  @Override
  public FilterRegistration.Dynamic addFilter(String a0, String a1) {
    throw unsupported("addFilter");
  }

  @Override
  public FilterRegistration.Dynamic addFilter(String a0, Filter a1) {
    throw unsupported("addFilter");
  }

  @Override
  public ServletRegistration.Dynamic addJspFile(String a0, String a1) {
    throw unsupported("addJspFile");
  }

  @Override
  public void addListener(Class<? extends EventListener> a0) {
    throw unsupported("addListener");
  }

  @Override
  public void addListener(String a0) {
    throw unsupported("addListener");
  }

  @Override
  public <T extends EventListener> void addListener(T a0) {
    throw unsupported("addListener");
  }

  @Override
  public ServletRegistration.Dynamic addServlet(String a0, Class<? extends Servlet> a1) {
    throw unsupported("addServlet");
  }

  @Override
  public ServletRegistration.Dynamic addServlet(String a0, String a1) {
    throw unsupported("addServlet");
  }

  @Override
  public ServletRegistration.Dynamic addServlet(String a0, Servlet a1) {
    throw unsupported("addServlet");
  }

  @Override
  public <T extends Filter> T createFilter(Class<T> a0) {
    throw unsupported("createFilter");
  }

  @Override
  public <T extends EventListener> T createListener(Class<T> a0) {
    throw unsupported("createListener");
  }

  @Override
  public <T extends Servlet> T createServlet(Class<T> a0) {
    throw unsupported("createServlet");
  }

  @Override
  public void declareRoles(String[] a0) {
    throw unsupported("declareRoles");
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
  public ClassLoader getClassLoader() {
    throw unsupported("getClassLoader");
  }

  @Override
  public String getContextPath() {
    throw unsupported("getContextPath");
  }

  @Override
  public ServletContext getContext(String a0) {
    throw unsupported("getContext");
  }

  @Override
  public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
    throw unsupported("getDefaultSessionTrackingModes");
  }

  @Override
  public int getEffectiveMajorVersion() {
    throw unsupported("getEffectiveMajorVersion");
  }

  @Override
  public int getEffectiveMinorVersion() {
    throw unsupported("getEffectiveMinorVersion");
  }

  @Override
  public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
    throw unsupported("getEffectiveSessionTrackingModes");
  }

  @Override
  public FilterRegistration getFilterRegistration(String a0) {
    throw unsupported("getFilterRegistration");
  }

  @Override
  public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
    throw unsupported("getFilterRegistrations");
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    throw unsupported("getInitParameterNames");
  }

  @Override
  public String getInitParameter(String a0) {
    throw unsupported("getInitParameter");
  }

  @Override
  public JspConfigDescriptor getJspConfigDescriptor() {
    throw unsupported("getJspConfigDescriptor");
  }

  @Override
  public int getMajorVersion() {
    throw unsupported("getMajorVersion");
  }

  @Override
  public String getMimeType(String a0) {
    throw unsupported("getMimeType");
  }

  @Override
  public int getMinorVersion() {
    throw unsupported("getMinorVersion");
  }

  @Override
  public RequestDispatcher getNamedDispatcher(String a0) {
    throw unsupported("getNamedDispatcher");
  }

  @Override
  public String getRealPath(String a0) {
    throw unsupported("getRealPath");
  }

  @Override
  public String getRequestCharacterEncoding() {
    throw unsupported("getRequestCharacterEncoding");
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String a0) {
    throw unsupported("getRequestDispatcher");
  }

  @Override
  public InputStream getResourceAsStream(String a0) {
    throw unsupported("getResourceAsStream");
  }

  @Override
  public Set<String> getResourcePaths(String a0) {
    throw unsupported("getResourcePaths");
  }

  @Override
  public URL getResource(String a0) {
    throw unsupported("getResource");
  }

  @Override
  public String getResponseCharacterEncoding() {
    throw unsupported("getResponseCharacterEncoding");
  }

  @Override
  public String getServerInfo() {
    throw unsupported("getServerInfo");
  }

  @Override
  public String getServletContextName() {
    throw unsupported("getServletContextName");
  }

  @Override
  public ServletRegistration getServletRegistration(String a0) {
    throw unsupported("getServletRegistration");
  }

  @Override
  public Map<String, ? extends ServletRegistration> getServletRegistrations() {
    throw unsupported("getServletRegistrations");
  }

  @Override
  public SessionCookieConfig getSessionCookieConfig() {
    throw unsupported("getSessionCookieConfig");
  }

  @Override
  public int getSessionTimeout() {
    throw unsupported("getSessionTimeout");
  }

  @Override
  public String getVirtualServerName() {
    throw unsupported("getVirtualServerName");
  }

  @Override
  public void log(String a0, Throwable a1) {
    throw unsupported("log");
  }

  @Override
  public void log(String a0) {
    throw unsupported("log");
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
  public boolean setInitParameter(String a0, String a1) {
    throw unsupported("setInitParameter");
  }

  @Override
  public void setRequestCharacterEncoding(String a0) {
    throw unsupported("setRequestCharacterEncoding");
  }

  @Override
  public void setResponseCharacterEncoding(String a0) {
    throw unsupported("setResponseCharacterEncoding");
  }

  @Override
  public void setSessionTimeout(int a0) {
    throw unsupported("setSessionTimeout");
  }

  @Override
  public void setSessionTrackingModes(Set<SessionTrackingMode> a0) {
    throw unsupported("setSessionTrackingModes");
  }
}
