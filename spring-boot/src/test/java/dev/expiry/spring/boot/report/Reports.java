package dev.expiry.spring.boot.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Jars and class directories with the hand-made reports of this package's resources in them. */
final class Reports {

  private Reports() {}

  /** A jar {@code name} in {@code dir} whose {@code META-INF/expiry/report.json} is the fixture {@code fixture}. */
  static Path jar(Path dir, String name, String fixture) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry("META-INF/expiry/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry(ExpiryReports.LOCATION));
      out.write(fixture(fixture));
      out.closeEntry();
    }
    return jar;
  }

  /** A class directory {@code dir} whose report is the fixture {@code fixture}. */
  static Path directory(Path dir, String fixture) throws IOException {
    Path report = dir.resolve(ExpiryReports.LOCATION);
    Files.createDirectories(report.getParent());
    Files.write(report, fixture(fixture));
    return dir;
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = Reports.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  /** A class loader of {@code roots} alone: no report of the test's own class path is seen. */
  static URLClassLoader loader(Path... roots) {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      try {
        urls[i] = roots[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader(urls, null);
  }
}
