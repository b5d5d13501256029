package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertFrameworkAnswered;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.jaxrs.ExpiryFeature;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.jaxrs.ProfileResource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

/**
 * How Expiry's JAX-RS filter gets into a Jersey application: through Jersey's auto-discovery when
 * the application lists nothing, from the application's own list when it turns auto-discovery
 * off, and not at all when it does neither, which Expiry then says once. Each application is its
 * own Jersey servlet serving the same resource, whose policy is the package default.
 */
class JaxRsRegistrationTest extends ContainerTest {

  private static final String CHALLENGE = "PackageScheme realm=\"jaxrs\"";

  /** Lists its resources only: Expiry's feature comes through auto-discovery. */
  public static class Discovering extends ServletContainer {
    public Discovering() {
      super(new ResourceConfig(ProfileResource.class));
    }
  }

  /** Lists its providers by hand, with auto-discovery off. */
  public static class Listing extends ServletContainer {
    public Listing() {
      super(new ResourceConfig(ProfileResource.class).register(ExpiryFeature.class)
          .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true));
    }
  }

  /** Lists the feature although auto-discovery finds it too. */
  public static class ListingAndDiscovering extends ServletContainer {
    public ListingAndDiscovering() {
      super(new ResourceConfig(ProfileResource.class).register(ExpiryFeature.class));
    }
  }

  /** Auto-discovery off, the feature not listed. */
  public static class NotListing extends ServletContainer {
    public NotListing() {
      super(new ResourceConfig(ProfileResource.class)
          .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true));
    }
  }

  /** The JAX-RS switch for features listed as services turned off, the feature not listed. */
  public static class NotLoadingServices extends ServletContainer {
    public NotLoadingServices() {
      super(new ResourceConfig(ProfileResource.class).property("jakarta.ws.rs.loadServices", false));
    }
  }

  @Override
  protected TestApp deployment() {
    return TestApp.at("/registered")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servletInstance(Discovering.class, "/discovering/*")
        .servletInstance(Listing.class, "/listing/*")
        .servletInstance(ListingAndDiscovering.class, "/both/*")
        .servletInstance(NotListing.class, "/not-listing/*")
        .servletInstance(NotLoadingServices.class, "/no-services/*")
        .build();
  }

  @Test
  void anApplicationThatListsNoProviderGetsTheFeatureThroughAutoDiscovery() {
    assertExpiryAnswer(app.get("/discovering/profile", loggedOutSession()), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void anApplicationWithAutoDiscoveryOffGetsTheFeatureItLists() {
    assertExpiryAnswer(app.get("/listing/profile", loggedOutSession()), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void listingTheFeatureThatAutoDiscoveryAlsoFindsAnswersOnce() {
    assertExpiryAnswer(app.get("/both/profile", loggedOutSession()), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void withoutTheFeatureTheResourceRunsAndOneWarningNamesTheFix() {
    SessionCookie expired = loggedOutSession();
    try (Warnings warnings = new Warnings()) {
      assertHandlerRan(app.get("/not-listing/profile", expired), "profile");
      assertHandlerRan(app.get("/not-listing/profile", expired), "profile");
      assertHandlerRan(app.get("/no-services/profile", expired), "profile");
      assertHandlerRan(app.get("/no-services/profile", expired), "profile");

      List<String> messages = warnings.messages();
      assertEquals(2, messages.size(), "one warning per application: " + messages);
      assertAll(messages.stream().map(message -> () -> assertAll(message,
          () -> assertTrue(message.contains("register"), "says what to do"),
          () -> assertTrue(message.contains(ExpiryFeature.class.getName()), "names the feature"),
          () -> assertTrue(message.contains("jersey.config.disableAutoDiscovery"), "names the switch"))));
      assertTrue(messages.get(0).contains(NotListing.class.getSimpleName()), "names the servlet: " + messages.get(0));
      assertTrue(messages.get(1).contains(NotLoadingServices.class.getSimpleName()), "names the servlet: " + messages.get(1));
    }
  }

  @Test
  void whatJerseyMatchesNothingForIsNotWarnedAbout() {
    SessionCookie expired = loggedOutSession();
    try (Warnings warnings = new Warnings()) {
      assertFrameworkAnswered(app.get("/listing/nowhere", expired), 404);
      assertFrameworkAnswered(app.send("DELETE", "/listing/profile", expired), 405);
      assertFrameworkAnswered(app.get("/discovering/nowhere", expired), 404);
      assertEquals(List.of(), warnings.messages());
    }
  }

  @Test
  void aLiveSessionReachesTheResourceInEveryApplication() {
    SessionCookie live = app.login();
    for (String application : List.of("discovering", "listing", "both", "not-listing", "no-services")) {
      assertHandlerRan(app.get("/" + application + "/profile", live), "profile");
    }
  }

  /** The warnings Expiry's JAX-RS integration logs while this is open. */
  private static final class Warnings extends Handler implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger("dev.expiry.jaxrs");

    private final List<String> messages = new CopyOnWriteArrayList<>();

    Warnings() {
      LOGGER.addHandler(this);
    }

    List<String> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        messages.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      LOGGER.removeHandler(this);
    }
  }
}
