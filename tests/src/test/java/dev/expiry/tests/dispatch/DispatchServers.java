package dev.expiry.tests.dispatch;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.tests.fixture.TomcatApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The dispatch application on a real container: plain HTTP/1.1 with HTTP/2 cleartext (h2c) on one
 * port, HTTPS (a key pair the tests generate with {@code keytool}) on another, the application's
 * filters ahead of {@link ExpiryFilter}, and an error page for 404.
 */
abstract class DispatchServers implements AutoCloseable {

  static final String PASSWORD = "changeit";

  /** Servlets by URL pattern, in registration order. */
  static final Map<String, Class<? extends HttpServlet>> SERVLETS = new LinkedHashMap<>();
  /** The application's filters, by URL pattern, ahead of Expiry's. */
  static final Map<String, Class<? extends Filter>> FILTERS = new LinkedHashMap<>();

  static {
    SERVLETS.put("/target", DispatchServlets.Target.class);
    SERVLETS.put("/committed/*", DispatchServlets.Target.class);
    SERVLETS.put("/buffered/*", DispatchServlets.Target.class);
    SERVLETS.put("/async/policy", DispatchServlets.AsyncWithPolicy.class);
    SERVLETS.put("/async/none", DispatchServlets.AsyncWithout.class);
    SERVLETS.put("/forward", DispatchServlets.Forward.class);
    SERVLETS.put("/include", DispatchServlets.Include.class);
    SERVLETS.put("/missing", DispatchServlets.Missing.class);
    SERVLETS.put("/error-page", DispatchServlets.ErrorPage.class);
    SERVLETS.put("/narrow/*", DispatchServlets.Titled.class);
    SERVLETS.put("/titled", DispatchServlets.Titled.class);
    SERVLETS.put("/login", DispatchServlets.Login.class);
    FILTERS.put("/committed/*", DispatchServlets.Committing.class);
    FILTERS.put("/buffered/*", DispatchServlets.Buffering.class);
    FILTERS.put("/narrow/*", DispatchServlets.NarrowWriter.class);
  }

  abstract int httpPort();

  @Override
  public abstract void close();

  abstract int httpsPort();

  URI http(String path) {
    return URI.create("http://localhost:" + httpPort() + path);
  }

  URI https(String path) {
    return URI.create("https://localhost:" + httpsPort() + path);
  }

  /** A client that trusts the generated certificate, follows no redirects, keeps no cookies. */
  static HttpClient client(HttpClient.Version version, Path keyStore) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        trusted.load(in, PASSWORD.toCharArray());
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder().version(version).sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS12 key store with a self-signed key pair for localhost, made by the JDK's keytool. */
  static Path keyStore(Path dir) {
    Path file = dir.resolve("localhost.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    try {
      Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048",
          "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
          "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return file;
  }

  /** Jetty 12, ee11. */
  static final class OnJetty extends DispatchServers {
    private final Server server = new Server();
    private final ServerConnector plain;
    private final ServerConnector secure;

    OnJetty(Path keyStore) {
      HttpConfiguration http = new HttpConfiguration();
      plain = new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer secureCustomizer = new SecureRequestCustomizer();
      secureCustomizer.setSniHostCheck(false);
      https.addCustomizer(secureCustomizer);
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(keyStore.toString());
      tls.setKeyStorePassword(PASSWORD);
      tls.setKeyStoreType("PKCS12");
      secure = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
      server.addConnector(plain);
      server.addConnector(secure);
      ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
      context.setContextPath("/");
      FILTERS.forEach((pattern, type) -> {
        FilterHolder holder = new FilterHolder(type);
        holder.setAsyncSupported(true);
        context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
      });
      FilterHolder expiry = new FilterHolder(ExpiryFilter.class);
      expiry.setAsyncSupported(true);
      context.addFilter(expiry, "/*", EnumSet.of(DispatcherType.REQUEST));
      Map<Class<?>, ServletHolder> holders = new LinkedHashMap<>();
      SERVLETS.forEach((pattern, type) -> {
        ServletHolder holder = holders.computeIfAbsent(type, t -> {
          ServletHolder h = new ServletHolder(type);
          h.setAsyncSupported(true);
          return h;
        });
        context.addServlet(holder, pattern);
      });
      ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
      errors.addErrorPage(404, "/error-page");
      context.setErrorHandler(errors);
      server.setHandler(context);
      try {
        server.start();
      } catch (Exception e) {
        close();
        throw new IllegalStateException("Jetty did not start", e);
      }
    }

    @Override
    int httpPort() {
      return plain.getLocalPort();
    }

    @Override
    int httpsPort() {
      return secure.getLocalPort();
    }

    @Override
    public void close() {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not stop", e);
      }
    }
  }

  /** Tomcat 11. */
  static final class OnTomcat extends DispatchServers {
    private final Tomcat tomcat = new Tomcat();
    private final Connector secure;
    private final Path baseDir;

    OnTomcat(Path keyStore) {
      try {
        baseDir = Files.createTempDirectory("expiry-dispatch");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tomcat.setSilent(true);
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setPort(0);
      tomcat.getConnector().addUpgradeProtocol(new Http2Protocol());
      secure = new Connector();
      secure.setPort(0);
      secure.setScheme("https");
      secure.setSecure(true);
      secure.setProperty("SSLEnabled", "true");
      SSLHostConfig host = new SSLHostConfig();
      SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.RSA);
      certificate.setCertificateKeystoreFile(keyStore.toString());
      certificate.setCertificateKeystorePassword(PASSWORD);
      certificate.setCertificateKeystoreType("PKCS12");
      host.addCertificate(certificate);
      secure.addSslHostConfig(host);
      tomcat.getService().addConnector(secure);

      StandardContext context = (StandardContext) tomcat.addContext("", null);
      context.setClearReferencesRmiTargets(false);
      context.setClearReferencesThreadLocals(false);
      StandardManager sessions = new StandardManager();
      sessions.setPathname(null);
      context.setManager(sessions);
      FILTERS.forEach((pattern, type) -> addFilter(context, type.getName() + pattern, type.getName(), pattern));
      addFilter(context, ExpiryFilter.NAME, ExpiryFilter.class.getName(), "/*");
      Map<Class<?>, String> names = new LinkedHashMap<>();
      SERVLETS.forEach((pattern, type) -> {
        String name = names.computeIfAbsent(type, t -> {
          Wrapper wrapper = Tomcat.addServlet(context, t.getName(), t.getName());
          wrapper.setAsyncSupported(true);
          return t.getName();
        });
        context.addServletMappingDecoded(pattern, name);
      });
      ErrorPage notFound = new ErrorPage();
      notFound.setErrorCode(404);
      notFound.setLocation("/error-page");
      context.addErrorPage(notFound);
      try {
        tomcat.start();
      } catch (LifecycleException e) {
        close();
        throw new IllegalStateException("Tomcat did not start", e);
      }
    }

    private static void addFilter(Context context, String name, String className, String pattern) {
      FilterDef filter = new FilterDef();
      filter.setFilterName(name);
      filter.setFilterClass(className);
      filter.setAsyncSupported("true");
      context.addFilterDef(filter);
      FilterMap mapping = new FilterMap();
      mapping.setFilterName(name);
      mapping.addURLPattern(pattern);
      mapping.setDispatcher(DispatcherType.REQUEST.name());
      context.addFilterMap(mapping);
    }

    @Override
    int httpPort() {
      return tomcat.getConnector().getLocalPort();
    }

    @Override
    int httpsPort() {
      return secure.getLocalPort();
    }

    @Override
    public void close() {
      TomcatApp.stop(tomcat, baseDir);
    }
  }
}
