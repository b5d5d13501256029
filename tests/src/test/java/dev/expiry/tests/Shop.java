package dev.expiry.tests;

import dev.expiry.tests.app.AccountServlet;
import dev.expiry.tests.app.DocumentsServlet;
import dev.expiry.tests.app.GatewayServlet;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.app.MixedServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.PlainServlet;
import dev.expiry.tests.app.ProfileServlet;
import dev.expiry.tests.app.ReportsServlet;
import dev.expiry.tests.fixture.TestApp;

/**
 * The application most tests run against: every test endpoint, under a non-root context path,
 * with Expiry wired in by its {@code ServletContainerInitializer}.
 */
final class Shop {

  static final String CONTEXT_PATH = "/shop";

  private Shop() {}

  static TestApp deployment() {
    return TestApp.at(CONTEXT_PATH)
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servlet(OrdersServlet.class, "/api/orders/*")
        .servletInstance(ProfileServlet.class, "/api/profile")
        .webServlet(GatewayServlet.class)
        .webServlet(AccountServlet.class)
        .servlet(MixedServlet.class, "/mixed")
        .servlet(ReportsServlet.class, "/reports")
        .servlet(DocumentsServlet.class, "/documents")
        .servlet(PlainServlet.class, "/plain")
        .build();
  }
}
