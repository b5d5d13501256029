package dev.expiry.processor;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.processor.write.PolicyFileWriter;
import dev.expiry.runtime.PolicyFileReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the policy files in some directories and jars declare: the files are found as the runtime
 * finds them ({@code ClassLoader.getResources}) and each is read whole by the runtime's own reader
 * ({@link PolicyFileReading}); each endpoint is kept with the file that declares it, so that an
 * endpoint declared twice shows.
 */
final class Declared {

  /** One endpoint's record in one file. */
  record Entry(String file, String endpoint, PolicyFileReading.Endpoint record) {}

  private final List<String> files = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();

  private Declared() {}

  /** Reads every policy file in these directories and jars (and none of the tests' own class path). */
  static Declared load(Path... roots) {
    URL[] urls = Arrays.stream(roots).map(Declared::url).toArray(URL[]::new);
    Declared declared = new Declared();
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      for (URL file : Collections.list(loader.getResources(PolicyFileWriter.PATH))) {
        String text;
        try (InputStream in = file.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        declared.files.add(file.toString());
        for (PolicyFileReading.Endpoint e : PolicyFileReading.read(text)) {
          declared.entries.add(new Entry(file.toString(),
              (e.servlet() ? "servlet " : "handler ") + e.endpoint() + " " + e.key(), e));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return declared;
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The policy files read, in the order the class loader found them. */
  List<String> files() {
    return List.copyOf(files);
  }

  /**
   * Each endpoint ({@code servlet com.acme.OrdersServlet POST}, {@code handler com.acme.C get(long)})
   * with its answers ({@code SESSION/BROWSER 303 Location: /login; SESSION/API 401 ...}); fails if
   * any is declared twice.
   */
  Map<String, String> byEndpoint() {
    Map<String, String> all = new TreeMap<>();
    for (Entry e : entries) {
      if (all.put(e.endpoint(), describe(e.record())) != null) {
        throw new AssertionError(e.endpoint() + " is declared twice: " + entries.stream()
            .filter(x -> x.endpoint().equals(e.endpoint())).map(Entry::file).toList());
      }
    }
    return all;
  }

  /** The endpoint classes declared, sorted. */
  Set<String> endpointClasses() {
    return entries.stream().map(e -> e.record().endpoint()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The response an endpoint gives for an expiry and kind of client, as {@code 401 WWW-Authenticate: ...}; null when none. */
  String answer(String endpoint, Expired on, Client kind) {
    List<Entry> found = entries.stream().filter(e -> e.endpoint().equals(endpoint)).toList();
    if (found.size() > 1) {
      throw new AssertionError(endpoint + " is declared twice: " + found.stream().map(Entry::file).toList());
    }
    return found.isEmpty() ? null : Table.answer(found.get(0).record(), on.name(), kind.name());
  }

  private static String describe(PolicyFileReading.Endpoint record) {
    List<String> parts = new ArrayList<>();
    for (Expired on : Expired.values()) {
      for (Client kind : List.of(Client.BROWSER, Client.API)) {
        String answer = Table.answer(record, on.name(), kind.name());
        if (answer != null) {
          parts.add(on + "/" + kind + " " + answer);
        }
      }
    }
    return String.join("; ", parts);
  }
}
