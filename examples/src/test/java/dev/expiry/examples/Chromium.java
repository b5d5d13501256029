package dev.expiry.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its own chromium-driver: nothing is downloaded. A
 * machine without them fails the test with the packages to install, never skips it.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * A host name the browser resolves to the loopback address: plain HTTP to it is an origin that
   * is not potentially trustworthy, as a server on the network is, while localhost is.
   */
  static final String PLAIN_HOST = "shop.expiry.test";

  private Chromium() {}

  static ChromeDriver start(Path profile) throws IOException {
    if (!Files.isExecutable(BROWSER)) {
      fail("No browser at " + BROWSER + ": install Debian's packages chromium and chromium-driver"
          + " (apt-get install -y chromium chromium-driver)");
    }
    if (!Files.isExecutable(DRIVER)) {
      fail("No driver at " + DRIVER + ": install Debian's package chromium-driver"
          + " (apt-get install -y chromium-driver)");
    }
    Files.createDirectories(profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(new File(profile.toFile(), "chromedriver.log"))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1000,700",
        "--host-resolver-rules=MAP " + PLAIN_HOST + " 127.0.0.1", "--user-data-dir=" + profile.toAbsolutePath());
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return driver;
    } catch (RuntimeException e) {
      return fail("Chromium (" + BROWSER + ", driver " + DRIVER + ") did not start; check that the packages"
          + " chromium and chromium-driver are installed and of the same version: " + e.getMessage(), e);
    }
  }
}
