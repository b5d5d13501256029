package dev.expiry.tests;

import dev.expiry.tests.app.AccountOrdersServlet;
import dev.expiry.tests.app.AccountServlet;
import dev.expiry.tests.app.BearerTokenFilter;
import dev.expiry.tests.app.CheckoutServlet;
import dev.expiry.tests.app.DashboardServlet;
import dev.expiry.tests.app.DocumentsServlet;
import dev.expiry.tests.app.GatewayServlet;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.app.MixedServlet;
import dev.expiry.tests.app.NoticeServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.PlainServlet;
import dev.expiry.tests.app.ProfileServlet;
import dev.expiry.tests.app.ReportingServlet;
import dev.expiry.tests.app.ReportsServlet;
import dev.expiry.tests.app.LinkedServlet;
import dev.expiry.tests.app.TokenProfileServlet;
import dev.expiry.tests.fixture.TestApp;

/**
 * The application most tests run against: every test endpoint, under a non-root context path,
 * with Expiry wired in by its {@code ServletContainerInitializer}, and a bearer token check in
 * front of {@code /tokens/*}.
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
        .servlet(AccountOrdersServlet.class, "/account/orders/*")
        .servlet(CheckoutServlet.class, "/checkout")
        .servlet(DashboardServlet.class, "/dashboard")
        .servlet(NoticeServlet.class, "/notice")
        .servlet(ReportingServlet.class, "/reporting", "/tokens/reporting")
        .servlet(TokenProfileServlet.class, "/tokens/profile")
        .servlet(LinkedServlet.class, "/linked")
        .filter(BearerTokenFilter.class, "/tokens/*")
        .build();
  }
}
