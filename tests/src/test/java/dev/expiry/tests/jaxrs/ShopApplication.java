package dev.expiry.tests.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application: its path is the Jersey servlet's mapping, {@code /api/*}. */
@ApplicationPath("/api")
public class ShopApplication extends Application {}
