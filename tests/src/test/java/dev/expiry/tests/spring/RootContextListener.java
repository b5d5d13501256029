package dev.expiry.tests.spring;

import org.springframework.web.context.ContextLoaderListener;

/** Starts this application's controllers in the root {@code WebApplicationContext}, and closes it. */
public class RootContextListener extends ContextLoaderListener {

  public RootContextListener() {
    super(SpringDispatcher.context());
  }
}
