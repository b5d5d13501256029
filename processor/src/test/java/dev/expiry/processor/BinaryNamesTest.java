package dev.expiry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.runtime.IndexProbe;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows are keyed by binary class name, so endpoints whose names look alike in source — a nested
 * class, a class named like it with an underscore, a top-level class with a {@code $} in its name —
 * each keep their own policy when the runtime serves them.
 */
class BinaryNamesTest {

  @TempDir Path dir;

  private static String servlet(String realm) {
    return "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", realm = \"" + realm + "\")";
  }

  @Test
  void lookAlikeNamesKeepTheirOwnPolicies() throws Exception {
    Project p = new Project(dir.resolve("p"));
    p.write("p.Outer", """
        package p;
        %s
        public class Outer extends jakarta.servlet.http.HttpServlet {
          %s
          public static class Inner extends jakarta.servlet.http.HttpServlet {}
        }
        """.formatted(servlet("outer"), servlet("outer.inner")));
    p.write("p.Outer_Inner", """
        package p;
        %s
        public class Outer_Inner extends jakarta.servlet.http.HttpServlet {}
        """.formatted(servlet("outer_inner")));
    p.write("p.Pay$Desk", """
        package p;
        %s
        public class Pay$Desk extends jakarta.servlet.http.HttpServlet {
          %s
          public static class Till extends jakarta.servlet.http.HttpServlet {}
        }
        """.formatted(servlet("pay$desk"), servlet("pay$desk.till")));
    p.buildAll().assertClean();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {p.out.toUri().toURL()}, getClass().getClassLoader())) {
      IndexProbe index = IndexProbe.load(loader);
      assertEquals(5, index.servletCount());
      // The names the container reports: Class.getName(), a binary name.
      for (Class<?> type : new Class<?>[] {
          loader.loadClass("p.Outer"), loader.loadClass("p.Outer$Inner"), loader.loadClass("p.Outer_Inner"),
          loader.loadClass("p.Pay$Desk"), loader.loadClass("p.Pay$Desk$Till")}) {
        String realm = type.getCanonicalName().substring(2).toLowerCase(java.util.Locale.ROOT);
        assertEquals("401 [WWW-Authenticate, MyAuthScheme realm=\"" + realm + "\"]",
            index.servlet(type.getName(), "GET", Expired.SESSION, Client.API), type.getName());
      }
    }
  }
}
