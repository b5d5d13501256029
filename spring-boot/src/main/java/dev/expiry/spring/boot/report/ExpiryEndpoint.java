package dev.expiry.spring.boot.report;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/expiry}: the application's policy reports, merged ({@link ExpiryReports}).
 * Like every Actuator endpoint it is off the web until exposed:
 * {@code management.endpoints.web.exposure.include=expiry}.
 */
@Endpoint(id = "expiry")
public class ExpiryEndpoint {

  private final ExpiryReports reports;

  public ExpiryEndpoint(ExpiryReports reports) {
    this.reports = reports;
  }

  /**
   * {@code format}, {@code version}, {@code sources} (the jars and class directories whose reports
   * were read) and {@code packages}, each with its endpoints, their routes, responses and the answers of
   * each operation.
   */
  @ReadOperation
  public Map<String, Object> report() {
    return reports.report();
  }
}
