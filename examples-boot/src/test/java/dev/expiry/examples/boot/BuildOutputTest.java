package dev.expiry.examples.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both processors on the example's annotationProcessorPaths ran: Expiry's wrote the policy file,
 * Spring Boot's the configuration metadata of the shop's own properties.
 */
class BuildOutputTest {

  @Test
  void expirysProcessorWroteThePolicies() throws IOException {
    String policies = String.join("\n", resources("META-INF/expiry/policies"));
    assertTrue(policies.contains("handler\tdev.expiry.examples.boot.stock.StockController\tstock("), policies);
    assertTrue(policies.contains("handler\tdev.expiry.examples.boot.shop.AddressController\tsave(java.lang.String)"),
        policies);
  }

  @Test
  void springBootsProcessorWroteTheShopsPropertyMetadata() throws IOException {
    String metadata = String.join("\n", resources("META-INF/spring-configuration-metadata.json"));
    assertTrue(metadata.contains("\"name\": \"shop.tokens.secret\""), metadata);
    assertTrue(metadata.contains("\"name\": \"expiry.filter-order\""), "and the starter's: " + metadata);
    assertTrue(metadata.contains("\"name\": \"management.endpoint.expiry.access\""),
        "and the starter's endpoint's: " + metadata);
  }

  private static List<String> resources(String name) throws IOException {
    List<String> texts = new ArrayList<>();
    for (URL url : Collections.list(BuildOutputTest.class.getClassLoader().getResources(name))) {
      try (InputStream in = url.openStream()) {
        texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }
}
