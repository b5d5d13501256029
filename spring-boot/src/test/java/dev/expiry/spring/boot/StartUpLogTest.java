package dev.expiry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.spring.boot.plain.PlainApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up line that says where Expiry's filter sits goes through Spring Boot's logging, under
 * a logger named after Expiry's classes: {@code logging.level.dev.expiry} tunes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpLogTest {

  private static final String POSITION = "Expiry answers expired sessions in the servlet filter dev.expiry.ExpiryFilter"
      + " for every request, at order -110 (expiry.filter-order)";

  @Test
  void theFiltersPositionIsLoggedAtInfo(CapturedOutput output) {
    run();
    assertTrue(output.getOut().contains("ExpiryFilterPosition"), output::getOut);
    assertTrue(output.getOut().contains(POSITION), output::getOut);
  }

  @Test
  void loggingLevelDevExpiryTunesIt(CapturedOutput output) {
    run("--logging.level.dev.expiry=warn");
    assertTrue(output.getOut().contains("Tomcat started on port"), output::getOut);
    assertFalse(output.getOut().contains(POSITION), output::getOut);
  }

  private static void run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--server.port=0";
    System.arraycopy(args, 0, all, 1, args.length);
    try (ConfigurableApplicationContext context = SpringApplication.run(PlainApp.class, all)) {
      assertTrue(context.isActive());
    }
  }
}
